"""Command line interface: thin click commands over the library.

Every command imports its stage lazily inside the function, so ``pugnlp --help`` answers fast.
A :class:`pugnlp.errors.PugnlpError` becomes ``Error: ...`` with exit code 1; a batch in which
some items failed exits with code 1 after processing the rest.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from pugnlp import __version__
from pugnlp.cli_options import (
    check_engine,
    engine_options,
    entity_backend_option,
    fail,
    model_options,
    progress_option,
    store_option,
    workers_option,
)
from pugnlp.errors import PugnlpError
from pugnlp.settings import Settings

log = logging.getLogger("pugnlp")

EPILOG = "Docs: docs/cli.md. Records: docs/schema.md."


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG),
                        format="%(levelname)s %(name)s: %(message)s")


class PugnlpGroup(click.Group):
    """A group that turns the library's typed errors into ``Error: ...`` and exit code 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except PugnlpError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=PugnlpGroup, epilog=EPILOG)
@click.version_option(__version__, prog_name="pugnlp")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Settings file (default: ./pugnlp.toml when present).")
@click.pass_context
def cli(ctx: click.Context, verbose: int, config: Path | None) -> None:
    """pugnlp: Indonesian news about gender mainstreaming (PUG) turned into data.

    \b
    Stages:
      extract   articles (.txt/.html/.jsonl) -> one evidence-backed record per article
      run       the whole chain on the bundled corpus (or your sources)
    Every value carries its evidence: character offsets into the cleaned text.
    Settings (paths, delays, workers) come from --config or ./pugnlp.toml, then the flags.
    """
    _setup_logging(verbose)
    from pugnlp.settings import load_settings

    ctx.obj = load_settings(config)




# --- extract -------------------------------------------------------------------------------


@cli.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Output file (records); with --engine dask a folder of Parquet part files. "
              "Written atomically; left untouched when its content would not change.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default=None,
              help="Output format; default from the output suffix, else jsonl.")
@store_option(exists=True, help="Also extract the articles of this corpus store, "
              "incrementally: it keeps every record with the pipeline version and content it "
              "came from; only new or changed articles (of the store and PATH), or those of "
              "another version, are extracted", default=".")
@model_options
@entity_backend_option
@progress_option
@workers_option
@engine_options
@click.pass_obj
def extract(settings: Settings, paths: tuple[Path, ...], out: Path, fmt: str | None,
            store: Path | None, rules_only: bool, model_dir: Path | None, entity_backend: str,
            progress: bool, workers: int | None, engine: str, scheduler: str | None) -> None:
    """Extract one PUG record per article from PATH... (files or folders) and --store.

    PATH is a .txt or .html file, a .jsonl file with a `text` or `html` field per line
    (optional `id`, `url`, `title`, `published`), a .parquet file with those columns, or a
    folder of them. Bad items are reported with their file (and line) and skipped; the rest
    is still processed and the exit code is 1 if any item failed. With --store (local
    engine), a second run over an unchanged store extracts nothing and loads no model.
    """
    if not paths and store is None:
        fail("no PATH given: pass article files or folders, or --store")
    check_engine(engine, scheduler)
    options = dict(use_models=not rules_only, model_dir=model_dir or settings.model_dir,
                   progress=progress, store=store, entity_backend=entity_backend)
    if engine == "dask":
        from pugnlp.cluster import DEFAULT_WORKERS
        from pugnlp.events.distributed import check_output, run_extract_dask

        check_output(out, fmt)
        summary = run_extract_dask(list(paths), out, scheduler=scheduler,
                                   workers=workers or DEFAULT_WORKERS, **options)
    else:
        from pugnlp.events.batch import run_extract

        summary = run_extract(list(paths), out, fmt=fmt, workers=workers or settings.workers,
                              cache=store, **options)
    for problem in summary.failures:
        click.echo(f"skipped {problem}", err=True)
    click.echo(summary.text())
    if summary.failures:
        sys.exit(1)


# --- run ---------------------------------------------------------------------------------

@cli.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Folder for all outputs (default: output_dir of pugnlp.toml, "
              "else keluaran/). Updated in place: only files whose content changes are "
              "replaced.")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Crawl these sources into the store first (e.g. "
              "korpus/sumber.csv).")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="With --sources: at most N article pages per source.")
@store_option(help="Corpus store to read; with --sources, to crawl into first (default then: "
              "store_path of pugnlp.toml, else korpus/korpus.sqlite).", default="")
