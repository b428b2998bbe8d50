"""pugnlp.events.agencies: agency mentions (known, by grammar, spelled out, governments), merged."""

from __future__ import annotations

import pytest

from pugnlp.events.agencies import AgencyFinder, AgencyMention, merge_mentions


def _mentions(finder: AgencyFinder, text: str) -> list[tuple[str, str, str | None]]:
    return [(text[m.start:m.end], m.key, m.region_code) for m in finder.find(text)]


def _entries(finder: AgencyFinder, text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(e.key, e.region_code, [text[m.start:m.end] for m in e.mentions])
            for e in merge_mentions(finder.find(text))]


def test_unseen_acronym_decoded_by_grammar_with_its_region(agency_finder: AgencyFinder) -> None:
    text = "Rapat digelar DP3AP2KBPMD Kabupaten Gunung Mas bersama Bappeda."
    found = agency_finder.find(text)
    assert [(text[m.start:m.end], m.region_code) for m in found] == [
        ("DP3AP2KBPMD Kabupaten Gunung Mas", "62.10"), ("Bappeda", None)]
    assert found[0].acronym == "DP3AP2KBPMD"
    assert found[0].expansion == ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian "
                                  "Penduduk dan Keluarga Berencana, Pemberdayaan Masyarakat dan Desa")
    assert found[1].expansion == "Badan Perencanaan Pembangunan Daerah"


def test_dinas_before_a_short_acronym(agency_finder: AgencyFinder) -> None:
    text = "Dinas P3A Kota Bontang dan Dinas DP3A Kota Bontang hadir."
    found = _mentions(agency_finder, text)  # "Dinas P3A" is the DP3A: one key (pugnlp.keys)
    assert found[0] == ("Dinas P3A Kota Bontang", "DP3A", "64.74")
    assert found[1] == ("Dinas DP3A Kota Bontang", "DP3A", "64.74")


def test_spelled_out_name_with_acronym_merges_with_later_acronyms(agency_finder: AgencyFinder) -> None:
    text = ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
            "Berencana (DP3AP2KB) Kabupaten Banjar menggelar rapat. Kepala DP3AP2KB Kabupaten Banjar "
            "hadir. DP3AP2KB juga menyiapkan data terpilah.")
    found = agency_finder.find(text)
    assert found[0].acronym == "DP3AP2KB"
    assert found[0].expansion.startswith("Dinas Pemberdayaan Perempuan, Perlindungan Anak")
    assert _entries(agency_finder, text) == [("DP3AP2KB", "63.03", [
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
        "Berencana (DP3AP2KB) Kabupaten Banjar", "DP3AP2KB Kabupaten Banjar", "DP3AP2KB"])]


def test_government_forms_are_merged(agency_finder: AgencyFinder) -> None:
    text = ("Pemko Banjarbaru menggelar rakor. Pemerintah Kota Banjarbaru juga mengundang Pemkab "
            "Banjar.")
    assert _entries(agency_finder, text) == [
        ("PEMERINTAH", "63.72", ["Pemko Banjarbaru", "Pemerintah Kota Banjarbaru"]),
        ("PEMERINTAH", "63.03", ["Pemkab Banjar"]),
    ]
    assert agency_finder.find(text)[0].expansion == "Pemerintah Kota Banjarbaru"


def test_province_government_by_alias(agency_finder: AgencyFinder) -> None:
    text = "Pemprov Kalsel dan Pemerintah Provinsi Kalimantan Selatan menggelar rakor."
    assert _entries(agency_finder, text) == [
        ("PEMERINTAH", "63", ["Pemprov Kalsel", "Pemerintah Provinsi Kalimantan Selatan"])]


def test_a_government_prefix_without_a_region_is_no_agency(agency_finder: AgencyFinder) -> None:
    assert agency_finder.find("Pemerintah Kota Tua menggelar festival.") == []


def test_region_suffix_distinguishes_agencies(agency_finder: AgencyFinder) -> None:
    text = ("DKP3A Kaltim dan Bappeda Kaltim serta Bappeda Kota Samarinda hadir. Bappeda Provinsi "
            "Kalimantan Timur memaparkan data. Dinas Kesehatan Kabupaten Kapuas Hulu ikut.")
    assert _entries(agency_finder, text) == [
        ("DKP3A", "64", ["DKP3A Kaltim"]),
        ("BAPPEDA", "64", ["Bappeda Kaltim", "Bappeda Provinsi Kalimantan Timur"]),
        ("BAPPEDA", "64.72", ["Bappeda Kota Samarinda"]),
        ("DINASKESEHATAN", "61.06", ["Dinas Kesehatan Kabupaten Kapuas Hulu"]),
    ]


