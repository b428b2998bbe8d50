"""The regional fixture world: media centre A (127.0.0.1) and portal B (127.0.0.2).

A: robots.txt (Disallow /private/, Crawl-delay, Sitemap index), a sitemap index with a 2023
and a 2019 child, paginated listings /berita?page=N, a page that answers 503 twice then 200,
a dead page (always 500), the same article under a second URL, with tracking parameters and
as /amp, an off-topic page, an English page, malformed HTML, a slow page.
B: an RSS feed with a near-duplicate of A's first article, its own articles, an old item, a
redirect loop, a huge page and (optionally) a page slower than the crawl timeout.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from fakesite import FakeSite, article_html, body_text, free_port

A1_BODY = body_text(1)
SLOW_SECONDS = 0.3
TIMEOUT_SLEEP = 1.0


def _sitemap(entries: list[tuple[str, str]], index: bool = False) -> str:
    tag, outer = ("sitemap", "sitemapindex") if index else ("url", "urlset")
    items = "".join(f"<{tag}><loc>{loc}</loc><lastmod>{mod}</lastmod></{tag}>"
                    for loc, mod in entries)
    return (f"<?xml version='1.0' encoding='UTF-8'?><{outer} "
            f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{items}</{outer}>")


def _rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>"
                   for t, link, d in items)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>B</title>{body}</channel></rss>"


@dataclass
class Regional:
    a: FakeSite
    b: FakeSite
    dead_port: int
    crawl_delay: float
    stored: set[str] = field(default_factory=set)
    """Paths that must end up as stored articles after a full crawl."""

    def csv(self, path: Path, names: tuple[str, ...] | None = None) -> Path:
        rows = {
            "mc-a": f"mc-a,{self.a.base}/,63.72,media_center,sitemap,{self.a.base}/robots.txt,id,",
            "mc-a-berita": f"mc-a-berita,{self.a.base}/,63.72,media_center,listing,"
                           f"{self.a.base}/berita?page={{page}},id,",
            "portal-b": f"portal-b,{self.b.base}/,63,portal_berita,feed,{self.b.base}/feed.xml,id,",
            "mati": f"mati,http://127.0.0.1:{self.dead_port}/,62,dinas,listing,"
                    f"http://127.0.0.1:{self.dead_port}/berita?page={{page}},id,",
            "hilang": f"hilang,{self.b.base}/,62.10,pemda,listing,"
                      f"{self.b.base}/tidak-ada?page={{page}},id,",
        }
        chosen = names or tuple(rows)
        header = "name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan"
        path.write_text("\n".join([header, *(rows[n] for n in chosen)]) + "\n", encoding="utf-8")
        return path

    def stop(self) -> None:
        self.a.stop()
        self.b.stop()


def build(crawl_delay: float = 0.2, timeout_page: bool = True) -> Regional:
    a = FakeSite("127.0.0.1").start()
    b = FakeSite("127.0.0.2").start()
    world = Regional(a, b, free_port(), crawl_delay)
    _site_a(world)
    _site_b(world, timeout_page)
    return world


def _site_a(w: Regional) -> None:
    a = w.a
    a.page("/robots.txt", f"User-agent: *\nDisallow: /private/\nCrawl-delay: {w.crawl_delay}\n"
                          f"Sitemap: {a.url('/sitemap_index.xml')}\n", ctype="text/plain")
    a.page("/sitemap_index.xml", _sitemap([(a.url("/sitemap-2023.xml"), "2023-10-31"),
                                           (a.url("/sitemap-2019.xml"), "2019-05-01")], True),
           ctype="application/xml")
    arts = {
        "/2023/10/rakor-pug-banjarbaru": ("Rakor PUG Kota Banjarbaru", A1_BODY, "2023-10-11"),
        "/2023/10/bimtek-pprg-dinas": ("Bimtek PPRG bagi Dinas", body_text(2), "2023-10-12"),
        "/2023/10/penghargaan-ape-lambat": ("Penghargaan APE", body_text(4), "2023-10-14"),
        "/2019/05/rakor-pug-lama": ("Rakor PUG 2019", body_text(9), "2019-05-02"),
        "/2023/09/pelatihan-focal-point-pug": ("Pelatihan Focal Point", body_text(5), "2023-09-01"),
        "/2023/09/rapat-pokja-pug-kota": ("Rapat Pokja PUG", body_text(6), "2023-09-05"),
        "/2023/08/penyusunan-profil-gender": ("Profil Gender", body_text(7), "2023-08-20"),
    }
    for path, (title, body, day) in arts.items():
        a.page(path, article_html(title, body, day))
    w.stored |= {("a", p) for p in arts}
    a.page("/berita/1234", article_html("Rakor PUG Kota Banjarbaru", A1_BODY, "2023-10-11"))
    slow = arts["/2023/10/penghargaan-ape-lambat"]
    a.routes["/2023/10/penghargaan-ape-lambat"] = lambda s, h: (
        time.sleep(SLOW_SECONDS), (200, {}, article_html(*slow).encode()))[1]
    flaky_html = article_html("Sosialisasi Gender di Desa", body_text(3), "2023-10-13").encode()
    a.routes["/2023/10/sosialisasi-gender-desa"] = lambda s, h: (
        (503, {}, b"busy") if s.requested("/2023/10/sosialisasi-gender-desa") <= 2
        else (200, {}, flaky_html))
    w.stored.add(("a", "/2023/10/sosialisasi-gender-desa"))
    a.page("/2023/10/evaluasi-ape-mati", "server error", status=500)
    a.page("/private/rahasia-pug-internal", article_html("Rahasia", body_text(8)))
    a.page("/2023/10/sepak-bola-piala-walikota", article_html(
        "Final Piala Wali Kota", body_text(10, topic="turnamen sepak bola")))
    a.page("/2023/10/english-gender-workshop", article_html(
        "Gender workshop", " ".join(["The city government held a workshop on gender "
                                     "mainstreaming for the heads of all agencies."] * 20)))
    a.page("/2023/10/halaman-rusak", "<html><body><div><p>Rapat PUG</div></span>")
    a1 = "/2023/10/rakor-pug-banjarbaru"
    a.page("/sitemap-2023.xml", _sitemap([
        (a.url(a1), "2023-10-11"), (a.url(a1 + "?utm_source=fb&fbclid=xyz"), "2023-10-11"),
        (a.url(a1 + "/amp"), "2023-10-11"), (a.url("/berita/1234"), "2023-10-11"),
        (a.url("/2023/10/bimtek-pprg-dinas"), "2023-10-12"),
        (a.url("/2023/10/sosialisasi-gender-desa"), "2023-10-13"),
        (a.url("/2023/10/penghargaan-ape-lambat"), "2023-10-14"),
        (a.url("/2023/10/evaluasi-ape-mati"), "2023-10-15"),
        (a.url("/private/rahasia-pug-internal"), "2023-10-16"),
        (a.url("/2023/10/sepak-bola-piala-walikota"), "2023-10-17"),
        (a.url("/2023/10/english-gender-workshop"), "2023-10-18"),
        (a.url("/2023/10/halaman-rusak"), "2023-10-19"),
    ]), ctype="application/xml")
    a.page("/sitemap-2019.xml", _sitemap([(a.url("/2019/05/rakor-pug-lama"), "2019-05-02")]),
           ctype="application/xml")
    nav = "<a href='/kategori/berita'>Berita</a><a href='/tag/pug'>PUG</a>"
    a.page("/berita?page=1", f"<html><body>{nav}<a href='/2023/09/pelatihan-focal-point-pug'>1"
           "</a><a href='/2023/09/rapat-pokja-pug-kota'>2</a><a href='/2023/10/bimtek-pprg-dinas'>"
           "3</a><a href='/berita?page=2'>next</a></body></html>")
    a.page("/berita?page=2", f"<html><body>{nav}<a href='/2023/08/penyusunan-profil-gender'>4"
           "</a><a href='/2023/09/pelatihan-focal-point-pug'>1</a></body></html>")
    a.page("/berita?page=3", f"<html><body>{nav}<a href='/2023/08/penyusunan-profil-gender'>4"
           "</a></body></html>")


def _site_b(w: Regional, timeout_page: bool) -> None:
    b = w.b
    b.page("/robots.txt", "User-agent: *\nDisallow:\n", ctype="text/plain")
    near = ("BANJARBARU - " + A1_BODY.replace("aula kantor", "aula kantor wali kota")
            + "\n\nSumber: Media Center Banjarbaru")
    b.page("/berita/republish-rakor-pug", article_html("Pemko Gelar Rakor PUG", near))
    b.page("/berita/dp3a-gelar-sosialisasi", article_html("DP3A Gelar Sosialisasi", body_text(11)))
    b.page("/berita/lama-pug-2019", article_html("PUG 2019", body_text(12), "2019-03-01"))
    w.stored |= {("b", "/berita/dp3a-gelar-sosialisasi"), ("b", "/berita/lama-pug-2019")}
    b.routes["/berita/loop-satu"] = lambda s, h: (302, {"Location": "/berita/loop-dua"}, b"")
    b.routes["/berita/loop-dua"] = lambda s, h: (302, {"Location": "/berita/loop-satu"}, b"")
    big = article_html("Besar", body_text(13) + "\n\n" + "x" * 300_000).encode()
    b.routes["/berita/halaman-sangat-besar"] = lambda s, h: (200, {}, big)
    b.routes["/berita/rapat-timeout"] = lambda s, h: (
        time.sleep(TIMEOUT_SLEEP), (200, {}, article_html("Timeout", body_text(14)).encode()))[1]
    items = [("Rakor", b.url("/berita/republish-rakor-pug"), "Thu, 12 Oct 2023 10:00:00 +0800"),
             ("DP3A", b.url("/berita/dp3a-gelar-sosialisasi"), "Fri, 13 Oct 2023 10:00:00 +0800"),
             ("Lama", b.url("/berita/lama-pug-2019"), "Fri, 01 Mar 2019 10:00:00 +0800"),
             ("Loop", b.url("/berita/loop-satu"), "Sat, 14 Oct 2023 10:00:00 +0800"),
             ("Besar", b.url("/berita/halaman-sangat-besar"), "Sat, 14 Oct 2023 11:00:00 +0800")]
    if timeout_page:
        items.append(("Lambat", b.url("/berita/rapat-timeout"), "Sat, 14 Oct 2023 12:00:00 +0800"))
    b.page("/feed.xml", _rss(items), ctype="application/rss+xml")
