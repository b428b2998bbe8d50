"""pugnlp.events.record: a processed Doc becomes a record with every field's evidence in the
cleaned text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pugnlp.article.html import text_to_article
from pugnlp.events.loader import extract_article, extract_articles, extract_text
from pugnlp.schema import COLUMNS, EventRecord, Evidence, text_sha1

RAW = """Rakor Pokja PUG Kota Bontang Bahas Data Terpilah

Rabu, 8 November 2023 | 09:30 WITA

BONTANG - Pemerintah Kota Bontang melalui Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) menggelar rapat koordinasi Kelompok Kerja Pengarusutamaan Gender (Pokja PUG) di Aula Kantor Wali Kota Bontang, Selasa (7/11/2023). Rakor diikuti 35 peserta dari seluruh perangkat daerah.

Rapat dibuka oleh Sekretaris Daerah Kota Bontang Drs. Hendra Wiratama, M.Si di hadapan peserta. Dalam arahannya, Hendra meminta setiap focal point PUG melengkapi data terpilah sebelum evaluasi.

Kepala DP3A Kota Bontang, Lestari Wulandari, menyampaikan bahwa tahun 2022 Kota Bontang mendapatkan penghargaan APE kategori Madya.

Baca Juga: Wali Kota Balikpapan Resmikan Taman Kota

