"""``pugnlp annotate ...``: pre-annotated tasks out, corrected annotations in (issue 4).

Registered on the main group by :mod:`pugnlp.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pugnlp.cli_options import fail, model_options
from pugnlp.settings import Settings

if TYPE_CHECKING:
    from pugnlp.annotations import AnnotatedDoc

DEFAULT_PICK = 20
"""Articles `annotate export --select uncertain` keeps without -n: a sitting's work."""


@click.group(epilog="Docs: docs/annotation.md.")
def annotate() -> None:
    """Annotations (anotasi/): pre-annotate for Label Studio / doccano, import corrections."""


@annotate.command(name="export")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["labelstudio", "doccano"]), required=True,
              help="labelstudio: a JSON list of tasks (+ OUT.config.xml, the labeling config); "
              "doccano: JSONL for a sequence-labelling project.")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Tasks file to write (atomically).")
@model_options
@click.option("--store", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Also read every article of this corpus store (as "
              "korpus/korpus.sqlite, written by `pugnlp crawl`).")
@click.option("--select", type=click.Choice(["uncertain"]), default=None,
              help="uncertain: export only the -n articles the models would learn most from "
              "(classifier margins, officials near the selector's threshold, no activity "
              "found...; diverse in province and type), best first, and print why each was "
              "picked. Default: every article.")
@click.option("-n", "--number", "n", type=click.IntRange(min=1), default=None,
              help=f"How many articles --select keeps (default {DEFAULT_PICK}).")
@click.option("--anotasi", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="With --select: the annotated corpus whose documents (same "
              "id, same or nearly the same text) are never picked again (default: "
              "anotasi_file of pugnlp.toml, else anotasi/dokumen.jsonl).")
@click.option("--gold", is_flag=True,
              help="PATH are annotation files (anotasi/*.jsonl): export their spans and fields "
              "as they are, to review or correct them.")
@click.pass_obj
def annotate_export(settings: Settings, paths: tuple[Path, ...], fmt: str, out: Path,
                    rules_only: bool, model_dir: Path | None, store: Path | None,
                    select: str | None, n: int | None, anotasi: Path | None,
                    gold: bool) -> None:
    """Write machine output for PATH... (and --store) as pre-annotated tasks.

    PATH is what `pugnlp extract` reads (.txt, .html, .jsonl, folders). Spans come from the
    records' evidence (officials -> PER and JABATAN, agencies -> ORG, venues -> VENUE, event
    date -> DATE, places -> LOC); relevance, event type and the event fields come along to
    be corrected. Import the corrected export with `pugnlp annotate import`.

    With --select uncertain the articles are ranked by how much annotating them would teach
    the models (docs/annotation.md, "Choosing what to annotate") and only the top -n are
    written; articles already in the annotated corpus are skipped.
    """
    from pugnlp.annotate.tasks import export_tasks

    if not paths and store is None:
        fail("give PATH... or --store")
    if select is None and (n is not None or anotasi is not None):
        fail("-n and --anotasi go with --select uncertain")
    if gold and (select or store):
        fail("--gold exports annotation files as they are; it takes no --select or --store")
    annotated = _annotated(anotasi or settings.anotasi_file) if select else None
    summary = export_tasks(list(paths), out, fmt, use_models=not rules_only,
                           model_dir=model_dir or settings.model_dir, gold=gold, store=store,
                           select=select, n=n or DEFAULT_PICK, annotated=annotated)
    for problem in summary.failures:
        click.echo(f"skipped {problem}", err=True)
    if summary.picked is not None:
        for line in summary.picked.lines():
            click.echo(line)
    click.echo(summary.text())
    if summary.failures:
        sys.exit(1)


def _annotated(path: Path) -> list[AnnotatedDoc]:
    """The annotated corpus at ``path`` (none when the file does not exist)."""
    from pugnlp.annotations import load_annotations

    if not path.exists():
        click.echo(f"{path}: no annotated corpus here; nothing is skipped as annotated",
                   err=True)
        return []
    return load_annotations(path)


@annotate.command(name="import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Corpus file to merge into, written atomically (default: anotasi_file of "
              "pugnlp.toml, else anotasi/dokumen.jsonl).")
@click.option("--check", is_flag=True, help="Validate and report only; write nothing.")
@click.pass_obj
def annotate_import(settings: Settings, files: tuple[Path, ...], into: Path | None,
                    check: bool) -> None:
    """Validate corrected FILE... and merge them into the corpus.

    FILE is a Label Studio export (JSON or JSON-MIN) or a doccano export (JSONL). A file
    with any error (bad span, unknown label, forbidden overlap...) merges nothing; the error
    names the file, line or task, and span. Documents are matched by id, then by text: a
    corrected document replaces the old one, a new one is appended, none is duplicated.
    """
    from pugnlp.annotate.importer import import_files
    from pugnlp.errors import AnnotationError

    summary = import_files(list(files), into or settings.anotasi_file, check_only=check)
    click.echo(summary.text())
    if summary.rejected:
        raise AnnotationError(f"{len(summary.rejected)} file(s) rejected (see above); "
                              "fix them and import again")


@annotate.command(name="build-drafts")
@click.argument("draft_dir", required=False, type=click.Path(exists=True, path_type=Path),
                default=None)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Corpus file to merge the drafts into, written atomically "
              "(default: anotasi_file of pugnlp.toml, else anotasi/dokumen.jsonl).")
@click.pass_obj
def annotate_build_drafts(settings: Settings, draft_dir: Path | None, out: Path | None) -> None:
    """Turn team-written drafts (anotasi/draft/*.jsonl, or one .jsonl file) into corpus
    documents.

    Spans are found from each draft's mention lists (anotasi/DRAFT_FORMAT.md); a draft
    file with any error merges nothing. Documents of the corpus that no draft names stay.
    To check a draft file alone, merge it into a scratch file: build-drafts FILE -o /tmp/x.jsonl.
    """
    from pugnlp.annotate.importer import build_from_drafts
    from pugnlp.errors import AnnotationError

    draft_dir = draft_dir or settings.drafts_dir
    if not draft_dir.exists():
        fail(f"{draft_dir}: no drafts folder or file here")
    summary = build_from_drafts(draft_dir, out or settings.anotasi_file)
    click.echo(summary.text())
    if summary.rejected:
        raise AnnotationError(f"{len(summary.rejected)} draft file(s) rejected (see above)")


@annotate.command(name="stats")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path),
                default=None)
@click.option("--write-docs", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Replace the counts section of this file (docs/annotation.md) "
              "instead of printing.")
@click.pass_obj
def annotate_stats(settings: Settings, path: Path | None, write_docs: Path | None) -> None:
    """Print the counts of an annotation corpus as Markdown (docs/annotation.md uses them).

    Documents per split, relevant and distractors, event types, provinces, spans per label.
    """
    from pugnlp.annotate.stats import stats_markdown, write_stats
    from pugnlp.annotations import load_annotations

    path = path or settings.anotasi_file
    stats = stats_markdown(load_annotations(path))
    if write_docs is None:
        click.echo(stats, nl=False)
    else:
        write_stats(write_docs, stats)
        click.echo(f"wrote the counts of {path} into {write_docs}")
