"""pugnlp.patterns.dates: the regexes for numeric and written dates and their context words."""

from __future__ import annotations

import pytest

from pugnlp.patterns.dates import (
    EVENT_DATE_CONTEXT,
    MONTHS,
    NUMERIC_DATE,
    PAST_REFERENCE,
    PUBLICATION_CUES,
    TEXT_DATE,
    TIME_OF_DAY,
    WEEKDAYS,
)


def test_months_cover_names_and_newsroom_abbreviations() -> None:
    assert MONTHS["januari"] == 1 and MONTHS["desember"] == 12
    assert MONTHS["nop"] == MONTHS["nopember"] == 11
    assert MONTHS["peb"] == 2 and MONTHS["agt"] == 8 and MONTHS["mrt"] == 3
    assert set(MONTHS.values()) == set(range(1, 13))


def test_weekdays_use_python_numbering() -> None:
    assert WEEKDAYS["senin"] == 0 and WEEKDAYS["jumat"] == WEEKDAYS["jum'at"] == 4
    assert WEEKDAYS["minggu"] == WEEKDAYS["ahad"] == 6


@pytest.mark.parametrize("text, d, m, y", [
    ("Rabu (11/10/2023)", "11", "10", "2023"),
    ("Selasa(31/10)", "31", "10", None),
    ("Jumat, 16-9-2022", "16", "9", "2022"),
    ("tanggal 3/4", "3", "4", None),
    ("(7/11/23)", "7", "11", "23"),
])
def test_numeric_date_reads_day_month_and_year(text: str, d: str, m: str, y: str | None) -> None:
    match = NUMERIC_DATE.search(text)
    assert match is not None
    assert (match.group("d"), match.group("m"), match.group("y")) == (d, m, y)


@pytest.mark.parametrize("text", [
    "nomor 12/2023",           # a regulation number, no weekday/tanggal/parenthesis
    "Perda 3/4 tentang PUG",
    "Rp 1.500/orang",
    "rasio 30/70 persen",
])
def test_numeric_date_needs_a_weekday_tanggal_or_parenthesis(text: str) -> None:
    assert NUMERIC_DATE.search(text) is None


@pytest.mark.parametrize("text, groups", [
    ("Rabu 6 Desember 2023", {"wd": "Rabu", "d1": "6", "m": "Desember", "y": "2023"}),
    ("21-22 November 2024", {"d1": "21", "d2": "22", "m": "November", "y": "2024"}),
    ("5 s.d. 7 Juli 2023", {"d1": "5", "d2": "7", "m": "Juli"}),
    ("30 Oktober - 1 November 2023", {"d1": "30", "m1": "Oktober", "d2": "1", "m": "November"}),
    ("tanggal 12 Nop 2023", {"d1": "12", "m": "Nop", "y": "2023"}),
])
def test_text_date_reads_days_months_and_ranges(text: str, groups: dict[str, str]) -> None:
    match = TEXT_DATE.search(text)
    assert match is not None
    for name, value in groups.items():
        assert match.group(name) == value, name


@pytest.mark.parametrize("text", [
    "diikuti 40 peserta dari 12 OPD", "pada 2023 lalu", "sebanyak 6 Desa", "Mei",
])
def test_text_date_needs_a_day_and_a_month_name(text: str) -> None:
    assert TEXT_DATE.search(text) is None


def test_publication_cues_and_clock_times() -> None:
    assert PUBLICATION_CUES.search("Diterbitkan: 2 November 2023")
    assert PUBLICATION_CUES.search("Posted on 2 November 2023")
    assert not PUBLICATION_CUES.search("Rapat diterima oleh Sekda")
    assert TIME_OF_DAY.search("Rabu, 11 Oktober 2023 | 10:15 WITA")
    assert TIME_OF_DAY.search("pukul 09.00 WIB")
    assert not TIME_OF_DAY.search("pukul 09.00 pagi")


def test_event_context_and_past_references() -> None:
    assert EVENT_DATE_CONTEXT.search("Rakor digelar di Aula Bappeda")
    assert not EVENT_DATE_CONTEXT.search("Data ini diperbarui setiap tahun")
    assert PAST_REFERENCE.search("sejak 2019")
    assert PAST_REFERENCE.search("pada Maret lalu")
    assert not PAST_REFERENCE.search("pada Maret mendatang")