def test_ministry_forms_are_one_agency(agency_finder: AgencyFinder) -> None:
    text = ("Kementerian PPPA dan Kemen PPPA serta Kementerian Pemberdayaan Perempuan dan "
            "Perlindungan Anak hadir, juga KemenPPPA.")
    entries = merge_mentions(agency_finder.find(text))
    assert len(entries) == 1 and entries[0].key == "KEMENP3A"
    assert len(entries[0].mentions) == 4


def test_concepts_are_not_agencies(agency_finder: AgencyFinder) -> None:
    assert agency_finder.find("Rapat membahas PUG, PPRG, ARG, GAP dan APBD bersama OPD.") == []


def test_a_tax_office_is_not_a_womens_agency(agency_finder: AgencyFinder) -> None:
    """KPP (Kantor Pelayanan Pajak) must not come out as 'Kependudukan, Pemberdayaan Perempuan'."""
    text = "Rapat juga dihadiri perwakilan KPP Pratama Samarinda Ulu."
    assert [m.expansion for m in agency_finder.find(text)] == []


def test_merge_gives_a_regionless_mention_to_the_body_first_named_with_a_region() -> None:
    """Two regional entries of one key: the unqualified mention is not a third body (a
    duplicate in the record); it joins the one the article named first."""
    mentions = [AgencyMention(0, 5, "bappeda", "64", "Bappeda", None),
                AgencyMention(10, 15, "bappeda", "64.72", "Bappeda", None),
                AgencyMention(20, 27, "bappeda", None, "Bappeda", None)]
    entries = merge_mentions(mentions)
    assert [(e.region_code, len(e.mentions)) for e in entries] == [("64", 2), ("64.72", 1)]


def test_merge_joins_a_regionless_mention_to_the_sole_regional_entry() -> None:
    mentions = [AgencyMention(20, 27, "W:DP3A", None, "DP3A", None),
                AgencyMention(0, 5, "W:DP3A", "64.74", "DP3A", None)]
    entries = merge_mentions(mentions)
    assert len(entries) == 1 and entries[0].region_code == "64.74"
    assert [m.start for m in entries[0].mentions] == [0, 20]
    assert merge_mentions([]) == []


@pytest.mark.parametrize("text", [
    "Rapat dihadiri Organisasi Perangkat Daerah terkait.",
    "Ketua Dinas memberi sambutan.",
])
def test_generic_phrases_are_not_spelled_agencies(agency_finder: AgencyFinder, text: str) -> None:
    assert agency_finder.find(text) == []


def test_a_spelled_agency_stops_where_a_person_begins(agency_finder: AgencyFinder) -> None:
    text = "Hadir Plt Inspektur Inspektorat Enseny Stevy Mosso dan pimpinan OPD."
    assert [text[m.start:m.end] for m in agency_finder.find(text)] == [
        "Inspektorat Enseny Stevy Mosso"]  # unknown words: nothing tells they are a name
    person = frozenset({text.index("Enseny")})
    assert [text[m.start:m.end] for m in agency_finder.find(text, person_starts=person)] == [
        "Inspektorat"]


def test_a_spelled_agency_stops_at_a_word_only_names_use() -> None:
    from pugnlp.events.places import PlaceFinder
    from pugnlp.wilayah import load_gazetteer

    finder = AgencyFinder(PlaceFinder(load_gazetteer()), frozenset({"budi", "santoso"}))
    text = "Rapat dihadiri Kepala Inspektorat Budi Santoso."
    assert [text[m.start:m.end] for m in finder.find(text)] == ["Inspektorat"]


def _surfaces(agency_finder: AgencyFinder, text: str) -> list[str]:
    return [text[m.start:m.end] for m in agency_finder.find(text)]


def test_a_name_goes_on_after_its_acronym_with_a_second_unit(agency_finder: AgencyFinder
                                                             ) -> None:
    text = ("KENDARI – Dinas Pemberdayaan Perempuan, Perlindungan Anak (DP3A) dan Keluarga "
            "Berencana (KB) Provinsi Sulawesi Tenggara menggelar rakor PUG.")
    assert ("Dinas Pemberdayaan Perempuan, Perlindungan Anak (DP3A) dan Keluarga Berencana "
            "(KB) Provinsi Sulawesi Tenggara") in _surfaces(agency_finder, text)


def test_a_unit_word_in_lowercase_does_not_cut_the_name(agency_finder: AgencyFinder) -> None:
    text = ("AMBON – Dinas Pemberdayaan Perempuan dan Perlindungan anak Provinsi Maluku "
            "menggelar pelatihan PPRG.")
    assert "Dinas Pemberdayaan Perempuan dan Perlindungan anak Provinsi Maluku" in \
        _surfaces(agency_finder, text)


