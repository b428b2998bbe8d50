"""pugnlp.events.places: region mentions, datelines and the place of the event."""

from __future__ import annotations

import pytest

from pugnlp.events.places import PlaceFinder, PlaceResult

TAIL = (" menggelar rapat koordinasi pengarusutamaan gender bersama seluruh perangkat daerah di "
        "aula kantor pada hari ini.")


def _place(finder: PlaceFinder, text: str) -> PlaceResult:
    return finder.resolve(text, [], [])


def _evidence(text: str, result: PlaceResult) -> str | None:
    return text[result.evidence[0]:result.evidence[1]] if result.evidence else None


@pytest.mark.parametrize("lead, code, evidence", [
    ("MEDIA CENTER BANJARBARU – Dinas Pemberdayaan Perempuan", "63.72", "BANJARBARU"),
    ("Samarinda, Senin (6/11/2023) Pemerintah daerah", "64.72", "Samarinda"),
    ("Gumas - Sekretaris daerah", "62.10", "Gumas"),
    ("Pare-Pare - Sekretaris daerah", "73.72", "Pare-Pare"),
    ("Tanjung Balai - Sekretaris daerah", "12.74", "Tanjung Balai"),
])
def test_dateline_decides_the_kab_kota(place_finder: PlaceFinder, lead: str, code: str,
                                       evidence: str) -> None:
    text = "Judul Berita\n\n" + lead + TAIL
    result = _place(place_finder, text)
    assert result.precision == "kab_kota"
    assert result.kab_kota is not None and result.kab_kota.code == code
    assert result.province is not None and result.province.code == code.split(".")[0]
    assert _evidence(text, result) == evidence


def test_dateline_with_a_regency_capital(place_finder: PlaceFinder) -> None:
    text = "Judul Berita\n\nHai Kalteng - Kuala Kurun - Pemerintah daerah" + TAIL
    mentions, towns = place_finder.dateline(text)
    assert [r.code for m in mentions for r in m.regions] == ["62"]  # Kalteng: the province
    assert [r.code for r, _, _ in towns] == ["62.10"]                    # Kuala Kurun: Gunung Mas
    result = _place(place_finder, text)
    assert result.kab_kota is not None and result.kab_kota.name == "Kabupaten Gunung Mas"
    assert result.province is not None and result.province.name == "Kalimantan Tengah"


def test_a_place_decided_by_a_capital_town_has_evidence(place_finder: PlaceFinder) -> None:
    """Every extracted field comes with its evidence (DOMAIN.md, "Who uses the output")."""
    text = "Judul Berita\n\nHai Kalteng - Kuala Kurun - Pemerintah daerah" + TAIL
    result = _place(place_finder, text)
    assert result.kab_kota is not None
    assert _evidence(text, result) == "Kuala Kurun"


def test_province_alias_alone_gives_province_precision(place_finder: PlaceFinder) -> None:
    text = "Judul Berita\n\nKALSEL - Pemerintah provinsi" + TAIL
    result = _place(place_finder, text)
    assert result.precision == "province" and result.kab_kota is None
    assert result.province is not None and result.province.code == "63"
    assert _evidence(text, result) == "KALSEL"


def test_an_ambiguous_capital_stays_unresolved(place_finder: PlaceFinder) -> None:
    # Martapura is the capital of Kabupaten Banjar (Kalsel) and of OKU Timur (Sumsel)
    text = "Judul Berita\n\nMartapura, Selasa (14/3/2023) - Pemerintah daerah" + TAIL
    assert _place(place_finder, text).precision == "unresolved"


def test_no_place_at_all(place_finder: PlaceFinder) -> None:
    result = _place(place_finder, "Judul Berita\n\nRapat daring" + TAIL)
    assert result == PlaceResult(None, None, "unresolved", None)


