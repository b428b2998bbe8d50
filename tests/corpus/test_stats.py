from pathlib import Path

from pugnlp.corpus.stats import corpus_stats
from pugnlp.corpus.store import CorpusStore, Page
from pugnlp.schema import Article


def _add(store: CorpusStore, url: str, text: str, source: str, code: str | None,
         published: str | None) -> None:
    store.add_page(Page(url=url, source=source, html="<p/>", kode_wilayah=code,
                        article=Article("x", text, published=published)))


def test_counts_per_source_province_month_and_failures(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "k.sqlite") as store:
        _add(store, "https://a.id/1", "Rapat PUG satu di Banjarbaru. " * 9, "mc-a", "63.72",
             "2023-10-11")
        _add(store, "https://a.id/2", "Bimtek PPRG dua di Martapura untuk dinas. " * 9, "mc-a",
             "63.03", "2023-10-20")
        _add(store, "https://b.id/3", "Sosialisasi gender tiga untuk desa di Kuala Kurun. " * 9,
             "portal-b", None, None)
        _add(store, "https://b.id/4", "Rapat PUG satu di Banjarbaru. " * 9, "portal-b", None, None)
        store.add_stub("https://b.id/bola", "portal-b", "off-topic (no PUG keyword)")
        store.log_fetch("mati", "http://dead/", "discovery", None, "failed", "connection refused", 3)
        store.log_fetch("mc-a", "https://a.id/x", "article", 500, "failed", "HTTP 500", 3)
        stats = corpus_stats(store)
    assert stats.articles == 3
    assert stats.by_source == {"mc-a": 2, "portal-b": 1}
    assert stats.by_province == {"(national)": 1, "63 Kalimantan Selatan": 2}
    assert stats.by_month == {"(unknown)": 1, "2023-10": 2}
    assert stats.links == {"duplicate": 1}
    assert stats.rejects == {"off-topic (no PUG keyword)": 1}
    assert stats.failures == {"connection refused": 1, "HTTP 500": 1}
    assert stats.failures_by_source == {"mati": 1, "mc-a": 1}
    text = stats.text()
    assert "articles: 3" in text and "per province:" in text and "mati" in text
