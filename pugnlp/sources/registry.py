"""The source registry ``korpus/sumber.csv``: read, validate, select.

Columns: ``name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan``. Every
malformed row is reported with its file and line, all at once, so the list can be fixed in one
pass.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pugnlp.errors import SourceError
from pugnlp.sources.listing import PAGE_PLACEHOLDER
from pugnlp.sources.urls import is_http_url

COLUMNS: tuple[str, ...] = ("name", "base_url", "kode_wilayah", "kind", "discovery",
                            "discovery_url", "bahasa", "catatan")
REQUIRED: tuple[str, ...] = ("name", "base_url", "kind", "discovery")
"""``kode_wilayah`` may be empty: a national portal that carries releases of many regions."""
KINDS: tuple[str, ...] = ("media_center", "pemda", "dinas", "diskominfo", "portal_berita")
GOVERNMENT_KINDS: frozenset[str] = frozenset(("media_center", "pemda", "dinas", "diskominfo"))
"""Kinds run by a regional government; their copy of a release beats a portal's
(:mod:`pugnlp.corpus.precedence`)."""
DISCOVERIES: tuple[str, ...] = ("sitemap", "feed", "listing", "search")
PAGED: tuple[str, ...] = ("listing", "search")
DEFAULT_PATH = Path("korpus/sumber.csv")
MAX_REPORTED = 25
"""At most this many row errors go into one message (a wholly wrong file would flood it)."""

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_CODE = re.compile(r"^\d{2}(?:\.\d{2})?$")
_LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True, slots=True)
class Source:
    """One site to collect from."""

    name: str
    base_url: str
    kode_wilayah: str
    kind: str
    discovery: str
    discovery_url: str
    bahasa: str = "id"
    catatan: str = ""
    line: int = 0

    @property
    def province_code(self) -> str | None:
        """The Kemendagri province code (first two digits of ``kode_wilayah``); None if national."""
        return self.kode_wilayah[:2] or None


def load_sources(path: Path = DEFAULT_PATH) -> list[Source]:
    """Read and validate a source registry file.

    Raises:
        SourceError: the file is missing or unreadable, or rows are malformed (each named by
            ``path:line``).
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SourceError(f"{path}: cannot read the source list ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 (byte {exc.start})") from exc
    return parse_sources(text, where=str(path))


def parse_sources(text: str, where: str = "sumber.csv") -> list[Source]:
    """Validate registry rows given as CSV text (see :func:`load_sources`)."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in (*REQUIRED, "kode_wilayah") if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        raise SourceError(f"{where}:1: bad header (missing {missing or 'none'}, unknown "
                          f"{unknown or 'none'}; expected {','.join(COLUMNS)})")
    reader.fieldnames = header
    sources: list[Source] = []
    errors: list[str] = []
    names: dict[str, int] = {}
    line = 1
    for row in reader:
        start, line = line + 1, reader.line_num
        if row.get(None):
            errors.append(f"{where}:{start}: {len(header) + len(row[None])} fields, expected "
                          f"{len(header)} (quote fields that contain commas)")
            continue
        values = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()) or values.get("name", "").startswith("#"):
            continue
        problems = _row_problems(values, names)
        if problems:
            errors.append(f"{where}:{start}: " + "; ".join(problems))
            continue
        names[values["name"]] = start
        sources.append(_make_source(values, start))
    if errors:
        more = f"\n... and {len(errors) - MAX_REPORTED} more" if len(errors) > MAX_REPORTED else ""
        raise SourceError("malformed source list:\n" + "\n".join(errors[:MAX_REPORTED]) + more)
    if not sources:
        raise SourceError(f"{where}: no sources (only a header or blank lines)")
    return sources


def _row_problems(values: dict[str, str], names: dict[str, int]) -> list[str]:
    from pugnlp.wilayah import load_gazetteer

    problems = [f"empty {col}" for col in REQUIRED if not values.get(col)]
    name, code = values.get("name", ""), values.get("kode_wilayah", "")
    if name and not _NAME.match(name):
        problems.append(f"name {name!r} must be lower-case letters, digits, '.', '_' or '-'")
    if name in names:
        problems.append(f"name {name!r} already used on line {names[name]}")
    if values.get("base_url") and not is_http_url(values["base_url"]):
        problems.append(f"base_url {values['base_url']!r} is not an http(s) URL")
    if code and not _CODE.match(code):
        problems.append(f"kode_wilayah {code!r} is not a Kemendagri code like 63 or 63.72")
    elif code and load_gazetteer().get(code) is None:
        problems.append(f"kode_wilayah {code!r} is not a known province or kab/kota code")
    if values.get("kind") and values["kind"] not in KINDS:
        problems.append(f"kind {values['kind']!r} not in {', '.join(KINDS)}")
    problems += _discovery_problems(values)
    if values.get("bahasa") and not _LANG.match(values["bahasa"]):
        problems.append(f"bahasa {values['bahasa']!r} is not a language code like id or jv")
    return problems


def _discovery_problems(values: dict[str, str]) -> list[str]:
    discovery, url = values.get("discovery", ""), values.get("discovery_url", "")
    if discovery and discovery not in DISCOVERIES:
        return [f"discovery {discovery!r} not in {', '.join(DISCOVERIES)}"]
    if not url:
        return [] if discovery == "sitemap" else [f"empty discovery_url (needed for {discovery})"]
    if not is_http_url(url.replace(PAGE_PLACEHOLDER, "1")):
        return [f"discovery_url {url!r} is not an http(s) URL"]
    if discovery in PAGED and PAGE_PLACEHOLDER not in url:
        return [f"discovery_url of a {discovery} source needs the {PAGE_PLACEHOLDER} placeholder"]
    return []


def _make_source(values: dict[str, str], line: int) -> Source:
    base = values["base_url"]
    discovery_url = values.get("discovery_url") or base.rstrip("/") + "/robots.txt"
    return Source(name=values["name"], base_url=base, kode_wilayah=values["kode_wilayah"],
                  kind=values["kind"], discovery=values["discovery"], discovery_url=discovery_url,
                  bahasa=values.get("bahasa") or "id", catatan=values.get("catatan", ""),
                  line=line)


def select_sources(sources: Iterable[Source], only: Iterable[str] = ()) -> list[Source]:
    """The sources named in ``only`` (all when empty).

    Raises:
        SourceError: a name in ``only`` is not in the registry.
    """
    pool = list(sources)
    wanted = list(only)
    if not wanted:
        return pool
    known = {s.name: s for s in pool}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise SourceError(f"unknown source(s) {', '.join(unknown)}; see the name column of "
                          "the source list")
    return [known[n] for n in dict.fromkeys(wanted)]
