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

log = logging.getLogger("pugnlp")

EPILOG = "Docs: docs/cli.md. Records: docs/schema.md."


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


@click.group(epilog=EPILOG)
@click.version_option(__version__, prog_name="pugnlp")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """pugnlp: Indonesian news about gender mainstreaming (PUG) turned into data.

    \b
    Stages:
      extract   articles (.txt/.html/.jsonl) -> one evidence-backed record per article
      run       the whole chain on the bundled corpus (or your sources)
    Every value carries its evidence: character offsets into the cleaned text.
    """
    _setup_logging(verbose)


def _fail(message: str) -> None:
    raise click.ClickException(message)


# --- extract -------------------------------------------------------------------------------


@cli.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Output file (records). Written atomically.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default=None,
              help="Output format; default from the output suffix, else jsonl.")
@click.option("--rules-only", is_flag=True, help="Ignore trained models in model/; use the rules.")
@click.option("--model-dir", type=click.Path(path_type=Path), default=None,
              help="Folder of trained models (default: model/).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def extract(paths: tuple[Path, ...], out: Path, fmt: str | None, rules_only: bool,
            model_dir: Path | None, progress: bool) -> None:
    """Extract one PUG record per article from PATH... (files or folders).

    PATH is a .txt or .html file, a .jsonl file with a `text` or `html` field per line
    (optional `id`, `url`, `title`, `published`), or a folder of them. Bad items are
    reported with their file (and line) and skipped; the rest is still processed and the
    exit code is 1 if any item failed.
    """
    from pugnlp.runner import run_extract

    summary = run_extract(list(paths), out, fmt=fmt, use_models=not rules_only,
                          model_dir=model_dir, progress=progress)
    for problem in summary.failures:
        click.echo(f"skipped {problem}", err=True)
    click.echo(summary.text())
    if summary.failures:
        sys.exit(1)


# --- run ---------------------------------------------------------------------------------

DEFAULT_CORPUS = Path("korpus/contoh/teks")


@cli.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("keluaran"), show_default=True, help="Folder for all outputs.")
@click.option("--rules-only", is_flag=True, help="Ignore trained models in model/.")
@click.option("--progress/--no-progress", default=True, help="Show progress bars.")
def run(paths: tuple[Path, ...], out_dir: Path, rules_only: bool, progress: bool) -> None:
    """Run the whole chain: articles -> records -> dataset -> report.

    Without PATH the bundled corpus (korpus/contoh/teks) is used. Ends with a summary of
    where the files are.
    """
    from pugnlp.runner import run_extract

    inputs = list(paths) or [DEFAULT_CORPUS]
    records = out_dir / "rekaman.jsonl"
    summary = run_extract(inputs, records, use_models=not rules_only, progress=progress)
    for problem in summary.failures:
        click.echo(f"skipped {problem}", err=True)
    from pugnlp.events.export import load_records, save_records

    save_records(load_records(records), out_dir / "rekaman.csv")
    click.echo(summary.text())
    click.echo(f"  records: {records} (JSONL), {out_dir / 'rekaman.csv'} (CSV)")
    if summary.failures:
        sys.exit(1)


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
