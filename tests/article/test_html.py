"""pugnlp.article.html: an article page or a plain text -> Article."""

from __future__ import annotations

import pytest

from pugnlp.article.html import html_to_article, text_to_article
from pugnlp.errors import InputError

BODY = ("Samarinda - Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak (DKP3A) "
        "Kaltim menggelar rapat koordinasi PUG di Aula Bappeda, Senin (6/11/2023). Rapat diikuti "
        "35 peserta dari perangkat daerah.")


def test_html_to_article_prunes_related_blocks_and_captions() -> None:
    page = (
        "<html><head><title>Rakor PUG Kaltim</title>"
        "<meta property='og:site_name' content='Media Center Kaltim'>"
        "<meta property='article:published_time' content='2023-11-07T08:00:00+08:00'></head>"
        "<body><article><h1>Rakor PUG Kaltim</h1><p>" + BODY + "</p>"
        "<figure><img src='a.jpg'><figcaption>Wali Kota Tarakan berfoto bersama</figcaption></figure>"
        "<p>Baca Juga: Bupati Kukar Resmikan Jembatan di Tenggarong</p>"
        "<div class='related-posts'><p>Festival kuliner di Kota Tarakan dibuka pekan lalu oleh "
        "warga</p></div><p>Kepala DKP3A Kaltim menyampaikan bahwa data terpilah harus dilengkapi."
        "</p></article></body></html>")
    article = html_to_article(page, "x", url="https://mediacenter.contoh.go.id/berita/rakor")
    assert article.title == "Rakor PUG Kaltim"
    assert article.published == "2023-11-07"
    assert article.outlet == "Media Center Kaltim"
    assert article.url == "https://mediacenter.contoh.go.id/berita/rakor"
    assert "Aula Bappeda" in article.text and "data terpilah" in article.text
    for gone in ("Tarakan", "Kukar", "Baca Juga"):
        assert gone not in article.text


def test_html_to_article_without_body_raises() -> None:
    with pytest.raises(InputError) as err:
        html_to_article("<html><body><p>Beranda</p></body></html>", "x", where="file.html")
    assert err.value.where == "file.html"


def test_text_to_article_cleans_and_guesses_the_title() -> None:
    article = text_to_article("Rakor PUG Kaltim Digelar\n\n" + BODY + "\nFoto: Humas", "doc")
    assert article.title == "Rakor PUG Kaltim Digelar"
    assert not article.text.endswith("Humas")
    assert text_to_article(BODY, "doc", title="Judul Lain").title == "Judul Lain"


def test_text_to_article_of_noise_only_raises() -> None:
    with pytest.raises(InputError, match="empty article"):
        text_to_article("Baca Juga: Sekda Buka Pameran\nBagikan", "doc", where="x.txt:3")