@model_options
@entity_backend_option
@progress_option
@workers_option
@click.pass_obj
def run(settings: Settings, paths: tuple[Path, ...], out_dir: Path | None, sources: Path | None,
        max_pages: int | None, store: Path | None, rules_only: bool, model_dir: Path | None,
        entity_backend: str, progress: bool, workers: int | None) -> None:
    """Run the whole chain: (crawl ->) articles -> records -> dataset -> report.

    Reads PATH... and the corpus store (--store, filled first by a crawl of --sources);
    without any of them, the bundled corpus (korpus/contoh/teks). Incremental, for scheduled
    runs: only new or changed articles, or those extracted by another pipeline version, are
    extracted (records are kept in the store, else in OUTPUT/.rekaman.sqlite); event ids are
    kept; perubahan.csv logs the events new, updated or removed; manifest.json logs the run.
    A run with nothing new extracts nothing and changes no file but the manifest; a run
    killed at any point leaves the previous outputs intact. Ends with where the files are.
    Exits 1 when an input was skipped or the crawl failed or stopped early (a full disk):
    the dataset then holds what was read.
    """
    import datetime as dt
    from functools import partial

    from pugnlp.dataset.run import update_dataset
    from pugnlp.events.batch import run_extract
    from pugnlp.events.incremental import CACHE_NAME
    from pugnlp.report.write import make_report

    started = dt.datetime.now(dt.timezone.utc)
    out_dir = out_dir or settings.output_dir
    store_path = None
    crawl_code, stopped = 0, None
    if sources is not None:
        from dataclasses import replace

        from pugnlp.corpus.collect import collect

        crawl_settings = replace(settings, store_path=store or settings.store_path)
        crawl_summary = collect(sources, max_pages=max_pages, settings=crawl_settings)
        click.echo(crawl_summary.text())
        crawl_code, stopped = crawl_summary.exit_code(), crawl_summary.stopped
        store_path = crawl_settings.store_path
    elif store is not None:
        if not store.is_file():
            fail(f"{store}: no corpus store there; fill one first with `pugnlp crawl --store "
                 f"{store}` (or `pugnlp run --sources korpus/sumber.csv --store {store}`)")
        store_path = store
    inputs = list(paths) or ([] if store_path is not None else [settings.corpus_dir])
    extract = partial(run_extract, inputs, use_models=not rules_only, progress=progress,
                      model_dir=model_dir or settings.model_dir, store=store_path,
                      workers=workers or settings.workers, entity_backend=entity_backend,
                      cache=store_path or out_dir / CACHE_NAME)
    summary, dataset = update_dataset(extract, out_dir, created=started)
    for problem in summary.failures:
        click.echo(f"skipped {problem}", err=True)
    click.echo(summary.text())
    click.echo(dataset.text())
    report = out_dir / "laporan.html"
    click.echo(make_report(out_dir, report))
    click.echo(f"\nfiles in {out_dir}/:\n  records   rekaman.jsonl, rekaman.csv\n"
               "  dataset   events, mentions, officials, agencies, wilayah_summary, wilayah "
               "(.csv, .parquet, .jsonl), datapackage.json\n"
               "  changes   perubahan (.csv, .parquet, .jsonl); the run log in manifest.json\n"
               "  report    laporan.html (open it in a browser)")
    if stopped:  # the dataset holds what was stored; the crawl did not finish
        fail(stopped)
    if summary.failures or crawl_code:
        sys.exit(crawl_code or 1)


# --- models (issue 4) ---------------------------------------------------------------------


@cli.command(epilog=EPILOG)
@click.option("--anotasi", type=click.Path(exists=True, path_type=Path), default=None,
              help="Annotated documents, a .jsonl file or a folder of them (default: "
              "anotasi_dir of pugnlp.toml, else anotasi/).")
@click.option("--ner-corpora", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of public NER corpora to add to the annotated documents for the "
              "entity model: DIR/idner-news-2k/{train,dev,test}.txt, and the --extra-ner "
              "sets (where to get each: docs/models.md, 'Training data'). Default: "
              "ner_corpora of pugnlp.toml, else none: the annotated documents alone.")
@click.option("--extra-ner", multiple=True, type=click.Choice(["nerui", "nergrit", "nerugm"]),
              help="More public NER sets under --ner-corpora (deduplicated against test).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the trained pipeline goes, written by nlp.to_disk with the model "
              "card in its meta.json (default: model_dir of pugnlp.toml, else model/).")
@click.option("--ner-steps", type=int, default=None,
              help="Entity-model training steps (default: spacy 2000, stanza 2000).")
@click.option("--entity-backend", type=click.Choice(["spacy", "stanza", "both"]),
              default="spacy", metavar="NAME",
              help="Which entity model to train, from the same data: spacy (default), stanza "
              "(a BiLSTM-CRF with word vectors trained here; needs the pugnlp[stanza] extra), "
              "or both (spaCy used by default, stanza beside it for --entity-backend stanza: "
              "the shipped model; docs/models.md, 'Entity backends').")
