"""``pugnlp crawl`` and ``pugnlp korpus ...``: collect releases into the corpus store and
inspect it (issue 5). Registered on the main group by :mod:`pugnlp.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pugnlp.cli_options import fail, progress_option, store_option
from pugnlp.settings import Settings


@click.command(epilog="Docs: docs/crawl.md.")
@click.option("--sources", "sources_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), default=None,
              help="Source list, CSV: name,base_url,kode_wilayah,kind,discovery,... (default: "
              "sources_path of pugnlp.toml, else korpus/sumber.csv).")
@click.option("--only", multiple=True, metavar="NAME",
              help="Crawl only this source (repeatable).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Skip sitemap/feed entries and articles dated before YYYY-MM-DD.")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="At most N article pages per source in this run.")
@store_option()
@click.option("--dry-run", is_flag=True,
              help="List what each source would discover first; fetch no article.")
@progress_option
@click.pass_obj
def crawl(settings: Settings, sources_path: Path | None, only: tuple[str, ...], since: object,
          max_pages: int | None, store: Path | None, dry_run: bool, progress: bool) -> None:
    """Collect regional releases politely into the corpus store.

    Obeys robots.txt (and its Crawl-delay), fetches one page at a time per site with a
    delay of 5 s or more, retries 408/429/5xx (after the Retry-After the site asks for, up to
    10 min), and resumes after an interruption. Every article is stored once; off-topic pages
    become stub rows. One crawl per store at a time (an OS lock, freed when the process
    ends). A write error (disk full, damaged store) stops the crawl at once, keeping what
    was stored; run again when it is fixed. The exit code is 1 when some sources failed or
    a write error stopped the crawl, 126 when all sources failed.
    """
    from dataclasses import replace

    from pugnlp.corpus.collect import collect
    from pugnlp.errors import PugnlpError

    sources_path = sources_path or settings.sources_path
    if not sources_path.is_file():
        fail(f"{sources_path}: no source list here; pass --sources")

    def show(source: str, outcome: str, url: str, reason: str | None) -> None:
        click.echo(f"[{source}] {outcome:<14} {url}" + (f"  ({reason})" if reason else ""),
                   err=True)

    try:
        summary = collect(sources_path, only=only, max_pages=max_pages, dry_run=dry_run,
                          since=since.date() if since else None,  # type: ignore[attr-defined]
                          settings=replace(settings, store_path=store or settings.store_path),
                          on_event=show if progress else None)
    except PugnlpError as exc:
        fail(str(exc))
    click.echo(summary.text())
    if summary.stopped:
        fail(summary.stopped)
    sys.exit(summary.exit_code())


@click.group(epilog="Docs: docs/crawl.md.")
def korpus() -> None:
    """Inspect the corpus store (korpus/korpus.sqlite)."""


@korpus.command(name="stats")
@store_option(exists=True)
@click.pass_obj
def korpus_stats(settings: Settings, store: Path | None) -> None:
    """Articles per source, province and month; duplicates, stubs and failed fetches."""
    from pugnlp.corpus.stats import corpus_stats
    from pugnlp.corpus.store import CorpusStore
    from pugnlp.errors import PugnlpError

    path = store or settings.store_path
    if not Path(path).exists():
        fail(f"{path}: no corpus store yet (run `pugnlp crawl` first)")
    try:
        with CorpusStore(path, readonly=True) as db:
            click.echo(corpus_stats(db).text())
    except PugnlpError as exc:
        fail(str(exc))