Foto: Humas Pemkot Bontang
"""


@pytest.fixture(scope="module")
def record(rules_nlp: Language) -> EventRecord:
    return extract_article(rules_nlp, text_to_article(RAW, "uji-bontang"))


def _surface(record: EventRecord, evidence: Evidence) -> str:
    return record.text[evidence.start:evidence.end]


def test_the_text_is_cleaned_and_hashed(record: EventRecord) -> None:
    assert "Baca Juga" not in record.text and "Balikpapan" not in record.text
    assert "Foto:" not in record.text
    assert record.text_sha1 == text_sha1(record.text)
    assert record.doc_id == "uji-bontang"
    assert record.title == "Rakor Pokja PUG Kota Bontang Bahas Data Terpilah"


def test_relevance_and_type(record: EventRecord) -> None:
    assert record.relevant and record.event_type == "rapat_koordinasi"


def test_dates(record: EventRecord) -> None:
    assert record.published == "2023-11-08"
    assert record.event_date == "2023-11-07" and record.event_date_end is None
    assert _surface(record, record.event_date_evidence) == "Selasa (7/11/2023)"


def test_place(record: EventRecord) -> None:
    assert (record.kab_kota, record.kab_kota_code) == ("Kota Bontang", "64.74")
    assert (record.province, record.province_code) == ("Kalimantan Timur", "64")
    assert record.place_precision == "kab_kota"
    assert _surface(record, record.place_evidence) == "BONTANG"


def test_venues(record: EventRecord) -> None:
    assert [v.name for v in record.venues] == ["Aula Kantor Wali Kota Bontang"]
    for venue in record.venues:
        assert _surface(record, venue.evidence) == venue.name


def test_officials(record: EventRecord) -> None:
    assert [(o.name, o.position, o.agency) for o in record.officials] == [
        ("Hendra Wiratama", "Sekretaris Daerah Kota Bontang", None),
        ("Lestari Wulandari", "Kepala DP3A Kota Bontang", "DP3A Kota Bontang"),
    ]
    for official in record.officials:
        assert _surface(record, official.evidence) == official.name


def test_agencies(record: EventRecord) -> None:
    names = [(a.name, a.acronym) for a in record.agencies]
    assert names == [("Pemerintah Kota Bontang", None), ("DP3A Kota Bontang", "DP3A")]
    dp3a = record.agencies[1]
    assert dp3a.expansion == "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"
    # the evidence is the first mention: the spelled-out name with its acronym
    assert _surface(record, dp3a.evidence) == \
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A)"
    for agency in record.agencies:
        assert agency.name in record.text
        assert agency.text == _surface(record, agency.evidence)  # as first written


def test_an_agency_keeps_how_the_article_first_wrote_it(rules_nlp: Language) -> None:
    text = ("Bimtek PUG Banjarbaru\n\nBANJARBARU – Pemko Banjarbaru melalui DP3APMP2KB Kota "
            "Banjarbaru menggelar bimtek PUG, Selasa (7/11/2023).\n\nKepala DP3APMP2KB Kota "
            "Banjarbaru Erma Sari mengatakan Pemerintah Kota Banjarbaru terus berkomitmen.")
    record = extract_article(rules_nlp, text_to_article(text, "uji-pemko"))
    pemko = next(a for a in record.agencies if a.name == "Pemerintah Kota Banjarbaru")
    assert pemko.text == "Pemko Banjarbaru"
    assert record.as_dict()["agencies"][0]["text"] is not None


def test_participants_and_ape(record: EventRecord) -> None:
    assert record.participants == 35
    assert _surface(record, record.participants_evidence) == "35"
    assert [(a.category, a.year, a.status) for a in record.ape_categories] == [
        ("Madya", 2022, "achieved")]
    assert _surface(record, record.ape_categories[0].evidence) == "Madya"


def test_every_evidence_lies_in_its_sentence(record: EventRecord) -> None:
    evidences = [record.event_date_evidence, record.place_evidence, record.participants_evidence]
    evidences += [x.evidence for x in record.venues + record.officials + record.agencies
                  + record.ape_categories]
    for evidence in evidences:
        assert evidence is not None
        surface = _surface(record, evidence)
        assert surface and surface == surface.strip()
        assert surface in evidence.sentence


def test_as_dict_has_the_schema_columns(record: EventRecord) -> None:
    data = record.as_dict()
    assert list(data) == list(COLUMNS)
    assert data["officials"][0]["evidence"]["start"] == record.officials[0].evidence.start


def test_extract_many_equals_extract(rules_nlp: Language, record: EventRecord) -> None:
    article = text_to_article(RAW, "uji-bontang")
    other = text_to_article("Judul Lain Tentang PUG\n\nSamarinda - Rapat PUG digelar hari ini.", "x")
    many = list(extract_articles(rules_nlp, [article, other], batch_size=1))
    assert many[0] == record
    assert many[1].doc_id == "x"


def test_extract_text_uses_the_given_publication_date(rules_nlp: Language) -> None:
    text = ("Rakor PUG Gunung Mas\n\nKuala Kurun - Pemkab Gunung Mas menggelar rapat koordinasi PUG "
            "di Aula Bappeda, Selasa(31/10), yang dihadiri seluruh perangkat daerah dan camat.")
    record = extract_text(text, rules_nlp, doc_id="gumas", published="2023-11-02")
    assert record.published == "2023-11-02"
    assert record.event_date == "2023-10-31"
    assert record.kab_kota_code == "62.10"
    assert _surface(record, record.event_date_evidence) == "Selasa(31/10)"


def test_an_irrelevant_article_has_no_event_type(rules_nlp: Language) -> None:
    text = ("Harga Cabai Naik di Pasar Kuala Kurun\n\nKuala Kurun - Harga cabai rawit di pasar "
            "tradisional naik menjadi Rp 80.000 per kilogram menjelang akhir tahun menurut pedagang.")
    record = extract_text(text, rules_nlp, doc_id="cabai")
    assert not record.relevant and record.event_type is None
    assert record.officials == () and record.participants is None


def test_a_modifier_in_brackets_and_the_dateline(rules_nlp: Language) -> None:
    text = ("Pokja PUG Maybrat Terbentuk\n\nTRIBUNSORONG.COM, KUMURKEK - Penjabat (Pj) Sekda "
            "Maybrat Ferdinandus Taa membuka advokasi pengarusutamaan gender, Senin (15/7/2024).")
    record = extract_article(rules_nlp, text_to_article(text, "uji-dateline"))
    assert [(o.name, o.position) for o in record.officials] == [
        ("Ferdinandus Taa", "Penjabat (Pj) Sekda Maybrat")]


def test_each_agency_carries_its_level_region_and_every_mention(rules_nlp: Language) -> None:
    text = ("Rakor Pokja PUG Kabupaten Bantaeng\n\nDinas Pemberdayaan Perempuan dan Perlindungan "
            "Anak (DP3A) Kabupaten Bantaeng menggelar rakor Pokja PUG, Selasa (5/3/2024). "
            "Narasumber dari DP3A Provinsi Sulawesi Selatan dan Kemen PPPA hadir. DP3A "
            "Kabupaten Bantaeng menyiapkan data terpilah.")
    record = extract_text(text, rules_nlp, doc_id="bantaeng")
    found = {(a.level, a.region, a.region_code, len(a.mentions)) for a in record.agencies}
    assert ("kabupaten", "Kabupaten Bantaeng", "73.03", 2) in found
    assert ("provinsi", "Sulawesi Selatan", "73", 1) in found
    assert ("nasional", None, None, 1) in found
    for agency in record.agencies:
        assert agency.mentions[0] == agency.evidence
        assert all(0 <= m.start < m.end <= len(record.text) for m in agency.mentions)


def test_a_spelled_out_position_wins_over_a_one_word_one(rules_nlp: Language) -> None:
    text = ("Wabup Hendri Saputra Buka Sosialisasi PUG\n\nSosialisasi PUG dibuka Wakil Bupati "
            "Pasaman Hendri Saputra di aula kantor bupati, Kamis (28/6/2018).")
    record = extract_text(text, rules_nlp, doc_id="pasaman")
    assert [(o.name, o.position) for o in record.officials] == [
        ("Hendri Saputra", "Wakil Bupati Pasaman")]


def test_a_record_without_an_event_date_says_why(rules_nlp: Language) -> None:
    text = ("Rakor Pokja PUG Kabupaten Sigi\n\nDP3A Kabupaten Sigi menggelar rakor Pokja PUG "
            "di aula Bappeda, Senin (23/9), dihadiri 40 peserta.")
    record = extract_text(text, rules_nlp, doc_id="sigi")
    assert record.event_date is None
    assert record.event_date_note == "yearless_no_publication_date"
    dated = extract_text(text, rules_nlp, doc_id="sigi", published="2024-09-24")
    assert dated.event_date == "2024-09-23" and dated.event_date_note is None
