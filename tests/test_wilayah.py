"""pugnlp.wilayah: the Kemendagri gazetteer (names, aliases, capitals -> codes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pugnlp.errors import PugnlpError
from pugnlp.wilayah import Gazetteer, Region, load_gazetteer, norm_key


def test_38_provinces_and_514_kab_kota(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.provinces) == 38
    assert len(gazetteer.kab_kota) == 514
    assert {r.level for r in gazetteer.kab_kota} == {"kabupaten", "kota"}
    assert all(r.province_code in gazetteer.regions for r in gazetteer.kab_kota)
    assert all(r.code.startswith(r.province_code + ".") for r in gazetteer.kab_kota)


@pytest.mark.parametrize("code, name", [
    ("93", "Papua Selatan"), ("94", "Papua Tengah"), ("95", "Papua Pegunungan"),
    ("96", "Papua Barat Daya"),
])
def test_the_four_new_papua_provinces(gazetteer: Gazetteer, code: str, name: str) -> None:
    region = gazetteer.get(code)
    assert region is not None and region.name == name and region.is_province
    assert [r.code for r in gazetteer.lookup(name)] == [code]
    assert any(r.province_code == code for r in gazetteer.kab_kota)


@pytest.mark.parametrize("alias, code", [
    ("Kaltim", "64"), ("Kalteng", "62"), ("Kalsel", "63"), ("KALSEL", "63"), ("Sumut", "12"),
    ("Sulsel", "73"), ("Jabar", "32"), ("Jateng", "33"), ("Jatim", "35"), ("DIY", "34"),
    ("NTB", "52"), ("NTT", "53"), ("Gumas", "62.10"), ("Kukar", "64.02"), ("Kobar", "62.01"),
    ("Pare-Pare", "73.72"), ("Pare Pare", "73.72"), ("Tanjung Balai", "12.74"),
    ("Banjarbaru", "63.72"), ("Kota Banjarbaru", "63.72"), ("Kapuas Hulu", "61.06"),
    ("Kapuas", "62.03"), ("Jakarta Pusat", "31.71"),
])
def test_lookup_by_name_or_alias(gazetteer: Gazetteer, alias: str, code: str) -> None:
    assert [r.code for r in gazetteer.lookup(alias)] == [code]


def test_lookup_returns_every_region_a_name_may_denote(gazetteer: Gazetteer) -> None:
    assert [r.code for r in gazetteer.lookup("Bogor")] == ["32.01", "32.71"]
    assert [r.code for r in gazetteer.lookup("Kupang")] == ["53.01", "53.71"]
    assert [r.code for r in gazetteer.lookup("Jambi")] == ["15", "15.71"]


def test_lookup_by_level(gazetteer: Gazetteer) -> None:
    assert [r.code for r in gazetteer.lookup("Bogor", level="kota")] == ["32.71"]
    assert [r.code for r in gazetteer.lookup("Bogor", level="kabupaten")] == ["32.01"]
    assert [r.code for r in gazetteer.lookup("Jambi", level="provinsi")] == ["15"]
    assert [r.code for r in gazetteer.lookup("Jambi", level="kab_kota")] == ["15.71"]


@pytest.mark.parametrize("name", ["Atlantis", "", "Kota", "Kuala Kurun"])
def test_lookup_of_unknown_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == []


@pytest.mark.parametrize("town, codes", [
    ("Kuala Kurun", ["62.10"]), ("Kuala Kapuas", ["62.03"]), ("Tanjung Selor", ["65.01"]),
    ("Martapura", ["16.08", "63.03"]),  # capital of two regencies
])
def test_lookup_by_capital(gazetteer: Gazetteer, town: str, codes: list[str]) -> None:
    assert sorted(r.code for r in gazetteer.lookup_town(town)) == codes


def test_lookup_town_of_unknown_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup_town("Atlantis") == []


def test_region_helpers(gazetteer: Gazetteer) -> None:
    city = gazetteer.get("63.72")
    assert city == Region("63.72", "Kota Banjarbaru", "kota", "63")
    assert city.bare_name == "Banjarbaru" and not city.is_province
    assert gazetteer.province_of(city).name == "Kalimantan Selatan"
    assert gazetteer.get("31.71").bare_name == "Jakarta Pusat"
    assert gazetteer.get("62.10").bare_name == "Gunung Mas"
    assert gazetteer.get("99.99") is None


def test_is_known(gazetteer: Gazetteer) -> None:
    assert gazetteer.is_known("kalsel") and gazetteer.is_known("Kuala Kurun")
    assert not gazetteer.is_known("Atlantis")


@pytest.mark.parametrize("name, key", [
    ("Pare-Pare", "parepare"), ("Tanjung Balai", "tanjungbalai"), ("TANJUNGBALAI", "tanjungbalai"),
    (" Kota  Banjar-Baru ", "kotabanjarbaru"), ("Jum'at", "jumat"), ("", ""),
])
def test_norm_key(name: str, key: str) -> None:
    assert norm_key(name) == key


def test_norm_key_keeps_distinct_names_apart() -> None:
    assert norm_key("Kapuas") != norm_key("Kapuas Hulu")


def test_load_gazetteer_is_cached(gazetteer: Gazetteer) -> None:
    assert load_gazetteer() is gazetteer


def test_load_gazetteer_from_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(PugnlpError, match="cannot read gazetteer data"):
        load_gazetteer(tmp_path)


def test_load_gazetteer_from_a_small_folder(tmp_path: Path) -> None:
    (tmp_path / "provinsi_kabkota.csv").write_text(
        "kode,nama,tingkat,kode_provinsi\n63,Kalimantan Selatan,provinsi,63\n"
        "63.72,Kota Banjarbaru,kota,63\n", encoding="utf-8")
    (tmp_path / "kecamatan.csv").write_text("kode,nama\n63.72.01,Landasan Ulin\n", encoding="utf-8")
    (tmp_path / "kelurahan.csv").write_text("kode,nama\n63.72.01.1001,Guntung Payung\n",
                                            encoding="utf-8")
    gaz = load_gazetteer(tmp_path)
    assert len(gaz.provinces) == 1 and len(gaz.kab_kota) == 1
    assert [r.code for r in gaz.lookup_town("Landasan Ulin")] == ["63.72"]
    assert [r.code for r in gaz.lookup_town("Guntung Payung")] == ["63.72"]
    assert gaz.lookup("Kalsel") == []  # no alias file
