import pytest

from pugnlp.sources.listing import article_links, looks_like_article, page_url

PAGE = "https://dp3a.x.go.id/berita?page=2"
HTML = """<html><body>
<nav><a href="/">Beranda</a><a href="/kategori/berita">Berita</a><a href="/tag/pug">PUG</a>
<a href="/berita?page=3">Berikutnya</a><a href="https://facebook.com/share?u=x">FB</a></nav>
<article><a href="/berita/2023/10/rakor-pengarusutamaan-gender-kota">Rakor</a>
<a href="/berita/2023/10/rakor-pengarusutamaan-gender-kota?utm_source=x">again</a>
<a href="https://www.dp3a.x.go.id/read/12345/sosialisasi">Sosialisasi</a>
<a href="/uploads/foto-rakor.jpg">foto</a><a href="#top">top</a>
<a href="/?p=881">short link</a><a href="mailto:humas@x.go.id">mail</a></article>
</body></html>"""


def test_article_links_keep_stories_in_order_once() -> None:
    assert article_links(HTML, PAGE) == [
        "https://dp3a.x.go.id/berita/2023/10/rakor-pengarusutamaan-gender-kota",
        "https://www.dp3a.x.go.id/read/12345/sosialisasi",
        "https://dp3a.x.go.id/?p=881",
    ]


@pytest.mark.parametrize("url, expected", [
    ("https://x.id/kategori/nusantara/832060/rakor-pug-di-banjarbaru", True),
    ("https://x.id/2024/05/29/10463/", True),
    ("https://x.id/artikel-19749-rakor-pug.html", True),
    ("https://x.id/tag/pengarusutamaan-gender-kota", False),
    ("https://x.id/category/berita/page/2", False),
    ("https://x.id/search?q=gender", False),
    ("https://x.id/files/laporan-pug-2023.pdf", False),
    ("https://x.id/", False),
    ("https://x.id/kontak", False),
])
def test_looks_like_article(url: str, expected: bool) -> None:
    assert looks_like_article(url) is expected


def test_page_url_and_empty_pages() -> None:
    assert page_url("https://x.id/berita?page={page}", 3) == "https://x.id/berita?page=3"
    assert page_url("https://x.id/berita", 3) == "https://x.id/berita"
    assert article_links("", PAGE) == [] and article_links(b"   ", PAGE) == []