@pytest.mark.parametrize("lead, code", [
    ("Pemko Bogor", "32.71"), ("Pemkab Bogor", "32.01"),
    ("Kupang - Pemkot Kupang", "53.71"), ("Kupang - Pemkab Kupang", "53.01"),
    ("Pemkab Kapuas Hulu", "61.06"), ("Pemkab Kapuas", "62.03"),
])
def test_city_or_regency_decided_by_the_government_form(place_finder: PlaceFinder, lead: str,
                                                        code: str) -> None:
    result = _place(place_finder, "Judul Berita\n\n" + lead + TAIL)
    assert result.kab_kota is not None and result.kab_kota.code == code


@pytest.mark.parametrize("cue, code", [("Pemkab Bogor melalui Setdakab", "32.01"),
                                       ("Pemkot Bogor melalui Setdako", "32.71")])
def test_city_or_regency_decided_by_cues_elsewhere(place_finder: PlaceFinder, cue: str,
                                                   code: str) -> None:
    text = "Judul Berita\n\nRapat di Bogor" + TAIL + " " + cue + " turut hadir."
    result = _place(place_finder, text)
    assert result.kab_kota is not None and result.kab_kota.code == code


def test_wali_kota_counts_as_a_city_cue(place_finder: PlaceFinder) -> None:
    """'Wali Kota' (the official spelling) must weigh like 'Walikota' for Kota vs Kabupaten."""
    text = ("Rakor PUG\n\nBOGOR – Rapat koordinasi pengarusutamaan gender dibuka langsung oleh "
            "Wali Kota di ruang rapat utama pada Senin pagi. Dalam sambutannya Wali Kota meminta "
            "semua perangkat daerah melengkapi data terpilah. Hadir pula perwakilan Bupati "
            "Sukabumi sebagai tamu.")
    assert _place(place_finder, text.replace("Wali Kota", "Walikota")).kab_kota.code == "32.71"
    assert _place(place_finder, text).kab_kota.code == "32.71"


LEAD = (" menggelar rapat koordinasi pengarusutamaan gender bersama seluruh perangkat daerah di "
        "aula kantor wali kota pada hari ini")


@pytest.mark.parametrize("cue", ["dibandingkan", "seperti halnya", "belajar dari"])
def test_a_place_named_only_in_a_comparison_does_not_win(place_finder: PlaceFinder, cue: str) -> None:
    text = ("Rakor PUG\n\nPemkot Bontang" + LEAD + ". Capaian itu " + cue + " Kota Balikpapan, "
            "Pemkot Balikpapan dan Kota Balikpapan yang telah lebih dulu meraih kategori Utama.")
    result = _place(place_finder, text)
    assert result.kab_kota is not None and result.kab_kota.name == "Kota Bontang"
    # the same sentence without the comparison word: Balikpapan would win
    control = text.replace(cue, "bersama")
    assert _place(place_finder, control).kab_kota.name == "Kota Balikpapan"


def test_excluded_spans_are_ignored(place_finder: PlaceFinder) -> None:
    text = "Judul Berita\n\nRapat PUG dipimpin Sekda Bontang" + TAIL + " Pemkot Bontang hadir."
    assert _place(place_finder, text).kab_kota.name == "Kota Bontang"
    spans = [(m.start, m.end) for m in place_finder.mentions(text)]
    assert place_finder.resolve(text, [], spans).precision == "unresolved"


def test_mentions_read_prefixes_and_levels(place_finder: PlaceFinder) -> None:
    text = "Rapat Pemkab Gumas dan Kota Banjarbaru di Provinsi Kalsel serta KALTIM"
    found = [(text[m.start:m.end], [r.code for r in m.regions], m.level_hint, m.prefix)
             for m in place_finder.mentions(text)]
    assert found == [
        ("Pemkab Gumas", ["62.10"], "kabupaten", "Pemkab"),
        ("Kota Banjarbaru", ["63.72"], "kota", "Kota"),
        ("Provinsi Kalsel", ["63"], "provinsi", "Provinsi"),
        ("KALTIM", ["64"], None, None),
    ]


def test_mentions_need_capitalised_words(place_finder: PlaceFinder) -> None:
    assert place_finder.mentions("rapat di bontang dan samarinda") == []
    assert place_finder.mentions("rapat di bontang", allow_lower=True)[0].regions[0].code == "64.74"
