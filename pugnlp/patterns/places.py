"""Region prefixes and datelines: how articles name the regency, city or province."""

from __future__ import annotations

import re

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
