"""A tile-grid map of Indonesia: one square per province, placed roughly where it lies.

Columns run west (Aceh) to east (Papua); rows north to south. Each entry is
``code: (column, row, short label)``; the test checks it covers exactly the 38 provinces of
the gazetteer and that no two tiles overlap.
"""

from __future__ import annotations

TILES: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "Aceh"), "12": (1, 1, "Sumut"), "14": (2, 1, "Riau"), "21": (3, 1, "Kepri"),
    "13": (1, 2, "Sumbar"), "15": (2, 2, "Jambi"), "17": (1, 3, "Bengkulu"),
    "16": (2, 3, "Sumsel"), "19": (3, 3, "Babel"), "18": (2, 4, "Lampung"),
    "31": (4, 4, "DKI"), "36": (3, 5, "Banten"), "32": (4, 5, "Jabar"), "33": (5, 5, "Jateng"),
    "34": (5, 6, "DIY"), "35": (6, 5, "Jatim"), "51": (7, 5, "Bali"), "52": (8, 5, "NTB"),
    "53": (9, 5, "NTT"),
    "65": (7, 1, "Kaltara"), "61": (5, 2, "Kalbar"), "62": (6, 2, "Kalteng"),
    "64": (7, 2, "Kaltim"), "63": (7, 3, "Kalsel"),
    "75": (9, 1, "Gorontalo"), "71": (10, 1, "Sulut"), "76": (8, 2, "Sulbar"),
    "72": (9, 2, "Sulteng"), "73": (8, 3, "Sulsel"), "74": (9, 3, "Sultra"),
    "82": (11, 1, "Malut"), "81": (11, 2, "Maluku"),
    "96": (12, 1, "PBD"), "92": (13, 1, "Pabar"), "91": (14, 1, "Papua"),
    "94": (13, 2, "Papteng"), "95": (14, 2, "Papeg"), "93": (14, 3, "Papsel"),
}

COLUMNS = 1 + max(c for c, _, _ in TILES.values())
ROWS = 1 + max(r for _, r, _ in TILES.values())