def test_an_unqualified_mention_joins_the_body_first_named_with_its_region(
        agency_finder: AgencyFinder) -> None:
    text = ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk, dan "
            "Keluarga Berencana (DP3APPKB) menggelar rakor. Kepala Dinas DP3APPKB Kabupaten "
            "Kapuas membuka rapat bersama DP3APPKB Provinsi Kalimantan Tengah.")
    entries = merge_mentions(agency_finder.find(text))
    regions = sorted((e.region_code or "-", len(e.mentions)) for e in entries)
    assert regions == [("62", 1), ("62.03", 2)]


def test_heads_alone_name_no_body(agency_finder: AgencyFinder) -> None:
    text = "Rapat di Kantor Dinas P3APPKB Provinsi Kalimantan Tengah, Selasa."
    assert "Kantor Dinas" not in _surfaces(agency_finder, text)


@pytest.mark.parametrize(("text", "surface", "region"), [
    ("Pemerintah Provinsi (Pemprov) Bengkulu menyiapkan verifikasi APE.",
     "Pemerintah Provinsi (Pemprov) Bengkulu", "17"),
    ("Pemerintah Kabupaten (Pemkab) Bantaeng menerima penghargaan.",
     "Pemerintah Kabupaten (Pemkab) Bantaeng", "73.03"),
    ("Pemerintah Kota Administrasi Jakarta Barat menggelar bimtek PUG.",
     "Pemerintah Kota Administrasi Jakarta Barat", "31.73"),
])
def test_a_government_with_its_short_form_or_administrasi(agency_finder: AgencyFinder, text: str,
                                                          surface: str, region: str) -> None:
    found = _mentions(agency_finder, text)
    assert [(s, r) for s, _, r in found] == [(surface, region)]


def test_a_short_form_of_words_in_brackets_keys_the_body_and_takes_its_region(
        agency_finder: AgencyFinder) -> None:
    text = ("Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak (Dinsos PPR dan PA)"
            "Kabupaten Pasaman menggelar sosialisasi. Kepala Dinsos PPR dan PA Kabupaten Pasaman "
            "membuka acara bersama narasumber dari Dinas PPR dan PA Provinsi Sumatera Barat. "
            "Staf Dinsos PPR dan PA ikut hadir.")
    entries = _entries(agency_finder, text)
    assert [(key, region, len(forms)) for key, region, forms in entries] == [
        ("DP3A", "13.08", 3), ("DP3A", "13", 1)]
    assert entries[0][2][0].endswith("(Dinsos PPR dan PA)Kabupaten Pasaman")
    assert "Dinsos" not in [s for s, _, _ in _mentions(agency_finder, text)]


def test_a_suku_dinas_with_its_short_form(agency_finder: AgencyFinder) -> None:
    text = ("Kegiatan diinisiasi Suku Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian "
            "Penduduk (Sudin PPAPP) Jakarta Utara bagi 40 ASN.")
    assert _mentions(agency_finder, text)[0][0] == (
        "Suku Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk (Sudin PPAPP) "
        "Jakarta Utara")


def test_a_unit_named_before_its_body_is_the_body(agency_finder: AgencyFinder) -> None:
    text = ("Hadir Deputi Bidang Kesetaraan Gender Kementerian PPPA, Rina Astuti. Menurut "
            "Deputi Bidang Kesetaraan Gender, evaluasi digelar tiap tahun.")
    assert [(key, forms) for key, _, forms in _entries(agency_finder, text)] == [
        ("KEMENP3A", ["Kementerian PPPA"])]


def test_a_bracket_acronym_without_the_institution_letter_is_the_same_body(
        agency_finder: AgencyFinder) -> None:
    text = ("Urusan ini tugas Dinas PPPA. Kepala Dinas Pemberdayaan Perempuan Dan Perlindungan "
            "Anak (PPPA) Sulut hadir, begitu pula Biro Hukum Setda Sulut.")
    entries = _entries(agency_finder, text)
    assert [(key, region, len(forms)) for key, region, forms in entries][0] == ("DP3A", "71", 2)
    assert any(forms[0].startswith("Biro Hukum") for _, _, forms in entries)


def test_a_regional_unit_runs_on_into_its_body(agency_finder: AgencyFinder) -> None:
    text = "Rapat dihadiri Biro Hukum Setda Kaltim dan DKP3A Kaltim."
    assert _mentions(agency_finder, text)[0][0] == "Biro Hukum Setda Kaltim"
