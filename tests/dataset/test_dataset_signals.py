"""Comparison signals: agency keys, people, venues, text similarity."""

from __future__ import annotations

import pytest

from pugnlp.dataset import signals


@pytest.mark.parametrize(("agency", "key"), [
    ({"acronym": "KemenPPPA"}, "KEMENP3A"),
    ({"name": "Kementerian PP dan PA"}, "KEMENP3A"),
    ({"name": "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"}, "KEMENP3A"),
    ({"name": "Dinas PPPA Kota Banjarbaru"}, "DP3A"),
    ({"expansion": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"}, "DP3A"),
    ({"name": "DP2KBPMP2A Kota Banjarbaru"}, "DP2KBPMP2A"),
    ({"name": "Dinas PPKB PMP2A"}, "DP2KBPMP2A"),
    ({"name": "Dinas Kesehatan Kota Banjarbaru"}, "DINASKESEHATAN"),
    ({"name": "Bappedalitbang"}, "BAPPEDALITBANG"),
    ({"name": ""}, None),
])
def test_agency_key_groups_spellings(agency, key):
    assert signals.agency_key(agency) == key


def test_distinct_agencies_of_one_shape_stay_distinct():
    assert signals.agency_key({"name": "DKP3A Kabupaten X"}) == "DKP3A"
    assert signals.agency_key({"name": "Dinas Kesehatan"}) != signals.agency_key(
        {"name": "Dinas Kependudukan"})


def test_signature_drops_whole_government_names():
    sig = signals.agency_signature([{"name": "Pemerintah Kota Banjarbaru"},
                                    {"name": "Pemkot Banjarbaru"}, {"name": "Setdako Banjarbaru"},
                                    {"acronym": "DP3A"}])
    assert sig == {"DP3A"}


def test_agency_agreement_ignores_the_national_ministry():
    assert signals.agency_agreement(frozenset({"DP3A"}), frozenset({"DP3A", "BAPPEDA"})) == 1
    assert signals.agency_agreement(frozenset({"DP3A"}), frozenset({"DINASKESEHATAN"})) == -1
    assert signals.agency_agreement(frozenset({"KEMENP3A"}), frozenset({"KEMENP3A", "DP3A"})) == 0
    assert signals.agency_agreement(frozenset(), frozenset({"DP3A"})) == 0


def test_same_person_by_contained_name():
    a, b = signals.name_key("Hj. Sri Lailana"), signals.name_key("Sri Lailana")
    assert a == b == ("sri", "lailana")
    assert signals.same_person(signals.name_key("Lailana"), a)
    assert not signals.same_person(signals.name_key("Sri Wahyuni"), a)
    assert signals.people_overlap([a], [signals.name_key("Puspa Kencana"), b]) == 1


def test_venue_key_drops_generic_and_region_words():
    region = signals.place_words("Kota Banjarbaru", "Kalimantan Selatan")
    assert signals.venue_key("Aula Gawi Sabarataan, Balai Kota", region) == {"gawi", "sabarataan"}
    assert signals.venue_key("Balai Kota Banjarbaru", region) == frozenset()
    midtown = [signals.venue_key("Hotel Midtown Samarinda", signals.place_words("Kota Samarinda"))]
    assert signals.venues_agree(midtown, [signals.venue_key("Hotel Midtown")]) == 1
    assert signals.venues_agree(midtown, [signals.venue_key("Ruang Rapat DP2PA")]) == -1
    assert signals.venues_agree(midtown, []) == 0


def test_shingle_jaccard_separates_copies_from_paraphrases():
    text = ("Pemerintah Kota Banjarbaru menggelar rapat koordinasi Pokja PUG di Aula Gawi "
            "Sabarataan pada hari Rabu untuk menyamakan persepsi seluruh SKPD.")
    copy = text + " Sumber: MC Banjarbaru"
    paraphrase = ("Seluruh SKPD Banjarbaru berkumpul di Aula Gawi Sabarataan hari Rabu untuk "
                  "rapat Pokja PUG yang digelar pemerintah kota.")
    a, b, c = signals.shingles(text), signals.shingles(copy), signals.shingles(paraphrase)
    assert signals.jaccard(a, a) == 1.0
    assert signals.jaccard(a, b) > 0.7
    assert signals.jaccard(a, c) < 0.2
    assert signals.jaccard(a, signals.shingles("")) == 0.0
