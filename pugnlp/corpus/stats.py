"""Corpus statistics for ``pugnlp korpus stats``: articles per source, province and month;
links, rejects and failures. Reads the store; renders plain text (the CLI prints it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pugnlp.corpus.store import CorpusStore

UNKNOWN = "(unknown)"
NATIONAL = "(national)"


@dataclass(slots=True)
class CorpusStats:
    """Counts over a store."""

    articles: int = 0
    by_source: dict[str, int] = field(default_factory=dict)
    by_province: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    links: dict[str, int] = field(default_factory=dict)
    rejects: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    failures_by_source: dict[str, int] = field(default_factory=dict)

    def text(self) -> str:
        """A readable report (sections separated by blank lines)."""
        out = [f"articles: {self.articles}"]
        for title, counts in (("per source", self.by_source), ("per province", self.by_province),
                              ("per month", self.by_month), ("linked URLs", self.links),
                              ("rejected (stub rows)", self.rejects),
                              ("failed fetches by reason", self.failures),
                              ("failed fetches by source", self.failures_by_source)):
            out += ["", f"{title}:"]
            out += [f"  {key:<40} {value:>7}" for key, value in counts.items()] or ["  (none)"]
        return "\n".join(out)


def corpus_stats(store: CorpusStore) -> CorpusStats:
    """Count the store's articles, links, stubs and failed fetches.

    Raises:
        StoreError: the store cannot be read (a damaged page, say), naming it.
    """
    with store.guard():
        return _count(store)


def _count(store: CorpusStore) -> CorpusStats:
    from pugnlp.wilayah import load_gazetteer

    conn = store.conn
    stats = CorpusStats(articles=store.count())
    stats.by_source = dict(conn.execute(
        "SELECT source, COUNT(*) FROM articles GROUP BY source ORDER BY COUNT(*) DESC, source"))
    gaz = load_gazetteer()
    for code, n in conn.execute("SELECT substr(kode_wilayah, 1, 2), COUNT(*) FROM articles "
                                "GROUP BY 1 ORDER BY 1"):
        region = gaz.get(code) if code else None
        name = f"{code} {region.name}" if region else (NATIONAL if not code else code)
        stats.by_province[name] = stats.by_province.get(name, 0) + n
    for month, n in conn.execute("SELECT substr(published, 1, 7), COUNT(*) FROM articles "
                                 "GROUP BY 1 ORDER BY 1"):
        stats.by_month[month or UNKNOWN] = n
    stats.links = dict(conn.execute(
        "SELECT outcome, COUNT(*) FROM urls WHERE outcome IN ('duplicate', 'near_duplicate') "
        "GROUP BY outcome ORDER BY outcome"))
    stats.rejects = dict(conn.execute(
        "SELECT reason, COUNT(*) FROM urls WHERE outcome = 'rejected' GROUP BY reason "
        "ORDER BY COUNT(*) DESC"))
    stats.failures = dict(conn.execute(
        "SELECT coalesce(reason, 'HTTP ' || status), COUNT(*) FROM fetch_log "
        "WHERE outcome = 'failed' GROUP BY 1 ORDER BY COUNT(*) DESC"))
    stats.failures_by_source = dict(conn.execute(
        "SELECT source, COUNT(*) FROM fetch_log WHERE outcome = 'failed' GROUP BY source "
        "ORDER BY COUNT(*) DESC"))
    return stats
