"""pugnlp.events.dates: date mentions, yearless dates, publication date, the activity date."""

from __future__ import annotations

import datetime as dt

import pytest

from pugnlp.events.dates import (
    DateMention,
    choose_event_date,
    find_dates,
    find_publication_date,
    resolve_year,
)

D = dt.date


def _surfaces(text: str, base: dt.date | None = None) -> list[tuple[str, dt.date, dt.date | None]]:
    return [(text[m.start:m.end], m.date, m.end_date) for m in find_dates(text, base)]


@pytest.mark.parametrize("text, surface, date, end", [
    ("Rakor digelar Rabu (11/10/2023) di Aula.", "Rabu (11/10/2023)", D(2023, 10, 11), None),
    ("Verifikasi lapangan Jumat (16/9/22) lalu.", "Jumat (16/9/22)", D(2022, 9, 16), None),
    ("Rakor digelar Rabu 6 Desember 2023 di Aula.", "Rabu 6 Desember 2023", D(2023, 12, 6), None),
    ("Rakor digelar Rabu (6 Desember 2023) di Aula.", "Rabu (6 Desember 2023)", D(2023, 12, 6), None),
    ("Bimtek dari tanggal 21-22 November 2024 di Hotel.", "21-22 November 2024",
     D(2024, 11, 21), D(2024, 11, 22)),
    ("Pelatihan pada 5 s.d. 7 Juli 2023.", "5 s.d. 7 Juli 2023", D(2023, 7, 5), D(2023, 7, 7)),
    ("Pelatihan 30 Oktober - 1 November 2023.", "30 Oktober - 1 November 2023",
     D(2023, 10, 30), D(2023, 11, 1)),
    ("Terbit 12 Nop 2023.", "12 Nop 2023", D(2023, 11, 12), None),
])
def test_find_dates_with_year(text: str, surface: str, date: dt.date, end: dt.date | None) -> None:
    assert _surfaces(text) == [(surface, date, end)]


def test_a_yearless_date_is_resolved_against_the_publication_date_and_weekday() -> None:
    text = "Rakor digelar Selasa(31/10) di Aula."
    # 31 October is a Tuesday in 2023, not in 2024: the weekday wins over the nearer year
    assert _surfaces(text, D(2023, 11, 2)) == [("Selasa(31/10)", D(2023, 10, 31), None)]
    assert _surfaces(text, D(2024, 11, 2)) == [("Selasa(31/10)", D(2023, 10, 31), None)]
    mention = find_dates(text, D(2023, 11, 2))[0]
    assert mention.weekday_given and not mention.year_given


def test_a_weekday_that_fits_no_year_gives_no_date() -> None:
    # 12/11 is a Sunday in 2023 and a Saturday in 2022; "Senin" fits neither nor 2024 (Tuesday)
    assert find_dates("Rakor Senin (12/11) di Aula.", D(2023, 11, 20)) == []
    assert _surfaces("Rakor Minggu (12/11) di Aula.", D(2023, 11, 20))[0][1] == D(2023, 11, 12)
    assert _surfaces("Rakor Sabtu (12/11) di Aula.", D(2023, 11, 20))[0][1] == D(2022, 11, 12)


@pytest.mark.parametrize("text", [
    "dengan rasio (3/4) peserta",            # a bare fraction in parentheses
    "Senin (31/2/2023) rapat",               # no such day
    "tahun 2023 dengan 40 peserta",
    "Perda Nomor 12/2023 tentang PUG",
])
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text, D(2023, 5, 1)) == []


def test_date_span_has_no_trailing_whitespace() -> None:
    """A numeric date without parentheses: the evidence must be the date, not 'date + space'."""
    text = "Rakor digelar Rabu, 8/11/2023 di Aula Bappeda."
    assert _surfaces(text) == [("Rabu, 8/11/2023", D(2023, 11, 8), None)]