@click.pass_obj
def train(settings: Settings, anotasi: Path | None, ner_corpora: Path | None,
          extra_ner: tuple[str, ...], out: Path | None, ner_steps: int | None,
          entity_backend: str) -> None:
    """Rebuild every model from scratch: classifier (relevance, event type), agency
    selector, entity model and official selector (trained on the entity model's persons).

    Trains from the repository alone (the annotated documents of anotasi/); with
    --ner-corpora the entity model also learns from public NER corpora (the shipped model:
    --ner-corpora ../shared/data). Fixed seeds; about 3 minutes on 2 cores. Writes the whole
    pipeline to model/ (what pugnlp.load() and spacy.load("model") read); its meta.json
    carries the model card (data used and their hashes, library versions, scores,
    thresholds). The folder is replaced only once the new one is complete.
    """
    from pugnlp.events.training import train_all

    out = out or settings.model_dir or Path("model")
    corpora = ner_corpora or settings.ner_corpora
    if corpora is not None and not corpora.is_dir():
        fail(f"{corpora}: no such folder of public NER corpora (docs/models.md, 'Training "
             "data'); leave --ner-corpora out to train on the annotated documents alone")
    anotasi = anotasi or settings.anotasi_dir
    used = f"{anotasi}" + (f" + public NER corpora in {corpora}" if corpora else
                           " (no public NER corpora)")
    click.echo(f"training on {used}; entity model: {entity_backend}", err=True)
    card = train_all(anotasi, corpora, out, extra_ner=extra_ner, ner_steps=ner_steps,
                     entity_backend=entity_backend, progress=lambda m: click.echo(m, err=True))
    click.echo(f"models written to {out} in {card['seconds']} s, trained on {used} "
               f"(entity model: {entity_backend})")
    for name, scores in card["scores"].items():
        click.echo(f"  {name}: {scores}")


@cli.command(epilog=EPILOG)
@click.argument("golds", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--inputs", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Articles of the gold files (file stem = gold id), e.g. ../shared/seeds.")
@click.option("--anotasi", type=click.Path(exists=True, path_type=Path), default=None,
              help="Annotations whose test split is scored (default: anotasi_dir of "
              "pugnlp.toml, else anotasi/).")
@click.option("--no-test-split", is_flag=True, help="Score only the gold files given.")
@model_options
@entity_backend_option
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the scores as JSON (for bench/).")
@click.pass_obj
def evaluate(settings: Settings, golds: tuple[Path, ...], inputs: tuple[Path, ...],
             anotasi: Path | None, no_test_split: bool, rules_only: bool,
             model_dir: Path | None, entity_backend: str, json_out: Path | None) -> None:
    """Per-field precision/recall/F1 and the event-type confusion matrix.

    Scores the test split of anotasi/ and every GOLD.jsonl given (same fields and matching
    rules as the team's scorer). Gold lines without `text` take their article from --inputs.
    """
    import json

    from pugnlp.events.batch import run_evaluate
    from pugnlp.scoring import format_scores

    results = run_evaluate(list(golds), list(inputs),
                           None if no_test_split else anotasi or settings.anotasi_dir,
                           model_dir=model_dir or settings.model_dir, use_models=not rules_only,
                           entity_backend=entity_backend)
    for name, result in results.items():
        click.echo(format_scores(name, result))
    if json_out is not None:
        from pugnlp.ioutil import atomic_write_text

        atomic_write_text(json_out, json.dumps(results, indent=1, ensure_ascii=False) + "\n")


# --- schema --------------------------------------------------------------------------------


@cli.command(name="schema", epilog=EPILOG)
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=None,
              help="Write the data dictionary here (e.g. docs/schema.md) instead of stdout.")
def schema_cmd(out: Path | None) -> None:
    """Print (or write) the record schema as the Markdown data dictionary."""
    from pugnlp.schema import schema_markdown

    text = schema_markdown()
    if out is None:
        click.echo(text)
    else:
        from pugnlp.ioutil import atomic_write_text

        atomic_write_text(out, text)
        click.echo(f"wrote {out}")


# --- dataset and report (issue 6) ---


@cli.command(name="dataset", epilog="Tables: docs/dataset.md.")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...",
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=None,
              help="Dataset folder (default: output_dir of pugnlp.toml, else keluaran/). "
              "Written atomically; an existing dataset there keeps its event ids.")
@click.option("--format", "formats", type=click.Choice(["csv", "parquet", "jsonl"]),
              multiple=True, help="Only these formats (repeatable; default all three).")
