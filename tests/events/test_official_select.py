"""pugnlp.events.official_select: persons the rules missed, read as officials by a selector."""

from __future__ import annotations

import pytest

from pugnlp.article.html import text_to_article
from pugnlp.events.loader import extract_article
from pugnlp.events.official_select import (
    OfficialSelector,
    _clean_name,
    _position_before,
    find_persons,
    official_candidates,
    plausible_position,
    reading_spans,
    training_rows,
)
from pugnlp.events.selectors import build_selector
from pugnlp.nlp.lexicon import load_lexicon

TEXT = (
    "Pokja PUG Kota Binjai Gelar Rapat Koordinasi\n\n"
    "BINJAI – DP3AP2KB Kota Binjai menggelar rapat koordinasi Pokja PUG, Senin (6/5/2024).\n\n"
    "Ketua tim dari KemenPPPA, Ratna Dewi Handayani, menjelaskan tahapan penilaian.\n\n"
    "Kepala DP3AP2KB Kota Binjai, Ernawati Br Ginting, S.Sos, menutup rapat.\n\n"
    "Rapat berlangsung di Aula Kantor Wali Kota Binjai, Mencirim.\n\n"
    "Salah satu peserta dari Kecamatan Binjai Utara, Nur Hasanah, bertanya soal data.\n\n"
    "Tautan: Nur Hasanah Gelar Lomba"
)


def _span(record, name: str) -> tuple[int, int]:  # noqa: ANN001
    at = record.text.index(name)
    return at, at + len(name)


@pytest.fixture(scope="module")
def record(rules_nlp):  # noqa: ANN001, ANN201
    return extract_article(rules_nlp, text_to_article(TEXT, "binjai-1"))


@pytest.mark.parametrize(("before", "position"), [
    ("Ketua tim dari KemenPPPA, ", "Ketua tim dari KemenPPPA"),
    ("Pelatihan menghadirkan narasumber dari BPS Kabupaten Banyuasin, ",
     "narasumber dari BPS Kabupaten Banyuasin"),
    ("Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Sanggau, ",
     "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Sanggau"),
    ("Rapat dipimpin Asda I Kota Serang, ", "Asda I Kota Serang"),
    ("Bimtek menghadirkan dua narasumber utama, yaitu ", "narasumber utama"),
    ("Wakil Bupati Pandeglang, H. Tb. ", "Wakil Bupati Pandeglang"),
    ("Asistensi diikuti 18 OPD. Kepala DP3A Parepare, Hj. ", "Kepala DP3A Parepare"),
    ("Hadir Kepala DP3A, Siti Aminah, S.Sos, ", None),
    ("TRIBUNSORONG.COM, KUMURKEK - Penjabat (Pj) Sekda Maybrat ",
     "Penjabat (Pj) Sekda Maybrat"),
    ("Editor: ", None),
])
def test_the_phrase_before_a_name_is_read_as_its_position(before: str,
                                                          position: str | None) -> None:
    text = before + "Ratna Dewi, mengatakan"
    assert _position_before(text, len(before)) == position


def test_plausible_positions() -> None:
    assert plausible_position("Ketua tim")
    assert plausible_position("tokoh adat Fakfak")
    assert not plausible_position("Suharjono berharap")
    assert not plausible_position("dalam tradisi")
    assert not plausible_position("Peluncuran dilakukan di Aula Kantor Bupati Manokwari")
    assert not plausible_position(None)


def test_a_name_loses_its_honorifics_and_keeps_its_cut_off_end() -> None:
    text = ("auditor Inspektorat, Hj. Yohanes Basik-Basik, S.E., "
            "dan I Dewa Bagus Putra Astawa, M.Si.")
    start = text.index("Hj.")
    s, e = _clean_name(text, start, text.index("-Basik"))
    assert text[s:e] == "Yohanes Basik-Basik"
    start = text.index("I Dewa")
    s, e = _clean_name(text, start, text.index(" Putra"))
    assert text[s:e] == "I Dewa Bagus Putra Astawa"