def test_a_range_across_new_year_keeps_the_first_day_in_the_previous_year() -> None:
    text = "Pelatihan berlangsung pada 30 Desember - 2 Januari 2024 di Hotel Aston."
    assert _surfaces(text) == [("30 Desember - 2 Januari 2024", D(2023, 12, 30), D(2024, 1, 2))]


def test_a_yearless_range_across_new_year() -> None:
    text = "Pelatihan Senin 30 Desember hingga 2 Januari di Hotel Aston."
    assert _surfaces(text, D(2025, 1, 3)) == [
        ("Senin 30 Desember hingga 2 Januari", D(2024, 12, 30), D(2025, 1, 2))]


@pytest.mark.parametrize("text", [
    "Program ini menjangkau 6 Desa di Kecamatan Kurun.",
    "Bantuan diberikan kepada 12 desa dan 5 janda lansia.",
])
def test_a_month_abbreviation_must_be_a_whole_word(text: str) -> None:
    """'6 Desa' is six villages, not 6 December; '5 janda' is not 5 January."""
    assert find_dates(text, D(2023, 11, 10)) == []


def test_resolve_year() -> None:
    base = D(2023, 11, 2)
    assert resolve_year(31, 10, 1, base, []) == D(2023, 10, 31)
    assert resolve_year(31, 10, 0, base, []) == D(2022, 10, 31)   # Monday -> 2022
    assert resolve_year(25, 12, None, base, []) == D(2022, 12, 25)  # not after publication
    assert resolve_year(5, 11, None, base, []) == D(2023, 11, 5)    # within a week after
    assert resolve_year(29, 2, None, D(2023, 3, 2), []) == D(2024, 2, 29)
    assert resolve_year(29, 2, 3, None, [2024]) == D(2024, 2, 29)
    assert resolve_year(10, 11, None, None, []) is None
    assert resolve_year(30, 2, None, base, [2024]) is None


@pytest.mark.parametrize("text, date", [
    ("Rakor PUG Digelar\nDiterbitkan: 2 November 2023\nIsi berita.", D(2023, 11, 2)),
    ("Rakor PUG Digelar\n\nRabu, 15 November 2023 | 10:15 WITA\n\nIsi berita.", D(2023, 11, 15)),
    ("Isi berita.\nDiposting: Jumat, 3/11/2023 oleh admin", D(2023, 11, 3)),
])
def test_find_publication_date(text: str, date: dt.date) -> None:
    assert find_publication_date(text) == date


@pytest.mark.parametrize("text", [
    "Rapat digelar 2 November 2023 di Aula.",     # no publication cue
    "Diposting pada 2 November\nIsi berita.",     # no year
    "",
])
def test_no_publication_date(text: str) -> None:
    assert find_publication_date(text) is None


ARTICLE = """Rakor PUG Kota Banjarbaru Digelar

Rabu, 15 November 2023 | 10:15 WITA

BANJARBARU - Pemko Banjarbaru menggelar rapat koordinasi PUG di Aula Gawi Sabarataan, Selasa (14/11/2023). Kegiatan ini merupakan tindak lanjut evaluasi yang sudah dilakukan sejak 12 Januari 2022 lalu oleh tim provinsi bersama perangkat daerah."""


def test_choose_event_date_prefers_the_lead_over_publication_and_past_dates() -> None:
    published = find_publication_date(ARTICLE)
    mentions = find_dates(ARTICLE, published)
    assert [m.date for m in mentions] == [D(2023, 11, 15), D(2023, 11, 14), D(2022, 1, 12)]
    chosen = choose_event_date(ARTICLE, mentions, published)
    assert chosen is not None and chosen.date == D(2023, 11, 14)
    assert ARTICLE[chosen.start:chosen.end] == "Selasa (14/11/2023)"


def test_choose_event_date_skips_a_past_reference_in_the_lead() -> None:
    text = ("Evaluasi PUG Gunung Mas\n\nSejak 3 Maret 2021 lalu Pemkab Gunung Mas menyusun profil "
            "gender. Tahun ini Pemkab menggelar rapat evaluasi di Aula Bappeda, Kamis (9/11/2023), "
            "dengan mengundang seluruh perangkat daerah dan camat.")
    chosen = choose_event_date(text, find_dates(text))
    assert chosen is not None and chosen.date == D(2023, 11, 9)


