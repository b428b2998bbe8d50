"""Time per page spent in pugnlp's own code during a crawl, and memory over 5,000 pages.

Serves N generated PUG releases (about 9 KB each, WordPress-like, all distinct) plus a sitemap
on 127.0.0.1, crawls them with ``pugnlp.corpus.collect`` into a fresh store (politeness delay
set to 0 for the measurement; everything else as in a real crawl: JOBDIR, HTTP cache,
robots.txt) and times pugnlp's parts: spider callbacks (sitemap parsing, item building), the
store pipeline (trafilatura extraction, pre-filter, SimHash, SQLite transaction) and the
known-URL checks. Scrapy's and the network's time is not counted. RSS is sampled as it goes.

    .venv/bin/python bench/crawl_overhead.py [--pages 5000]

Exits 1 when the budget (20 ms per page; RSS growth over the second half < 25 MB) is missed.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fetch"))

from fakesite import FakeSite, article_html, body_text  # noqa: E402

BUDGET_MS = 20.0
BUDGET_GROWTH_MB = 25.0
SIDEBAR = "".join(f"<li><a href='/kategori/{i}'>Kategori berita daerah nomor {i}</a></li>"
                  for i in range(60))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_site(pages: int) -> FakeSite:
    site = FakeSite("127.0.0.1").start()
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")

    def article(n: int) -> Callable[[FakeSite, Any], tuple[int, dict, bytes]]:
        def route(s: FakeSite, h: Any) -> tuple[int, dict, bytes]:
            html = article_html(f"Rapat PUG nomor {n}", body_text(1000 + n, words=380),
                                f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}")
            html = html.replace("<footer>", f"<aside><ul>{SIDEBAR}</ul></aside><footer>")
            return 200, {}, html.encode()
        return route

    locs = []
    for n in range(pages):
        path = f"/2023/berita/rapat-pug-nomor-{n}"
        site.routes[path] = article(n)
        locs.append(f"<url><loc>{site.url(path)}</loc></url>")
    site.page("/sitemap.xml", "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/"
              "schemas/sitemap/0.9'>" + "".join(locs) + "</urlset>", ctype="application/xml")
    return site


class Timers:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.samples: list[tuple[int, float]] = []
        self.pages = 0

    def wrap(self, owner: type, name: str, label: str, generator: bool = False) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            result = original(*args, **kwargs)
            if generator:
                result = list(result)
            self.seconds[label] += time.perf_counter() - start
            if label == "store pipeline" and type(args[1]).__name__ == "PageItem":
                self.pages += 1
                if self.pages % 250 == 0:
                    self.samples.append((self.pages, rss_mb()))
            return iter(result) if generator else result

        setattr(owner, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args()

    from pugnlp.corpus.collect import collect
    from pugnlp.corpus.scrapy_pipeline import StorePipeline
    from pugnlp.corpus.store import CorpusStore
    from pugnlp.fetch.middlewares import KnownUrlMiddleware
    from pugnlp.fetch.settings import CrawlOptions
    from pugnlp.fetch.spider import PugSpider
    from pugnlp.settings import Settings
    from pugnlp.sources.registry import Source

    timers = Timers()
    timers.wrap(PugSpider, "parse_sitemap", "spider: sitemap", generator=True)
    timers.wrap(PugSpider, "parse_article", "spider: article item", generator=True)
    timers.wrap(StorePipeline, "process_item", "store pipeline")
    timers.wrap(KnownUrlMiddleware, "process_request", "known-URL middleware")
    timers.wrap(CorpusStore, "known", "store.known")

    site = make_site(args.pages)
    source = Source("bench", site.url("/"), "63.72", "media_center", "sitemap",
                    site.url("/sitemap.xml"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(download_delay=0.0, store_path=Path(tmp) / "k.sqlite")
        start, rss0 = time.perf_counter(), rss_mb()
        summary = collect(sources=[source], settings=settings, options=CrawlOptions())
        wall = time.perf_counter() - start
    site.stop()

    stored = summary.total("article")
    own = sum(v for k, v in timers.seconds.items() if k != "store.known")  # known is nested
    per_page = 1000 * own / max(stored, 1)
    print(f"pages served {args.pages}, stored {stored}, wall {wall:.1f} s "
          f"({args.pages / wall:.0f} pages/s incl. Scrapy and HTTP)")
    for label, seconds in sorted(timers.seconds.items()):
        print(f"  {label:<24} {1000 * seconds / max(stored, 1):7.2f} ms/page")
    print(f"pugnlp's own code: {per_page:.2f} ms per page (budget {BUDGET_MS:.0f} ms)")
    half = [mb for n, mb in timers.samples if n >= args.pages // 2]
    growth = (half[-1] - half[0]) if len(half) > 1 else 0.0
    print(f"RSS: start {rss0:.0f} MB; " + ", ".join(
        f"{n}: {mb:.0f}" for n, mb in timers.samples[:: max(1, len(timers.samples) // 10)]))
    print(f"RSS growth over the second half: {growth:+.1f} MB (budget {BUDGET_GROWTH_MB:.0f} MB)")
    ok = stored == args.pages and per_page <= BUDGET_MS and growth < BUDGET_GROWTH_MB
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
