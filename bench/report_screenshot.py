"""Render the report in headless Chromium: a screenshot PNG and the rendered DOM.

    .venv/bin/python bench/report_screenshot.py [--dataset keluaran/] [--out bench/out/]

Without --dataset, the report of the team's event fixture is built first. Writes
``laporan.html``, ``laporan.png`` (the top of the page) and ``laporan-provinsi.png`` (a
province clicked) into --out. Needs Debian's chromium (`apt-get install -y chromium`).
The tests (tests/report/test_report_chromium.py) use the helpers of this file.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")
TIMEOUT = 120


def chromium() -> str | None:
    """Path of the chromium binary, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    binary = chromium()
    if binary is None:
        raise RuntimeError("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="pugnlp-chromium-") as profile:
        cmd = [binary, *FLAGS, f"--user-data-dir={profile}", *extra, url]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc


def _url(html_path: Path, fragment: str = "", query: str = "") -> str:
    return (Path(html_path).resolve().as_uri() + (f"?{query}" if query else "")
            + (f"#{fragment}" if fragment else ""))


def dump_dom(html_path: Path, fragment: str = "", query: str = "") -> str:
    """The DOM after the page loaded and its scripts ran."""
    url = _url(html_path, fragment, query)
    return _run(url, "--virtual-time-budget=3000", "--dump-dom").stdout


def screenshot(html_path: Path, png: Path, query: str = "", size: str = "1280,1600") -> Path:
    """Write a PNG of the top of the page (``size`` = width,height in pixels).

    Use ``query`` (``wilayah=64``) rather than a ``#fragment``: headless Chromium leaves the
    part above a scrolled-to fragment blank.
    """
    url = _url(html_path, query=query)
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    _run(url, f"--window-size={size}", f"--screenshot={png}")
    return png


def png_pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced RGB/RGBA PNG: (width, height, rows of raw pixels)."""
    data = Path(png).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header  # type: ignore[misc]
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(
            v for x in range(width) for v in line[x * 4:x * 4 + 3]))
        prev = line
    return width, height, rows


def count_colour(png: Path, rgb: tuple[int, int, int]) -> int:
    """How many pixels of the PNG have exactly this colour."""
    _, _, rows = png_pixels(png)
    needle = bytes(rgb)
    return sum(sum(1 for x in range(0, len(row), 3) if row[x:x + 3] == needle) for row in rows)


def build_fixture_report(out_dir: Path) -> Path:
    """Dataset + report of the team's event fixture, written into ``out_dir``."""
    from pugnlp.dataset.run import make_dataset
    from pugnlp.report.write import make_report

    fixture = ROOT / "tests" / "dataset" / "fixtures" / "events_fixture.jsonl"
    make_dataset([fixture], out_dir / "dataset")
    html = out_dir / "laporan.html"
    make_report(out_dir / "dataset", html)
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.dataset is None:
        html = build_fixture_report(args.out)
    else:
        from pugnlp.report.write import make_report

        html = args.out / "laporan.html"
        make_report(args.dataset, html)
    top = screenshot(html, args.out / "laporan.png")
    province = screenshot(html, args.out / "laporan-provinsi.png", query="wilayah=64")
    dom = dump_dom(html)
    tiles, events = dom.count('class="tile"'), dom.count('<details class="event"')
    print(f"report {html} ({html.stat().st_size / 1024:.0f} KB); DOM {len(dom) / 1024:.0f} KB, "
          f"{tiles} province tiles, {events} events")
    print(f"screenshots: {top}, {province}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
