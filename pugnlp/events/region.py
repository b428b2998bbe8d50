"""The region of an activity (whose PUG work it is) apart from where it was held.

DOMAIN.md, "Deciding the region": the region is that of the government body that carries the
activity out. The body is read from the title and the lead: the first agency or government
named there with a region ("Pemprov Kaltim melalui DP3A ...", "DP3APPKB Kabupaten Kapuas
menggelar ..."). A provincial body's activity held in its capital (or nowhere named) is the
province's, with ``kab_kota`` null; held in another kab/kota it is taken as done for that
one region (a provincial team verifying Berau: Berau's). Otherwise the region is where the
place finder puts the activity. Where it was held (``held_in_kab_kota``) is the place
finder's kab/kota (venue, dateline, organising government), whatever the organiser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pugnlp.article.clean import lead_end, lead_start
from pugnlp.events.agencies import AgencyEntry
from pugnlp.events.places import PlaceMention, PlaceResult
from pugnlp.keys import NATIONAL_KEYS
from pugnlp.wilayah import Gazetteer, Region

NATIONAL_MIN_PROVINCES = 3
"""A ministry's activity whose title and lead name this many provinces (or none but the
dateline's) is national: no region. With one or two, it is done for them and the place finder
decides (a ministry's verification of one region is that region's)."""

LEAD_WINDOW = 600
"""Characters after the lead's start where the organising body is looked for (a lead cut
short by a byline or a caption still names it)."""


@dataclass(frozen=True, slots=True)
class RegionDecision:
    """The activity's region, its precision and evidence, and the kab/kota it was held in."""

    kab_kota: Region | None
    province: Region | None
    precision: str
    evidence: tuple[int, int] | None
    held_in: Region | None


@dataclass(frozen=True, slots=True)
class Organiser:
    """The body that carries the activity out, as far as the title and lead say: its level
    (``provinsi``, ``kab_kota`` or ``nasional``), its region code and where it is named."""

    level: str
    code: str | None
    start: int
    end: int


def organisers(text: str, entries: Sequence[AgencyEntry], regions: Sequence[PlaceMention],
               dateline: Sequence[tuple[int, int]]) -> list[Organiser]:
    """The bodies with a region named in the title and the lead (or the first 600
    characters of the body), first named first: an agency or government with its region
    ("DP3A Provinsi Sultra", "Pemkab Kapuas"), or a region named with its level ("Sekda
    Provinsi Kalimantan Barat", "Pemkot Palu"), the dateline excepted; a ministry as a
    "nasional" body."""
    end = max(lead_end(text), lead_start(text) + LEAD_WINDOW)
    found: list[Organiser] = []
    for entry in entries:
        for m in entry.mentions:
            if m.start < end and entry.key in NATIONAL_KEYS:
                found.append(Organiser("nasional", None, m.start, m.end))
            elif m.start < end and m.region_code:
                level = "provinsi" if "." not in m.region_code else "kab_kota"
                found.append(Organiser(level, m.region_code, m.start, m.end))
    for mention in regions:
        if mention.start >= end or not mention.level_hint or any(
                s <= mention.start < e for s, e in dateline):
            continue
        level = "provinsi" if mention.level_hint == "provinsi" else "kab_kota"
        code = next((r.code for r in mention.regions
                     if r.is_province == (level == "provinsi")), None)
        if code is not None:
            found.append(Organiser(level, code, mention.start, mention.end))
    return sorted(found, key=lambda o: o.start)


def decide_region(text: str, place: PlaceResult, entries: Sequence[AgencyEntry],
                  regions: Sequence[PlaceMention], dateline: Sequence[tuple[int, int]],
                  gazetteer: Gazetteer) -> RegionDecision:
    """The region of the activity (see the module docstring) and where it was held."""
    held_in = place.kab_kota
    found = organisers(text, entries, regions, dateline)
    body = found[0] if found else None
    if body is not None and body.level == "nasional":
        named = _provinces_in_lead(text, regions, dateline)
        if len(named) >= NATIONAL_MIN_PROVINCES or not named:
            return RegionDecision(None, None, "national", (body.start, body.end), held_in)
        # a ministry working with one or two provinces: the first regional body decides
        body = next((o for o in found if o.level != "nasional"), None)
    province = gazetteer.get(body.code) if body and body.code else None
    if body is not None and province is not None and province.is_province and (
            place.province is None or place.province.code == province.code) and (
            held_in is None or gazetteer.is_province_capital(held_in)):
        return RegionDecision(None, province, "province", (body.start, body.end), held_in)
    return RegionDecision(place.kab_kota, place.province, place.precision, place.evidence,
                          held_in)


def _provinces_in_lead(text: str, regions: Sequence[PlaceMention],
                       dateline: Sequence[tuple[int, int]]) -> set[str]:
    """Provinces of the regions named in the title and lead, the dateline excepted."""
    end = max(lead_end(text), lead_start(text) + LEAD_WINDOW)
    return {r.province_code for m in regions if m.start < end
            and not any(s <= m.start < e for s, e in dateline) for r in m.regions[:1]}
