"""pugnlp.patterns.ape: APE categories after a cue word, achieved/targeted cue words."""

from __future__ import annotations

import pytest

from pugnlp.patterns.ape import ACHIEVED, APE_CATEGORY, TARGETED, YEAR


@pytest.mark.parametrize("text, cat", [
    ("penghargaan kategori Madya", "Madya"), ("APE Utama", "Utama"), ("predikat Nindya", "Nindya"),
    ("Anugerah Parahita Ekapraya tingkat Pratama", "Pratama"),
    ("penghargaan APE kategori Mentor", "Mentor"), ("kategori madya", "madya"),
])
def test_category_after_a_cue(text: str, cat: str) -> None:
    match = APE_CATEGORY.search(text)
    assert match is not None and match.group("cat") == cat


@pytest.mark.parametrize("text", [
    "Perencana Ahli Madya Bappeda", "Jabatan Pimpinan Tinggi Pratama", "Jalan Utama",
    "kategori Madyaa", "pejabat madya dan pratama",
])
def test_no_category_without_a_cue(text: str) -> None:
    assert APE_CATEGORY.search(text) is None


def test_status_cues() -> None:
    assert ACHIEVED.search("Kabupaten Banjar mendapatkan penghargaan")
    assert ACHIEVED.search("kembali meraih")
    assert not ACHIEVED.search("naik kelas minimal")
    assert TARGETED.search("bisa naik kelas minimal")
    assert TARGETED.search("menargetkan")
    assert not TARGETED.search("mendapatkan penghargaan")


def test_year() -> None:
    assert YEAR.findall("APE 2023 dan 1999, bukan 2300 atau 12023") == ["2023", "1999"]
