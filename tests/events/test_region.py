"""pugnlp.events.region: whose activity it is (the organising body's region) and where it was
held (DOMAIN.md, "Deciding the region"). Texts written by the team."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pugnlp.article.html import text_to_article
from pugnlp.events.loader import extract_article

CASES = {
    # a provincial body's rakor held in the capital: the province's, held in the capital
    "provinsi": ("Rakor PUG Tingkat Provinsi Sulawesi Tenggara\n\nKENDARI – Dinas Pemberdayaan "
                 "Perempuan dan Perlindungan Anak (DP3A) Provinsi Sulawesi Tenggara menggelar "
                 "rapat koordinasi pengarusutamaan gender bagi seluruh kabupaten/kota di Hotel "
                 "Claro Kendari, Senin (3/6/2024).",
                 None, "Sulawesi Tenggara", "Kota Kendari", "province"),
    # the organising body named by an official's position, the dateline city not the body
    "sekda": ("Forum PUG Kalimantan Barat\n\nPontianak – Sekretaris Daerah Provinsi Kalimantan "
              "Barat membuka forum koordinasi pengarusutamaan gender bersama perangkat daerah "
              "se-Kalimantan Barat di Aula Kantor Gubernur, Selasa (4/6/2024).",
              None, "Kalimantan Barat", "Kota Pontianak", "province"),
    # a kabupaten's own rakor: the kabupaten's, though the province is named after it
    "kabupaten": ("Pemkab Kapuas Gelar Rakor Pokja PUG\n\nKUALA KAPUAS – Pemerintah Kabupaten "
                  "Kapuas melalui DP3APPKB Kabupaten Kapuas menggelar rapat koordinasi Pokja "
                  "PUG di Aula Kantor Bupati Kapuas, Selasa (28/10/2025), dihadiri perwakilan "
                  "DP3APPKB Provinsi Kalimantan Tengah.",
                  "Kabupaten Kapuas", "Kalimantan Tengah", "Kabupaten Kapuas", "kab_kota"),
    # a provincial team verifying one regency away from the capital: that regency's
    "satu_daerah": ("Tim Provinsi Verifikasi PUG di Berau\n\nTANJUNG REDEB – Tim Dinas "
                    "Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak (DKP3A) "
                    "Provinsi Kalimantan Timur melakukan verifikasi pelaksanaan "
                    "pengarusutamaan gender di Kabupaten Berau, Rabu (5/6/2024), di ruang "
                    "rapat Bappeda Berau.",
                    "Kabupaten Berau", "Kalimantan Timur", "Kabupaten Berau", "kab_kota"),
    # a ministry's own activity for many provinces: national, no region
    "nasional": ("KemenPPPA Gelar Bimtek Evaluasi PUG\n\nJakarta – Kementerian Pemberdayaan "
                 "Perempuan dan Perlindungan Anak (KemenPPPA) menggelar bimbingan teknis "
                 "evaluasi pengarusutamaan gender bagi perwakilan Provinsi Aceh, Jambi, Bali, "
                 "Maluku dan Papua Barat, Rabu (10/7/2024).",
                 None, None, None, "national"),
    # a ministry verifying one regency: that regency's
    "kementerian_satu_daerah": (
        "KemenPPPA Verifikasi APE Kabupaten Sigi\n\nSIGI – Tim Kementerian Pemberdayaan "
        "Perempuan dan Perlindungan Anak (KemenPPPA) melakukan verifikasi lapangan Anugerah "
        "Parahita Ekapraya di Kabupaten Sigi, Kamis (11/7/2024), di aula kantor bupati.",
        "Kabupaten Sigi", "Sulawesi Tengah", "Kabupaten Sigi", "kab_kota"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_region_of_the_activity_and_where_it_was_held(rules_nlp: Language, case: str) -> None:
    text, kab_kota, province, held_in, precision = CASES[case]
    record = extract_article(rules_nlp, text_to_article(text, case))
    assert (record.kab_kota, record.province) == (kab_kota, province)
    assert record.held_in_kab_kota == held_in
    assert record.place_precision == precision
    if kab_kota is None and province is not None:  # the evidence is the organising body
        ev = record.place_evidence
        assert ev is not None and "Provinsi" in record.text[ev.start:ev.end + 25]


def test_every_province_has_its_capital(gazetteer) -> None:  # noqa: ANN001
    provinces = {r.code for r in gazetteer.provinces}
    assert set(gazetteer.province_capitals) == provinces
    samarinda = next(r for r in gazetteer.lookup("Samarinda") if not r.is_province)
    balikpapan = next(r for r in gazetteer.lookup("Balikpapan") if not r.is_province)
    assert gazetteer.is_province_capital(samarinda)
    assert not gazetteer.is_province_capital(balikpapan)
