"""pugnlp.events.ape: APE categories with year and status (achieved or targeted)."""

from __future__ import annotations

import pytest

from pugnlp.events.ape import find_ape


def _ape(text: str) -> list[tuple[str, int | None, str, str]]:
    return [(a.category, a.year, a.status, text[a.start:a.end]) for a in find_ape(text, [(0, len(text))])]


@pytest.mark.parametrize("text, expected", [
    ("Pada tahun 2022 Kabupaten Banjar mendapatkan penghargaan kategori Madya.",
     [("Madya", 2022, "achieved", "Madya")]),
    ("Tahun 2024 kami berharap bisa naik kelas minimal di kategori Nindya.",
     [("Nindya", 2024, "targeted", "Nindya")]),
    ("Kota Bontang kembali meraih predikat Nindya.", [("Nindya", None, "achieved", "Nindya")]),
    ("Penghargaan Anugerah Parahita Ekapraya (APE) tingkat Madya diterima Bupati.",
     [("Madya", None, "achieved", "Madya")]),
    ("Tim menyiapkan dokumen APE kategori madya.", [("Madya", None, "achieved", "madya")]),
    ("Sumbar Berpeluang Raih APE 2024 Tingkat Utama", [("Utama", 2024, "targeted", "Utama")]),
    ("Pemkab optimistis meraih APE kategori Mentor tahun ini.",
     [("Mentor", None, "targeted", "Mentor")]),
])
def test_categories(text: str, expected: list) -> None:  # noqa: ANN001
    assert _ape(text) == expected


def test_achieved_and_targeted_in_one_sentence() -> None:
    text = "Kota Banjarbaru meraih APE kategori Utama tahun 2023 dan menargetkan kategori Mentor pada 2025."
    assert _ape(text) == [("Utama", 2023, "achieved", "Utama"), ("Mentor", 2025, "targeted", "Mentor")]


def test_status_is_read_within_the_sentence() -> None:
    text = "Banjar menargetkan naik kelas. Saat ini Banjar berada di kategori Madya."
    sentences = [(0, 30), (31, len(text))]
    assert text[31:35] == "Saat"
    assert [(a.category, a.status) for a in find_ape(text, sentences)] == [("Madya", "achieved")]
    # without the sentence bounds the previous sentence's "menargetkan" is read: targeted
    assert [(a.category, a.status) for a in find_ape(text, [])] == [("Madya", "targeted")]


def test_repeated_category_is_listed_once() -> None:
    text = "Banjar meraih kategori Madya. Kategori Madya itu diserahkan di Jakarta."
    assert [a.category for a in find_ape(text, [(0, 29), (30, len(text))])] == ["Madya"]


@pytest.mark.parametrize("text", [
    "Rapat menghadirkan pejabat madya dan pratama.",
    "Perencana Ahli Madya Bappeda menjadi narasumber.",
    "Jabatan Pimpinan Tinggi Pratama dilantik kemarin.",
])
def test_no_category(text: str) -> None:
    assert _ape(text) == []


def test_headline_without_year_joins_the_dated_mention() -> None:
    text = ("Sigi Raih APE Kategori Madya\n"
            "Kabupaten Sigi meraih Anugerah Parahita Ekapraya tahun 2023 kategori Madya.")
    bounds = [(0, 28), (29, len(text))]
    found = find_ape(text, bounds)
    assert [(a.category, a.year, a.status) for a in found] == [("Madya", 2023, "achieved")]


def test_a_year_belongs_to_the_category_of_its_clause() -> None:
    text = "Jika pada 2019 mendapat kategori Madya, kali ini Temanggung meraih kategori Utama."
    assert _ape(text) == [("Madya", 2019, "achieved", "Madya"),
                          ("Utama", None, "achieved", "Utama")]


def test_a_year_from_a_clause_without_a_category_is_borrowed() -> None:
    text = "Pada tahun 2022, Kabupaten Banjar mendapatkan penghargaan kategori Madya."
    assert _ape(text) == [("Madya", 2022, "achieved", "Madya")]


def _categories(text: str) -> list[tuple[str, str]]:
    return [(a.category, a.status) for a in find_ape(text, [(0, len(text))])]


def test_categories_written_in_lowercase_after_their_cue() -> None:
    assert _categories("Alhamdulillah, penghargaan APE kita raih dari pratama ke madya.") == [
        ("Pratama", "achieved"), ("Madya", "achieved")]
    assert _categories("Pada 2016 Sulut sudah meraih tingkatan madya.") == [
        ("Madya", "achieved")]
    assert _categories("Semoga penilaian positif sehingga bisa meningkat ke utama.") == [
        ("Utama", "targeted")]


def test_the_award_scale_described_is_no_category() -> None:
    text = ("Kategori penerima APE terdiri dari empat yakni tingkat Pratama (pemula), tingkat "
            "Madya (pengembangan), tingkat Utama dan tingkat Mentor.")
    assert _categories(text) == []
    # two categories named for two kinds of region are not a scale
    text = ("Provinsi meraih APE kategori Utama, sementara kabupaten/kota berada di kategori "
            "Madya dan Nindya.")
    assert [c for c, _ in _categories(text)] == ["Utama", "Madya", "Nindya"]


def test_a_target_cue_right_before_an_achieving_verb_is_a_target() -> None:
    text = "Provinsi itu berpeluang meraih APE 2024 dengan tingkat penghargaan Utama."
    assert _ape(text) == [("Utama", 2024, "targeted", "Utama")]


def test_a_year_nearer_another_category_is_that_ones() -> None:
    text = "Pada 2019 sudah meraih tingkatan madya dan semoga bisa meningkat ke utama."
    assert _ape(text) == [("Madya", 2019, "achieved", "madya"), ("Utama", None, "targeted", "utama")]


def test_a_category_achieved_and_to_be_kept_is_listed_once() -> None:
    text = ("Pemkot Bogor meraih APE kategori Utama. Pemkot akan mempertahankan kategori Utama "
            "dan menuju kategori Mentor.")
    assert [(c, s) for c, _, s, _ in _ape(text)] == [("Utama", "achieved"), ("Mentor", "targeted")]


def test_targetkan_in_a_headline_is_a_target() -> None:
    assert _ape("Pemkab Targetkan APE Madya") == [("Madya", None, "targeted", "Madya")]
