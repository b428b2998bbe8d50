"""pugnlp.events.classify_rules: transparent relevance and event type from cue words."""

from __future__ import annotations

import pytest

from pugnlp.events.classify_rules import (
    RuleDecision,
    _count_core,
    decide,
    relevance_score,
    split_sections,
    type_scores,
)
from pugnlp.schema import EVENT_TYPES

RAKOR = """Rakor Pokja PUG Kota Bontang Bahas Data Terpilah

BONTANG - Pemerintah Kota Bontang melalui DP3AP2KB menggelar rapat koordinasi Kelompok Kerja Pengarusutamaan Gender (Pokja PUG) di Aula Bappeda, Senin (6/11/2023), yang diikuti 40 peserta dari seluruh perangkat daerah.
Dalam rakor tersebut Sekda meminta focal point PUG setiap OPD melengkapi data terpilah."""

CRIME = """Polres Tangkap Pelaku Pencabulan Anak di Kecamatan Kota Bangun

KUTAI KARTANEGARA - Polres Kukar menangkap seorang pria yang diduga menjadi pelaku pencabulan terhadap anak di bawah umur. Tersangka diamankan di rumahnya pada Selasa (7/11/2023) setelah korban melapor.
Kepala DP3A Kukar Sri Rahayu mengatakan pihaknya akan memberikan pendampingan psikologis kepada korban dan mendorong kesetaraan gender di lingkungan keluarga."""

KB_DRIVE = """Pelayanan KB Gratis di Kecamatan Kurun

KUALA KURUN - Dinas Pengendalian Penduduk dan Keluarga Berencana menggelar pelayanan KB gratis bagi akseptor baru di Puskesmas Kurun. Sebanyak 80 akseptor mengikuti pemasangan implan dan IUD.
Kepala dinas berharap kesadaran keluarga berencana terus meningkat di kalangan pasangan muda."""


def _decide(text: str) -> RuleDecision:
    title = text.split("\n")[0]
    return decide(*split_sections(text, title))


def test_a_pug_rakor_is_relevant_rapat_koordinasi() -> None:
    decision = _decide(RAKOR)
    assert decision.relevant and decision.relevance_score > 0
    assert decision.event_type == "rapat_koordinasi"
    assert set(decision.type_scores) == set(EVENT_TYPES)


@pytest.mark.parametrize("text", [CRIME, KB_DRIVE])
def test_stories_that_only_mention_gender_are_not_relevant(text: str) -> None:
    decision = _decide(text)
    assert not decision.relevant and decision.relevance_score <= 0
    assert decision.event_type is None


@pytest.mark.parametrize("title, lead, label", [
    ("Bimtek PPRG bagi Perencana OPD",
     "Bappeda menggelar bimbingan teknis PPRG bagi perencana seluruh OPD di Hotel Aston selama dua "
     "hari dan diikuti 50 peserta dari perangkat daerah.", "bimtek_pelatihan"),
    ("Kabupaten Banjar Raih Anugerah Parahita Ekapraya",
     "Pemkab Banjar meraih penghargaan Anugerah Parahita Ekapraya kategori Madya yang diserahkan "
     "Menteri PPPA di Jakarta atas komitmen pelaksanaan PUG.", "penghargaan"),
    ("Tim Provinsi Lakukan Verifikasi Lapangan Evaluasi PUG",
     "Tim evaluasi PUG provinsi melaksanakan verifikasi lapangan evaluasi pelaksanaan PUG di "
     "Kabupaten Kapuas dan memeriksa dokumen pendukung dari perangkat daerah.", "evaluasi"),
    ("Sosialisasi PUG bagi Camat dan Lurah",
     "DP3A menggelar sosialisasi pengarusutamaan gender bagi camat dan lurah se-Kota Bontang "
     "yang dibuka Sekda di Aula Kantor Wali Kota dan diikuti 60 peserta.", "sosialisasi"),
    ("Bupati Kukuhkan Pokja PUG",
     "Bupati Gunung Mas mengukuhkan Kelompok Kerja PUG melalui surat keputusan bupati dalam acara "
     "pengukuhan yang digelar di Aula Bappeda dan dihadiri kepala perangkat daerah.", "kebijakan"),
])
def test_event_types(title: str, lead: str, label: str) -> None:
    decision = decide(title, lead, "")
    assert decision.relevant
    assert decision.event_type == label, decision.type_scores


def test_relevant_without_type_cues_is_lainnya() -> None:
    lead = ("Pemkab Banjar melaksanakan kegiatan pengarusutamaan gender bersama perangkat daerah "
            "dan kegiatan itu dihadiri para camat di Martapura pada hari ini.")
    decision = decide("Pengarusutamaan Gender di Banjar", lead, "")
    assert decision.relevant and decision.event_type == "lainnya"


def test_no_text_is_not_relevant() -> None:
    decision = decide("", "", "")
    assert not decision.relevant and decision.event_type is None
    assert all(score == 0 for score in decision.type_scores.values())


def test_acronyms_count_only_in_capitals() -> None:
    assert _count_core("Pokja PUG dan dokumen ARG") == 2
    assert _count_core("pug dan arg dan Arg") == 0


def test_activity_words_raise_the_score() -> None:
    without = relevance_score("", "Pengarusutamaan gender penting bagi daerah.", "")
    with_activity = relevance_score("", "Bappeda menggelar rapat pengarusutamaan gender.", "")
    assert with_activity > without


def test_type_scores_weight_the_headline_above_the_body() -> None:
    in_title = type_scores("Bimtek PUG", "", "")["bimtek_pelatihan"]
    in_body = type_scores("", "", "Bimtek PUG")["bimtek_pelatihan"]
    assert in_title > in_body > 0


def test_split_sections() -> None:
    long = "Ini paragraf panjang " + "kata " * 20
    assert split_sections("Judul\n\npendek\n" + long + "\nsisa", "Judul") == ("Judul", long, "sisa")
    assert split_sections("satu dua\ntiga empat", None) == ("", "satu dua", "tiga empat")
    assert split_sections("", None) == ("", "", "")
