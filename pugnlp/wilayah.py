"""Kemendagri gazetteer: region names, aliases and capitals -> codes, from an in-memory index.

The data (MIT, cahyadsn/wilayah, Kepmendagri 2025) ships in ``pugnlp/data/wilayah``. The index
is built once per process by :func:`load_gazetteer` (cached by path); every lookup afterwards is
a dict access on a normalised key, never a scan.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pugnlp.errors import PugnlpError
from pugnlp.patterns.places import KAB_PREFIX

DATA_DIR = Path(str(resources.files("pugnlp") / "data" / "wilayah"))

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """Fold case, spaces and punctuation: 'Pare-Pare' -> 'parepare', 'Tanjung Balai' -> 'tanjungbalai'."""
    return _NON_ALNUM.sub("", name.lower())


@dataclass(frozen=True, slots=True)
class Region:
    """A province or kabupaten/kota."""

    code: str
    name: str
    level: str  # "provinsi", "kabupaten" or "kota"
    province_code: str

    @property
    def is_province(self) -> bool:
        return self.level == "provinsi"

    @property
    def bare_name(self) -> str:
        """'Kota Banjarbaru' -> 'Banjarbaru'; 'Kota Administrasi Jakarta Pusat' -> 'Jakarta Pusat'."""
        return KAB_PREFIX.sub("", self.name)


@dataclass(slots=True)
class Gazetteer:
    """Regions with lookup indexes keyed by :func:`norm_key`."""

    regions: dict[str, Region] = field(default_factory=dict)
    by_name: dict[str, list[Region]] = field(default_factory=dict)
    by_alias: dict[str, list[Region]] = field(default_factory=dict)
    by_capital: dict[str, list[Region]] = field(default_factory=dict)
    by_district: dict[str, list[Region]] = field(default_factory=dict)
    max_words: int = 1
    first_words: set[str] = field(default_factory=set)
    """norm_key of the first word of every multi-word name or alias (look-up shortcut)."""
    province_capitals: dict[str, frozenset[str]] = field(default_factory=dict)
    """Province code -> codes of the kab/kota holding its capital (``ibukota_provinsi.csv``;
    every kota of DKI Jakarta)."""

    def is_province_capital(self, region: Region) -> bool:
        """True for the kab/kota where its province's government sits."""
        return region.code in self.province_capitals.get(region.province_code, frozenset())

    @property
    def provinces(self) -> list[Region]:
        return [r for r in self.regions.values() if r.is_province]

    @property
    def kab_kota(self) -> list[Region]:
        return [r for r in self.regions.values() if not r.is_province]

    def get(self, code: str) -> Region | None:
        return self.regions.get(code)

    def province_of(self, region: Region) -> Region:
        return self.regions[region.province_code]

    def lookup(self, name: str, *, level: str | None = None) -> list[Region]:
        """Regions a name or alias may denote (no kecamatan/capital resolution).

        ``level`` restricts to "provinsi", "kabupaten", "kota" or "kab_kota".
        """
        key = norm_key(name)
        found = list(self.by_name.get(key, ())) + [
            r for r in self.by_alias.get(key, ()) if r not in self.by_name.get(key, ())
        ]
        return _filter_level(found, level)

    def may_start_phrase(self, word: str) -> bool:
        """False when no multi-word region name begins with ``word``."""
        return norm_key(word) in self.first_words

    def lookup_town(self, name: str) -> list[Region]:
        """Kab/kota whose capital, kecamatan or kelurahan carries this name (capitals first)."""
        key = norm_key(name)
        capitals = self.by_capital.get(key, [])
        if capitals:
            return list(capitals)
        return list(self.by_district.get(key, []))

    def is_known(self, name: str) -> bool:
        key = norm_key(name)
        return key in self.by_name or key in self.by_alias or key in self.by_capital


def _filter_level(regions: list[Region], level: str | None) -> list[Region]:
    if level is None:
        return regions
    if level == "kab_kota":
        return [r for r in regions if not r.is_province]
    return [r for r in regions if r.level == level]


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise PugnlpError(f"{path}: cannot read gazetteer data ({exc})") from exc


def _add(index: dict[str, list[Region]], key: str, region: Region) -> None:
    bucket = index.setdefault(key, [])
    if region not in bucket:
        bucket.append(region)


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Build the gazetteer index from the bundled CSVs (once per process and path)."""
    gaz = Gazetteer()
    for row in _read_csv(data_dir / "provinsi_kabkota.csv"):
        region = Region(row["kode"], row["nama"].strip(), row["tingkat"], row["kode_provinsi"])
        gaz.regions[region.code] = region
    for region in gaz.regions.values():
        _add(gaz.by_name, norm_key(region.name), region)
        if not region.is_province:
            _add(gaz.by_name, norm_key(region.bare_name), region)
            gaz.max_words = max(gaz.max_words, len(region.bare_name.split()))
        else:
            gaz.max_words = max(gaz.max_words, len(region.name.split()))
    alias_path = data_dir / "alias.csv"
    if alias_path.exists():
        for row in _read_csv(alias_path):
            region = gaz.regions.get(row["kode"].strip())
            if region is not None:
                _add(gaz.by_alias, norm_key(row["alias"]), region)
                gaz.max_words = max(gaz.max_words, len(row["alias"].split()))
    capital_path = data_dir / "ibukota.csv"
    if capital_path.exists():
        for row in _read_csv(capital_path):
            region = gaz.regions.get(row["kode"].strip())
            if region is not None:
                _add(gaz.by_capital, norm_key(row["ibukota"]), region)
    _read_province_capitals(gaz, data_dir / "ibukota_provinsi.csv")
    for index in (gaz.by_name, gaz.by_alias):
        for regions in index.values():
            for region in regions:
                for text in (region.name, region.bare_name):
                    if " " in text.strip():
                        gaz.first_words.add(norm_key(text.split()[0]))
    if alias_path.exists():
        for row in _read_csv(alias_path):
            if " " in row["alias"].strip():
                gaz.first_words.add(norm_key(row["alias"].split()[0]))
    for name in ("kecamatan.csv", "kelurahan.csv"):
        for row in _read_csv(data_dir / name):
            code = ".".join(row["kode"].split(".")[:2])
            region = gaz.regions.get(code)
            if region is not None:
                _add(gaz.by_district, norm_key(row["nama"]), region)
    return gaz


def _read_province_capitals(gaz: Gazetteer, path: Path) -> None:
    """Province code -> kab/kota codes of its capital, names resolved within the province."""
    capitals: dict[str, set[str]] = {}
    if path.exists():
        for row in _read_csv(path):
            code = row["kode_provinsi"].strip()
            for region in gaz.by_name.get(norm_key(row["ibukota"]), []):
                if region.province_code == code and not region.is_province:
                    capitals.setdefault(code, set()).add(region.code)
    # DKI Jakarta: the province is its five kota and one kabupaten
    capitals.setdefault("31", set()).update(
        r.code for r in gaz.regions.values() if r.province_code == "31" and not r.is_province)
    gaz.province_capitals = {k: frozenset(v) for k, v in capitals.items()}

