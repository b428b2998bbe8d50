"""Region prefixes and datelines: how articles name the regency, city or province."""

from __future__ import annotations

import re

PROVINCE_CODE = r"\d{2}"
"""Shape of a Kemendagri province code (`63`), a regular expression matched in full."""
KAB_KOTA_CODE = r"\d{2}\.\d{2}"
"""Shape of a Kemendagri kab/kota code (`63.72`)."""
REGION_CODE = rf"{PROVINCE_CODE}(?:\.\d{{2}})?"
"""Either of them."""

LEVEL_PREFIXES: dict[str, str] = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten", "bupati": "kabupaten",
    "setdakab": "kabupaten", "sekdakab": "kabupaten", "wabup": "kabupaten",
    "pemerintah kabupaten": "kabupaten", "wakil bupati": "kabupaten", "pemdakab": "kabupaten",
    "kota": "kota", "pemkot": "kota", "pemko": "kota", "walikota": "kota", "wali kota": "kota",
    "setdako": "kota", "setdakot": "kota", "sekdako": "kota", "wawali": "kota",
    "pemerintah kota": "kota", "wakil wali kota": "kota", "wakil walikota": "kota",
    "provinsi": "provinsi", "prov": "provinsi", "pemprov": "provinsi", "gubernur": "provinsi",
    "setdaprov": "provinsi", "sekdaprov": "provinsi", "pemerintah provinsi": "provinsi",
    "wagub": "provinsi", "wakil gubernur": "provinsi",
}
"""Words right before a region name and the level they imply (lowercase, dots removed)."""

GENERIC_LEVEL_CUES = re.compile(
    r"\b(?:(?P<kota>Pemko|Pemkot|Wali\s?[Kk]ota|Setdako|Pemerintah\s+Kota|Wawali)|"
    r"(?P<kab>Pemkab|Bupati|Setdakab|Pemerintah\s+Kabupaten|Wabup))\b"
)
"""Mentions that tell a city from a regency even without the region name next to them."""

DATELINE_SPLIT = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|,\s+|\s*\|\s*")
"""Separators inside a dateline ("Hai Kalteng - Kuala Kurun -", "RILISKALIMANTAN.COM, KALSEL –")."""

DATELINE_MAX_CHARS = 70
"""A dateline sits in the first 70 characters of the first body paragraph."""

COMPARISON = re.compile(
    r"\b(?:dibandingkan|dibanding|seperti\s+(?:di|halnya)|belajar\s+dari|studi\s+banding\s+ke|"
    r"mencontoh|meniru|sementara\s+(?:itu\s+)?di)\b",
    re.I,
)
"""A place named only as a comparison is not the place of the event."""

PLACE_INTRODUCERS: frozenset[str] = frozenset({
    "desa", "kelurahan", "kecamatan", "kampung", "nagari", "gampong", "distrik", "dusun",
    "jalan", "jl", "jln", "lorong", "gang", "rt", "rw", "kompleks",
})
"""Words after which a capitalised word is a place, not a person's name."""

DATELINE_WEEKDAY = re.compile(r"^([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}?)\s*,?\s+(?:Senin|Selasa|Rabu|"
                              r"Kamis|Jumat|Jum'at|Sabtu|Minggu)\b")
"""A dateline without a dash: the place, then the weekday ("Banjarbaru, Rabu (11/10)")."""

GOVERNMENT_PREFIX_WORDS: frozenset[str] = frozenset({
    "pemko", "pemkot", "pemkab", "pemprov", "pemerintah kota", "pemerintah kabupaten",
})
"""Prefixes naming the organising government, compared with the prefix folded (letters only):
the two-word forms never match ("pemerintahkota") and are kept as they were calibrated."""

# Region-name prefixes. Four lists, each stripping or folding a different set for its reader:
# merging them would change the gazetteer's bare names, the dataset's keys or the scores.
KAB_PREFIX = re.compile(r"^(kabupaten|kota administrasi|kota)\s+", re.I)
"""The level word before a kab/kota name in the gazetteer (its bare name is what follows)."""

ANNOTATED_REGION_PREFIX = re.compile(r"^(Kabupaten|Kota Administrasi|Kota|Provinsi)\s+")
"""The level word before an annotated region name (annotation tools)."""

REGION_TAIL = re.compile(
    r"\s+(kota|kabupaten|kab\.?|provinsi|prov\.?|pemkab|pemkot|pemko|pemprov)\b.*$", re.I
)
"""A region named after an agency ("Dinas PPPA Kota X"): left out of the agency's key."""

SCORER_REGION_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"^kab\b\.?", "kabupaten"), (r"^pemkab\b", "kabupaten"),
    (r"^pemkot\b", "kota"), (r"^pemko\b", "kota"),
)
"""Region prefixes the team's scorer (``shared/eval/score.py``) folds (pattern, replacement)."""
SCORER_DKI = re.compile(r"^(?:daerah khusus ibu ?kota|daerah khusus)\b")
"""Jakarta's province spelled out, which the scorer folds to "dki"."""
