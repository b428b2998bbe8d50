import pytest

from pugnlp.sources.urls import canonical_url, is_http_url, same_site

BASE = "https://mc.banjarbarukota.go.id/berita/rakor-pug-2023"


@pytest.mark.parametrize("variant", [
    BASE,
    BASE + "/",
    BASE + "?utm_source=facebook&utm_medium=social&fbclid=IwAR0",
    BASE + "#komentar",
    "http://mc.banjarbarukota.go.id/berita/rakor-pug-2023",
    "https://www.mc.banjarbarukota.go.id/berita/rakor-pug-2023",
    "https://m.mc.banjarbarukota.go.id/berita/rakor-pug-2023",
    "https://amp.mc.banjarbarukota.go.id/berita/rakor-pug-2023",
    BASE + "/amp",
    BASE + "/amp/",
    "https://mc.banjarbarukota.go.id/amp/berita/rakor-pug-2023",
    BASE + "?amp",
    BASE + "?amp=1",
    "HTTPS://MC.BanjarbaruKota.go.id:443/berita/rakor-pug-2023",
])
def test_variants_of_one_article_share_a_key(variant: str) -> None:
    assert canonical_url(variant) == canonical_url(BASE) == BASE


def test_identifying_parameters_are_kept_and_sorted() -> None:
    assert canonical_url("https://x.go.id/?p=123&utm_campaign=a") == "https://x.go.id/?p=123"
    assert canonical_url("https://x.go.id/read?id=5&cat=2") == "https://x.go.id/read?cat=2&id=5"
    assert canonical_url("https://x.go.id/?p=1") != canonical_url("https://x.go.id/?p=2")
    assert canonical_url("http://127.0.0.1:8000/a") == "https://127.0.0.1:8000/a"


def test_same_site_and_http_checks() -> None:
    assert same_site("https://www.x.go.id/a", "http://x.go.id/b")
    assert not same_site("https://x.go.id/a", "https://y.go.id/a")
    assert is_http_url("http://x.go.id/") and not is_http_url("mailto:a@b") and not is_http_url("/a")
