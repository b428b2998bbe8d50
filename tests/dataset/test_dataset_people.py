"""pugnlp.dataset.people: agencies of an event grouped by body (key and region)."""

from __future__ import annotations

from typing import Any

from pugnlp.dataset.people import group_agencies


def _agency(name: str, acronym: str | None, region_code: str | None, level: str | None,
            region: str | None) -> dict[str, Any]:
    return {"name": name, "acronym": acronym, "expansion": None, "level": level,
            "region": region, "region_code": region_code,
            "evidence": {"start": 0, "end": len(name), "sentence": name}}


def _record(doc_id: str, *agencies: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": doc_id, "url": None, "text": "x" * 80, "agencies": list(agencies)}


def test_the_kab_and_the_province_body_of_one_key_are_two_agencies() -> None:
    rows = group_agencies([
        _record("a", _agency("DP3A Kabupaten Bantaeng", "DP3A", "73.03", "kabupaten",
                             "Kabupaten Bantaeng"),
                _agency("DP3A Provinsi Sulawesi Selatan", "DP3A", "73", "provinsi",
                        "Sulawesi Selatan")),
        _record("b", _agency("DPPPA Kabupaten Bantaeng", "DPPPA", "73.03", "kabupaten",
                             "Kabupaten Bantaeng")),
    ])
    by_region = {r["agency_region_code"]: r for r in rows}
    assert set(by_region) == {"73.03", "73"}
    assert by_region["73.03"]["n_mentions"] == 2
    assert by_region["73"]["agency_level"] == "provinsi"
    assert by_region["73"]["agency_region"] == "Sulawesi Selatan"


def test_a_regionless_mention_joins_the_one_body_of_its_key() -> None:
    rows = group_agencies([
        _record("a", _agency("DP3A Kabupaten Bantaeng", "DP3A", "73.03", "kabupaten",
                             "Kabupaten Bantaeng")),
        _record("b", _agency("DP3A", "DP3A", None, None, None)),
    ])
    assert [(r["agency_region_code"], r["n_mentions"]) for r in rows] == [("73.03", 2)]