def test_choose_event_date_without_mentions_or_with_only_a_publication_line() -> None:
    assert choose_event_date("tidak ada tanggal", []) is None
    text = "Judul Berita\nDiterbitkan: 2 November 2023 pukul 10:15 WITA"
    assert choose_event_date(text, find_dates(text)) is None


def test_date_mention_is_a_value() -> None:
    a = DateMention(0, 5, D(2023, 1, 1), None, False, True)
    assert a == DateMention(0, 5, D(2023, 1, 1), None, False, True)
    with pytest.raises(AttributeError):
        a.start = 3  # type: ignore[misc]


def test_numeric_day_range_in_parentheses() -> None:
    text = "Sosialisasi digelar Kamis dan Jumat (13-14/6/2024) di Wamena."
    (mention,) = find_dates(text)
    assert (mention.date.isoformat(), mention.end_date.isoformat()) == ("2024-06-13", "2024-06-14")


def test_a_caption_date_before_the_lead_loses_to_the_activity_date() -> None:
    text = ("Sosialisasi PUG di Kabupaten Nabire\n"
            "KEGIATAN - Penutupan sosialisasi PUG oleh panitia, Jumat (14/6/2024).\n"
            "NABIRE – Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Nabire "
            "menggelar sosialisasi pengarusutamaan gender bagi perangkat daerah selama dua hari.\n"
            "Sosialisasi digelar di Aula Bappeda Nabire pada Kamis dan Jumat (13-14/6/2024).")
    chosen = choose_event_date(text, find_dates(text), None)
    assert chosen is not None and chosen.date.isoformat() == "2024-06-13"


def test_a_byline_date_is_not_the_activity_date() -> None:
    text = ("Sosialisasi PUG di Gayo Lues\n\nKategori : Berita Senin, 22 Oktober 2018 - Oleh admin\n\n"
            "Kabupaten Gayo Lues, 16 Juli 2018 Dinas Pemberdayaan Perempuan dan Perlindungan Anak "
            "Aceh melakukan kegiatan sosialisasi pengarusutamaan gender bagi perangkat daerah.")
    chosen = choose_event_date(text, find_dates(text), None)
    assert chosen is not None and chosen.date.isoformat() == "2018-07-16"


def test_relative_days_are_counted_from_the_publication_date() -> None:
    published = dt.date(2024, 6, 5)  # a Wednesday
    text = "SAMARINDA - DKP3A Kaltim menggelar bimtek PPRG kemarin di Hotel Midtown."
    (mention,) = find_dates(text, published)
    assert mention.date == dt.date(2024, 6, 4)
    text = "Jakarta - Pemprov DKI menggelar rakor PUG di Balai Kota, Senin kemarin."
    chosen = choose_event_date(text, find_dates(text, published), published)
    assert chosen is not None and chosen.date == dt.date(2024, 6, 3)
    assert text[chosen.start:chosen.end] == "Senin kemarin"
    assert find_dates("Rapat PUG digelar hari ini di aula.", published)[0].date == published


def test_without_a_publication_date_no_day_is_made_up() -> None:
    text = "Rapat PUG digelar kemarin, Selasa (4/6), di aula kantor bupati."
    assert find_dates(text, None) == []  # no year, no publication date: nothing to resolve


def test_a_yearless_date_without_a_publication_date_is_null_with_its_reason() -> None:
    from pugnlp.events.dates import missing_date_note

    text = "Rakor Pokja PUG digelar di aula Bappeda, Senin (23/9), dihadiri 40 peserta."
    mentions = find_dates(text)
    assert mentions == [] and choose_event_date(text, mentions) is None
    assert missing_date_note(text, mentions, None) == "yearless_no_publication_date"
    assert missing_date_note("Rakor Pokja PUG digelar di aula Bappeda.", [], None) == "no_date"