@click.option("--dictionary", is_flag=True,
              help="Print the data dictionary (docs/dataset.md) and exit.")
@store_option(exists=True, help="Also extract the articles of this corpus store and include "
              "their records (incrementally: records the store keeps for unchanged articles "
              "are reused)")
@model_options
@workers_option
@engine_options
@click.pass_obj
def dataset_cmd(settings: Settings, inputs: tuple[Path, ...], out: Path | None,
                formats: tuple[str, ...], dictionary: bool, store: Path | None,
                rules_only: bool, model_dir: Path | None, workers: int | None, engine: str,
                scheduler: str | None) -> None:
    """Build the dataset (events, mentions, officials, agencies, wilayah_summary, wilayah)
    from INPUT...

    INPUT is a records file from `pugnlp extract` (.jsonl or .parquet), or a folder of them
    (the part files of `pugnlp extract --engine dask`). Articles that report the same event
    are merged into one row; every province and kab/kota appears in wilayah_summary, per year
    and per month, and in wilayah, the table every region code refers to. Each table is
    written as CSV, Parquet and JSONL, with datapackage.json (a Frictionless Data Package of
    the CSV and JSONL files: types, keys; check it with `frictionless validate`). Give the
    whole corpus each time: ids already published in the output folder are kept, the events
    new, updated or removed are appended to perubahan (local engine), the run to
    manifest.json.
    """
    if dictionary:
        from pugnlp.dataset.tables import dataset_markdown

        click.echo(dataset_markdown(), nl=False)
        return
    if not inputs and store is None:
        fail("no INPUT given: pass records .jsonl files or folders (from `pugnlp extract`) "
              "or --store")
    check_engine(engine, scheduler)
    from pugnlp.errors import PugnlpError

    out = out or settings.output_dir
    sources = list(inputs)
    formats = formats or ("csv", "parquet", "jsonl")
    if engine == "dask":
        from pugnlp.cluster import DEFAULT_WORKERS

        workers = workers or DEFAULT_WORKERS
    run_log = None
    if store is not None:
        options = dict(store=store, progress=False, use_models=not rules_only,
                       model_dir=model_dir or settings.model_dir)
        if engine == "dask":
            from pugnlp.events.distributed import run_extract_dask

            stored = out / "rekaman-korpus"
            extracted = run_extract_dask([], stored, scheduler=scheduler, workers=workers,
                                         **options)
        else:
            from pugnlp.events.batch import run_extract

            stored = out / "rekaman-korpus.jsonl"
            extracted = run_extract([], stored, workers=workers or settings.workers,
                                    cache=store, **options)
        click.echo(extracted.text())
        sources.append(stored)
        run_log = {"pipeline_version": extracted.version,
                   "articles_extracted": extracted.extracted,
                   "articles_reused": extracted.reused}
    try:
        if engine == "dask":
            from pugnlp.dataset.distributed import make_dataset_dask

            summary = make_dataset_dask(sources, out, formats=formats, run=run_log,
                                        scheduler=scheduler, workers=workers)
        else:
            from pugnlp.dataset.run import make_dataset

            summary = make_dataset(sources, out, formats=formats, run=run_log)
    except PugnlpError as exc:
        fail(f"dataset not written: {exc}")
    click.echo(summary.text())


@cli.command(name="report", epilog="Docs: docs/report.md.")
@click.option("--dataset", "dataset_dir", type=click.Path(path_type=Path), default=None,
              help="Dataset folder to read (default: output_dir of pugnlp.toml, else "
              "keluaran/).")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=None,
              help="HTML file to write (default: laporan.html in the dataset folder).")
@click.option("--title", default=None, help="Report title (default: Laporan Kegiatan PUG).")
@click.pass_obj
def report_cmd(settings: Settings, dataset_dir: Path | None, out: Path | None,
               title: str | None) -> None:
    """Write the visual report: ONE self-contained HTML file that works offline.

    A tile map of the 38 provinces (click through to kab/kota), activity per month, event
    types per province, APE categories, the most active agencies, data quality, and every
    event with its sources and evidence, in Indonesian.
    """
    from pugnlp.errors import PugnlpError
    from pugnlp.report.write import make_report

    dataset_dir = dataset_dir or settings.output_dir
    target = out or dataset_dir / "laporan.html"
    try:
        summary = make_report(dataset_dir, target, title=title)
    except PugnlpError as exc:
        fail(f"report not written: {exc}")
    click.echo(summary)


def _register_groups() -> None:
    from pugnlp.cli_annotate import annotate
    from pugnlp.cli_crawl import crawl, korpus

    for command in (crawl, korpus, annotate):
        cli.add_command(command)


_register_groups()