def test_candidates_skip_rule_officials_headlines_and_places(record) -> None:  # noqa: ANN001
    lexicon = load_lexicon()
    known = {o.name for o in record.officials}
    spans = [_span(record, n) for n in ("Ratna Dewi Handayani", "Nur Hasanah", "Mencirim",
                                         "Pokja PUG Kota Binjai Gelar", *known)]
    cands = official_candidates(record, spans, lexicon)
    by_name = {c.name: c for c in cands}
    assert set(by_name) == {"Ratna Dewi Handayani", "Nur Hasanah"}  # Mencirim: a place
    assert by_name["Ratna Dewi Handayani"].position == "Ketua tim dari KemenPPPA"
    assert by_name["Nur Hasanah"].position == "peserta dari Kecamatan Binjai Utara"
    assert by_name["Nur Hasanah"].features["peserta_near"] == 1.0
    assert by_name["Ratna Dewi Handayani"].features["peserta_near"] == 0.0


def test_reading_spans_skip_paragraphs_without_heads_titles_or_honorifics() -> None:
    read = [TEXT[s:e] for s, e in reading_spans(TEXT)]
    assert any(p.startswith("Ketua tim") for p in read)
    assert any(p.startswith("Kepala DP3AP2KB") for p in read)
    assert not any(p.startswith("Tautan") for p in read)


def test_find_persons_maps_spans_back_into_the_text(fake_ner) -> None:
    ner = fake_ner("Ratna Dewi Handayani", "Nur Hasanah")
    [spans] = find_persons(ner, [TEXT])  # type: ignore[arg-type]
    # "Tautan: Nur Hasanah ..." has no head, title or honorific: not read
    assert [TEXT[s:e] for s, e in spans] == ["Ratna Dewi Handayani"]
    assert "Tautan: Nur Hasanah Gelar Lomba" not in ner.seen


def _toy_selector(record) -> OfficialSelector:  # noqa: ANN001
    lexicon = load_lexicon()
    cands = official_candidates(record, [_span(record, "Ratna Dewi Handayani"),
                                         _span(record, "Nur Hasanah")], lexicon)
    X, y = training_rows([cands] * 4, [["Ratna Dewi Handayani"]] * 4)  # noqa: N806
    assert y.count(True) == 4 and y.count(False) == 4
    return OfficialSelector(build_selector().fit(X, y), 0.5, lexicon)


def test_selector_adds_the_trusted_person_with_position_and_evidence(record) -> None:  # noqa: ANN001
    selector = _toy_selector(record)
    spans = [_span(record, "Ratna Dewi Handayani"), _span(record, "Nur Hasanah")]
    [out] = selector.add_many([record], [spans])
    added = [o for o in out.officials if o not in record.officials]
    assert [(o.name, o.position) for o in added] == [
        ("Ratna Dewi Handayani", "Ketua tim dari KemenPPPA")]
    ev = added[0].evidence
    assert out.text[ev.start:ev.end] == "Ratna Dewi Handayani"
    assert ev.sentence.startswith("Ketua tim dari KemenPPPA")
    assert set(record.officials) <= set(out.officials)  # never removes one
    starts = [o.evidence.start for o in out.officials]
    assert starts == sorted(starts)


def test_selector_leaves_a_record_without_persons_as_it_is(record) -> None:  # noqa: ANN001
    selector = _toy_selector(record)
    assert selector.add_many([record], [[]]) == [record]


def test_a_person_listed_after_an_official_shares_the_position(rules_nlp) -> None:  # noqa: ANN001
    text = ("Rakor PUG OKI\n\nKAYUAGUNG - DPPPA Kabupaten OKI menggelar rakor PUG, Senin "
            "(21/10/2021).\n\nKegiatan diisi oleh narasumber Dinas PPPA Provinsi Sumatera "
            "Selatan, Ihwan Mulyawan ST MSi dan Titin Sumarni MPd.")
    record = extract_article(rules_nlp, text_to_article(text, "oki-1"))
    assert [o.name for o in record.officials] == ["Ihwan Mulyawan"]
    [cand] = official_candidates(record, [_span(record, "Titin Sumarni")], load_lexicon())
    assert cand.position == record.officials[0].position
    assert cand.features["listed_after_official"] == 1.0
