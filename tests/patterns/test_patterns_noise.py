"""pugnlp.patterns.noise: related-story links, credits, captions, comment-form headings."""

from __future__ import annotations

import pytest

from pugnlp.patterns.noise import (
    CAPTION_TAIL,
    HTML_PRUNE_XPATH,
    INLINE_NOISE,
    NOISE_LINE,
    RELATED_LINE,
    TAIL_HEADINGS,
)


@pytest.mark.parametrize("line", [
    "Baca Juga: Bupati Tapin Resmikan Pasar Rakyat",
    "(Baca Juga : Wali Kota Tinjau Banjir di Kelurahan Guntung)",
    "BACA JUGA Sekda Buka Pameran UMKM",
    "Simak juga: Festival Budaya Dayak",
    "[Lihat Juga] Jadwal Vaksinasi",
])
def test_related_line_matches_links_to_other_stories(line: str) -> None:
    assert RELATED_LINE.match(line)


@pytest.mark.parametrize("line", [
    "Bacaan doa membuka rapat koordinasi.",
    "Peserta juga membaca dokumen PPRG.",
    "Wakil Bupati juga hadir dalam rapat.",
])
def test_related_line_leaves_ordinary_sentences(line: str) -> None:
    assert not RELATED_LINE.match(line)


@pytest.mark.parametrize("line", [
    "Berita Terkait", "Artikel Terkait:", "Leave a Reply", "0 Komentar", "Tinggalkan Komentar",
    "Alamat email Anda tidak akan dipublikasikan.", "Related Posts",
])
def test_tail_headings_match_the_end_of_the_article(line: str) -> None:
    assert TAIL_HEADINGS.match(line)


@pytest.mark.parametrize("line", [
    "Berita terkait rapat PUG ini disebarkan ke seluruh OPD.",
    "Komentar Sekda tentang data terpilah cukup tegas.",
])
def test_tail_headings_need_the_whole_line(line: str) -> None:
    assert not TAIL_HEADINGS.match(line)


@pytest.mark.parametrize("line", [
    "Bagikan ke Facebook", "Facebook Twitter WhatsApp", "Tags: PUG, gender, Kaltim",
    "Editor: Rina Marlina", "Penulis: Andre", "Sumber: Diskominfo Kaltim",
    "Foto: Humas Pemkot Samarinda", "Foto – Hafiz.", "Dibaca: 120 kali", "Share",
])
def test_noise_line_matches_page_furniture(line: str) -> None:
    assert NOISE_LINE.match(line)


@pytest.mark.parametrize("line", [
    "Sumber daya manusia menjadi salah satu prasyarat PUG.",
    "Foto bersama dilakukan usai rapat koordinasi.",
    "Editorial ini membahas kesetaraan gender.",
    "Penulisan profil gender dimulai bulan depan.",
])
def test_noise_line_leaves_body_sentences(line: str) -> None:
    assert not NOISE_LINE.match(line)


def test_caption_tail_matches_a_credit_at_the_end_of_a_paragraph() -> None:
    assert CAPTION_TAIL.search("Sekda membuka rapat di Aula Bappeda. Foto – Hafiz.")
    assert CAPTION_TAIL.search("Peserta rakor berfoto bersama. Foto: Humas Pemkot Samarinda")
    assert not CAPTION_TAIL.search("Peserta rakor kemudian berfoto bersama di depan aula.")


def test_inline_noise_removes_credits_and_trailing_author_codes() -> None:
    assert INLINE_NOISE.sub(" ", "Rapat berjalan lancar. (Yds/Hfz/MedCenBJB)").strip() == \
        "Rapat berjalan lancar."
    assert INLINE_NOISE.sub(" ", "Rapat (Sumber: Humas) berjalan lancar (ist)").strip() == \
        "Rapat berjalan lancar"


def test_inline_noise_keeps_numbers_and_mid_line_parentheses() -> None:
    assert INLINE_NOISE.sub(" ", "perbandingan peserta (50/50)") == "perbandingan peserta (50/50)"
    text = "anggota Pokja (Bappeda/DP3A) sudah hadir."
    assert INLINE_NOISE.sub(" ", text) == text


def test_html_prune_xpath_targets_related_blocks_and_captions() -> None:
    joined = " ".join(HTML_PRUNE_XPATH)
    assert "Baca Juga" in joined and "figcaption" in joined and "comment" in joined
    assert all(x.startswith("//") for x in HTML_PRUNE_XPATH)
