"""The province tile grid covers the 38 provinces, one cell each."""

from __future__ import annotations

from pugnlp.report.charts import Tile, legend_ranges, shade, tile_map
from pugnlp.report.tilemap import TILES


def test_tiles_are_the_38_provinces(gaz):
    assert set(TILES) == {p.code for p in gaz.provinces}
    cells = [(c, r) for c, r, _ in TILES.values()]
    assert len(cells) == len(set(cells)) == 38


def test_shades_scale_with_the_busiest_province():
    assert shade(0, 10) == 0 and shade(1, 10) == 1 and shade(10, 10) == 5 and shade(6, 10) == 3


def test_tile_map_links_every_province(gaz):
    svg = str(tile_map([Tile(p.code, p.name, n) for n, p in enumerate(gaz.provinces)]))
    assert svg.count('class="tile"') == 38
    assert 'href="#wil-63"' in svg and "<title>Kalimantan Selatan:" in svg


def test_legend_matches_the_shades():
    for top in (1, 4, 7, 100):
        for level, text in legend_ranges(top)[1:]:
            lo, _, hi = text.replace(".", "").partition("–")
            assert shade(int(lo), top) == level and shade(int(hi or lo), top) == level
    assert [t for _, t in legend_ranges(4)] == ["0", "1", "2", "3", "4"]
    assert legend_ranges(0) == [(0, "0")]
