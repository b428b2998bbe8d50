"""Inline SVG charts (no JavaScript library, no network): the province tile map and month bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from pugnlp.report import labels
from pugnlp.report.tilemap import COLUMNS, ROWS, TILES

PALETTE: tuple[str, ...] = ("#eceff1", "#d4eee6", "#9fd8c6", "#5cbc9f", "#24906f", "#0b5e48")
"""Tile colours: index 0 for no activity, then five steps up to the busiest province."""

TILE = 62
GAP = 6


@dataclass(frozen=True, slots=True)
class Tile:
    """One province on the map."""

    code: str
    name: str
    count: int


def shade(count: int, top: int) -> int:
    """Palette index of a count: 0 for none, else 1..5 relative to the maximum ``top``."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(5, -(-count * 5 // top)))


def tile_map(tiles: Sequence[Tile]) -> Markup:
    """The tile map: each province a square linking to its kab/kota panel (``#wil-<code>``)."""
    top = max((t.count for t in tiles), default=0)
    step = TILE + GAP
    width, height = COLUMNS * step, ROWS * step + 34
    parts = [f'<svg class="tilemap" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Peta kegiatan PUG per provinsi" xmlns="http://www.w3.org/2000/svg">']
    for t in tiles:
        col, row, short = TILES[t.code]
        x, y, level = col * step, row * step, shade(t.count, top)
        ink = "#ffffff" if level >= 4 else "#1d2b36"
        parts.append(
            f'<a href="#wil-{escape(t.code)}" class="tile-link">'
            f'<g class="tile" data-code="{escape(t.code)}" data-count="{t.count}">'
            f"<title>{escape(t.name)}: {labels.angka(t.count)} kegiatan</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="6" '
            f'fill="{PALETTE[level]}"/>'
            f'<text x="{x + TILE / 2}" y="{y + 25}" fill="{ink}" class="tile-label"'
            f'{_fit(short)}>{escape(short)}</text>'
            f'<text x="{x + TILE / 2}" y="{y + 46}" fill="{ink}" class="tile-count">'
            f"{labels.angka(t.count)}</text></g></a>")
    parts.append(_legend(top, height - 22))
    parts.append("</svg>")
    return Markup("".join(parts))


def _fit(label: str) -> str:
    """Squeeze labels longer than a tile (``Gorontalo``) into it."""
    return f' textLength="{TILE - 8}" lengthAdjust="spacingAndGlyphs"' if len(label) > 8 else ""


def legend_ranges(top: int) -> list[tuple[int, str]]:
    """``(palette index, label)`` of every colour in use: ``0`` then count ranges such as
    ``3–4``, matching :func:`shade`."""
    items = [(0, "0")]
    for level in range(1, 6):
        lo, hi = (level - 1) * top // 5 + 1, level * top // 5
        if lo <= hi:
            items.append((level, labels.angka(lo) if lo == hi else
                          f"{labels.angka(lo)}–{labels.angka(hi)}"))
    return items


def _legend(top: int, y: int) -> str:
    items = ['<g class="legend">', f'<text x="0" y="{y + 12}" class="legend-text">'
             "Jumlah kegiatan:</text>"]
    for n, (level, text) in enumerate(legend_ranges(top)):
        x = 120 + n * 84
        items.append(f'<rect x="{x}" y="{y}" width="16" height="16" rx="3" '
                     f'fill="{PALETTE[level]}"/><text x="{x + 22}" y="{y + 12}" '
                     f'class="legend-text">{escape(text)}</text>')
    items.append("</g>")
    return "".join(items)


def month_bars(months: Sequence[tuple[str, int]]) -> Markup:
    """Bars of events per month (``("2023-10", 5)``), labelled in Indonesian."""
    if not months:
        return Markup('<p class="muted">Belum ada kegiatan bertanggal.</p>')
    bar, gap, left, base = 18, 4, 36, 170
    top = max(c for _, c in months) or 1
    width = left + len(months) * (bar + gap) + 10
    parts = [f'<svg class="months" viewBox="0 0 {width} {base + 44}" role="img" '
             f'aria-label="Kegiatan per bulan" xmlns="http://www.w3.org/2000/svg">']
    for frac in (0.0, 0.5, 1.0):
        y = base - frac * (base - 10)
        parts.append(f'<line x1="{left - 4}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'class="grid"/><text x="{left - 8}" y="{y + 4:.1f}" class="axis" '
                     f'text-anchor="end">{labels.angka(round(frac * top))}</text>')
    every = 1 if len(months) <= 24 else 3
    for n, (period, count) in enumerate(months):
        x = left + n * (bar + gap)
        h = (base - 10) * count / top
        name = labels.bulan(period)
        parts.append(f'<g class="month" data-period="{escape(period)}"><title>{escape(name)}: '
                     f"{labels.angka(count)} kegiatan</title>"
                     f'<rect x="{x}" y="{base - h:.1f}" width="{bar}" height="{h:.1f}" '
                     f'class="bar"/></g>')
        month = int(period[5:])
        if (month - 1) % every == 0:
            short = labels.BULAN_SINGKAT[month - 1]
            parts.append(f'<text x="{x + bar / 2}" y="{base + 14}" class="axis" '
                         f'text-anchor="middle">{short}</text>')
        if month == 1 or n == 0:
            parts.append(f'<text x="{x}" y="{base + 32}" class="axis year">{period[:4]}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
