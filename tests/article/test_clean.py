"""pugnlp.article.clean: noise removal and the headline guess (pure functions)."""

from __future__ import annotations

import pytest

from pugnlp.article.clean import clean_text, guess_title, is_noise_line, normalise, paragraph_span

LEAD = ("Sekretaris Daerah Kota Samarinda membuka rapat koordinasi Pokja PUG di Aula Bappeda pada "
        "Senin (6/11/2023). Rapat diikuti perwakilan seluruh perangkat daerah yang menjadi focal "
        "point PUG di lingkungan Pemkot Samarinda.")


def test_normalise_unifies_spaces_newlines_and_drops_invisible_characters() -> None:
    assert normalise("Aula\xa0Bappeda\u200b\r\nKota\rSamarinda") == "Aula Bappeda\nKota\nSamarinda"
    assert normalise("Cafe\u0301") == "Café"  # NFC


@pytest.mark.parametrize("line", [
    "Baca Juga: Bupati Kukar Resmikan Jembatan", "Foto: Humas Pemkot", "Sumber: Diskominfo",
    "Bagikan", "Tags: PUG, Samarinda", "Sekda berfoto bersama peserta rakor. Foto – Hafiz.",
])
def test_is_noise_line_true(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize("line", [
    "", "   ", LEAD, "Sumber daya manusia menjadi prasyarat PUG.",
    "Peserta kemudian berfoto bersama di depan Aula Bappeda.",
])
def test_is_noise_line_false(line: str) -> None:
    assert not is_noise_line(line)


def test_clean_text_drops_noise_lines_credits_and_the_tail() -> None:
    raw = ("Rakor Pokja PUG Kota Samarinda\r\n\r\n\r\n\r\n" + LEAD + " (Yds/Hfz/MedCenSMD)\r\n"
           "Baca Juga: Wali Kota Balikpapan Resmikan Jembatan\n\n"
           "Foto: Humas Pemkot Samarinda\n"
           "Kepala DP3A Kota Samarinda menyampaikan materi data terpilah.\n"
           "Berita Terkait\n"
           "Bupati Kukar Buka Pasar Murah di Tenggarong\n")
    cleaned = clean_text(raw)
    assert cleaned == ("Rakor Pokja PUG Kota Samarinda\n\n" + LEAD + "\n\n"
                       "Kepala DP3A Kota Samarinda menyampaikan materi data terpilah.")
    for gone in ("Baca Juga", "Balikpapan", "Foto:", "MedCenSMD", "Berita Terkait", "Kukar"):
        assert gone not in cleaned


def test_clean_text_does_not_cut_at_a_tail_heading_before_the_body() -> None:
    raw = "Komentar\nRapat PUG digelar di Aula Bappeda Kota Bontang hari ini."
    assert clean_text(raw) == raw


def test_clean_text_collapses_spaces_and_strips() -> None:
    assert clean_text("  Rapat   PUG  digelar  \n\n\n\n\nhari ini  ") == "Rapat PUG digelar\n\nhari ini"


def test_clean_text_of_only_noise_is_empty() -> None:
    assert clean_text("Baca Juga: Sekda Buka Pameran\nFoto: Humas\nBagikan") == ""


def test_guess_title_takes_the_first_headline_like_line() -> None:
    assert guess_title("\n\nRakor Pokja PUG Kota Samarinda\n" + LEAD) == "Rakor Pokja PUG Kota Samarinda"
    assert guess_title("Rakor.\nDua kata\nRakor Pokja PUG Digelar\n") == "Rakor Pokja PUG Digelar"


@pytest.mark.parametrize("text", [
    LEAD,                                  # a long first paragraph: no headline
    "Rapat Pokja PUG digelar hari ini.",  # ends with a full stop: a sentence
    "",
])
def test_guess_title_none(text: str) -> None:
    assert guess_title(text) is None


def test_paragraph_span_is_the_line_around_an_offset() -> None:
    text = "Judul\nBaris kedua di sini.\nBaris ketiga"
    assert text[slice(*paragraph_span(text, 10))] == "Baris kedua di sini."
    assert text[slice(*paragraph_span(text, len(text) - 1))] == "Baris ketiga"
    assert text[slice(*paragraph_span(text, 0))] == "Judul"
