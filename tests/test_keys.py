"""pugnlp.keys: one agency key and one person key for records, selectors and the dataset."""

from __future__ import annotations

import pytest

from pugnlp.events.agencies import AgencyFinder, merge_mentions
from pugnlp.keys import agency_key, is_generic_agency, person_key, same_person, similar


@pytest.mark.parametrize("kwargs, key", [
    ({"acronym": "DP3A"}, "DP3A"),
    ({"acronym": "DPPPA"}, "DP3A"),
    ({"name": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"}, "DP3A"),
    ({"name": "Dinas PPPA Kota Banjarbaru"}, "DP3A"),
    ({"acronym": "KemenPPPA"}, "KEMENP3A"),
    ({"acronym": "KPP"}, "KEMENP3A"),
    ({"name": "Dinas Kesehatan"}, "DINASKESEHATAN"),
    ({"expansion": "Badan Pusat Statistik"}, "BPS"),
    ({}, None),
])
def test_agency_key(kwargs: dict[str, str], key: str | None) -> None:
    assert agency_key(**kwargs) == key


def test_generic_agency() -> None:
    assert is_generic_agency(agency_key(name="Pemerintah Kota Banjarbaru") or "")
    assert not is_generic_agency("DP3A")


def test_person_key_drops_honorifics_titles_and_punctuation() -> None:
    assert person_key("Hj. Sri Lailana, SH, MM") == ("sri", "lailana")
    assert person_key("Bapak Yohanes Basik-Basik") == ("yohanes", "basik", "basik")


def test_same_person() -> None:
    full = person_key("Sri Lailana")
    assert same_person(person_key("Lailana"), full)
    assert not same_person(person_key("Sri"), full)  # across articles a short word is not enough
    assert same_person(person_key("Sri"), full, min_shared=1)  # within one article it is
    assert not same_person(person_key("Sri Wahyuni"), full)
    assert same_person(person_key("Sri Lailanah"), full, fuzzy=0.85)
    assert similar("dinas pppa", "dinas pppa kota x", 0.8)


def test_record_merges_dp3a_and_dppa_of_one_region(agency_finder: AgencyFinder) -> None:
    """The record and the dataset share one key: DP3A and DPPPA in one article are one body
    (records used to list them apart, e.g. a3_002 "DPPPA Gowa" and "DP3A")."""
    text = "Rapat DPPPA Kabupaten Gowa dihadiri Bappeda. DP3A menyiapkan data terpilah."
    entries = merge_mentions(agency_finder.find(text))
    assert [(e.key, [text[m.start:m.end] for m in e.mentions]) for e in entries] == [
        ("DP3A", ["DPPPA Kabupaten Gowa", "DP3A"]), ("BAPPEDA", ["Bappeda"])]


def test_record_merges_spelled_name_with_its_acronym(agency_finder: AgencyFinder) -> None:
    text = ("Badan Pusat Statistik Provinsi Papua Tengah memaparkan data. "
            "Menurut BPS, angka itu naik.")
    entries = merge_mentions(agency_finder.find(text))
    assert len(entries) == 1 and entries[0].key == "BPS"
