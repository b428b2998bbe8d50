"""A crawl on a really full disk: how soon it stops, what it keeps, and the rerun after.

Mounts a small tmpfs in a private mount namespace (``unshare -rm``: no root needed where user
namespaces are allowed), serves N generated releases on 127.0.0.1, fills the tmpfs so that
only FREE kilobytes are left, and crawls into a store on it with ``pugnlp.corpus.collect``
(store, JOBDIR frontier and HTTP cache all on the small filesystem). Prints, per free-space
level: the message that stopped the crawl, the seconds from the first write error to the end
of the crawl, the articles stored, the integrity check; then deletes the filler and crawls
again, printing the exit code and whether every article is stored exactly once.

    .venv/bin/python bench/crawl_disk_full.py [--pages 200] [--free 100 200 400]

Exits 1 when a crawl ends later than 60 s after its first write error, or a rerun does not
store every article exactly once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fetch"))

from fakesite import FakeSite, article_html, body_text  # noqa: E402

BUDGET_SECONDS = 60.0
TMPFS_KB = 32768
INNER = "PUGNLP_BENCH_IN_NAMESPACE"


def make_site(pages: int) -> FakeSite:
    site = FakeSite("127.0.0.1").start()
    site.page("/robots.txt", "User-agent: *\nDisallow:\n", ctype="text/plain")
    locs = []
    for n in range(pages):
        path = f"/2023/berita/rapat-pug-nomor-{n}"
        site.page(path, article_html(f"Rapat PUG nomor {n}", body_text(5000 + n, words=380),
                                     f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"))
        locs.append(f"<url><loc>{site.url(path)}</loc></url>")
    site.page("/sitemap.xml", "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/"
              f"schemas/sitemap/0.9'>{''.join(locs)}</urlset>", ctype="application/xml")
    return site


def fill(folder: Path, free_kb: int) -> Path:
    filler = folder / "filler"
    stat = os.statvfs(folder)
    filler.write_bytes(b"\0" * max(stat.f_bavail * stat.f_frsize - free_kb * 1024, 0))
    return filler


def stored(store: Path) -> tuple[int, int, str]:
    with sqlite3.connect(store) as conn:
        count, distinct = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT canonical_url) FROM articles").fetchone()
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return count, distinct, check


def run_level(site: FakeSite, mount: Path, pages: int, free_kb: int) -> bool:
    from pugnlp.corpus.collect import collect
    from pugnlp.fetch.faults import STOPPED_AT_STAT
    from pugnlp.fetch.settings import CrawlOptions
    from pugnlp.settings import Settings

    work = mount / f"free-{free_kb}"
    work.mkdir()
    csv = Path(tempfile.mkdtemp()) / "sumber.csv"
    csv.write_text("name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan\n"
                   f"mc,{site.base}/,63.72,media_center,sitemap,{site.url('/sitemap.xml')},id,\n")
    settings = Settings(download_delay=0.0, store_path=work / "korpus" / "k.sqlite")
    filler = fill(mount, free_kb)
    try:
        summary = collect(csv, settings=settings, options=CrawlOptions(timeout=10))
        ended = datetime.now(timezone.utc)
    except Exception as exc:  # noqa: BLE001 - a refusal before crawling is a result too
        print(f"free {free_kb:>5} KB: refused before crawling: {exc}")
        filler.unlink()
        shutil.rmtree(work)
        return True
    filler.unlink()
    ok = True
    if summary.stopped:
        seconds = (ended - summary.stats[STOPPED_AT_STAT]).total_seconds()
        count, distinct, check = stored(settings.store_path)
        ok &= seconds <= BUDGET_SECONDS
        print(f"free {free_kb:>5} KB: stopped {seconds:.2f} s after the first write error, "
              f"exit {summary.exit_code()}; {count} articles stored ({distinct} distinct), "
              f"integrity {check}; {len(summary.sources['mc'].not_stored)} fetched pages not "
              f"stored\n    {summary.stopped}")
    else:
        print(f"free {free_kb:>5} KB: no write error (the crawl fitted)")
    rerun = collect(csv, settings=settings, options=CrawlOptions(timeout=10))
    count, distinct, check = stored(settings.store_path)
    ok &= rerun.exit_code() == 0 and count == distinct == pages
    print(f"    rerun after freeing space: exit {rerun.exit_code()}, {count} articles "
          f"({distinct} distinct) of {pages}, integrity {check}")
    if rerun.stopped or rerun.exit_code():
        print(f"    rerun: {rerun.stopped}; {rerun.sources['mc'].problems[:3]}")
    shutil.rmtree(work)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--free", type=int, nargs="+", default=[100, 200, 400])
    args = parser.parse_args()
    if os.environ.get(INNER) is None:
        if shutil.which("unshare") is None:
            print("needs unshare (util-linux) to mount a small tmpfs without root")
            return 2
        mount = Path(tempfile.mkdtemp(prefix="pugnlp-full-"))
        script = (f"mount -t tmpfs -o size={TMPFS_KB}k none {mount} && "
                  f"exec {sys.executable} {Path(__file__).resolve()} {' '.join(sys.argv[1:])}")
        env = dict(os.environ, **{INNER: str(mount)})
        done = subprocess.run(["unshare", "-rm", "sh", "-c", script], env=env)
        mount.rmdir()
        return done.returncode
    mount = Path(os.environ[INNER])
    site = make_site(args.pages)
    start = time.perf_counter()
    try:
        ok = all([run_level(site, mount, args.pages, free) for free in args.free])
    finally:
        site.stop()
    print(f"{time.perf_counter() - start:.0f} s in all; "
          f"{'OK' if ok else 'FAILED'} (budget: stop within {BUDGET_SECONDS:.0f} s, rerun "
          "complete)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
