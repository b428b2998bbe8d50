"""``pugnlp extract --engine dask``: articles sharded over a Dask cluster, records written as a
folder of Parquet part files.

The inputs are cut into shards (:func:`plan_shards`): runs of text/HTML files, one JSONL file,
one Parquet row range, or a range of row ids of the corpus store. Each worker loads the
pipeline once, when :class:`PipelinePlugin` is registered, and every task it runs uses it.
Each shard becomes ``part-NNNNN.parquet`` (the columns of :func:`pugnlp.events.arrow.
record_schema`, what ``--format parquet`` writes), numbered in input order, so reading the
folder gives the records in the order the local engine writes them. The parts are written into
a temporary folder beside the output, renamed into place once all are complete.

Imports Dask at the top: import this module only once :func:`pugnlp.cluster.require_dask`
has passed.
"""

from __future__ import annotations

import logging
import math
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import WorkerPlugin, as_completed, get_worker

from pugnlp.cluster import DEFAULT_WORKERS, dask_client
from pugnlp.errors import InputError, ModelError, PugnlpError
from pugnlp.events.batch import ExtractSummary
from pugnlp.settings import MAX_INPUT_BYTES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language

    from pugnlp.schema import Article

log = logging.getLogger(__name__)

PLUGIN = "pugnlp-pipeline"
"""Name of the worker plugin that holds the pipeline."""
FILES_PER_SHARD = 64
"""Most text/HTML files in one task (fewer when needed to give every worker 4 tasks)."""
ROWS_PER_SHARD = 1000
"""Most Parquet rows or store articles in one task: ~20 s of pipeline time, so that a lost
worker costs little and progress is seen."""
TASKS_PER_WORKER = 4
"""Tasks per worker at least, when the inputs allow: the last tasks finish closer together."""


@dataclass(frozen=True, slots=True)
class Shard:
    """The input of one task: text/HTML/JSONL files, Parquet rows, or store articles.

    Attributes:
        files: input files (absolute paths), read as :func:`pugnlp.article.load.iter_file`.
        rows: for one Parquet file, its rows ``[start, stop)``; for the store, row ids.
        store: the corpus store file whose articles with ids in ``rows`` are read.
    """

    files: tuple[str, ...] = ()
    rows: tuple[int, int] | None = None
    store: str | None = None


@dataclass(slots=True)
class ShardResult:
    """What one task did (summed into the :class:`ExtractSummary` on the client)."""

    articles: int = 0
    relevant: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_province: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    models: str = "rules"


def _ranges(start: int, stop: int, size: int) -> list[tuple[int, int]]:
    return [(a, min(a + size, stop)) for a in range(start, stop, size)]


def plan_shards(paths: list[Path], store: Path | None = None, workers: int = DEFAULT_WORKERS,
                rows_per_shard: int = ROWS_PER_SHARD) -> list[Shard]:
    """Cut the inputs into shards, in input order (the order of ``pugnlp extract``).

    Args:
        paths: input files and folders (expanded as :func:`pugnlp.article.load.list_inputs`).
        store: a corpus store whose articles follow the files.
        workers: the cluster's workers (text files are spread to give each a few tasks).
        rows_per_shard: Parquet rows or store articles per shard.
    """
    from pugnlp.article.load import list_inputs, parquet_rows

    shards: list[Shard] = []
    files = [p.resolve() for p in list_inputs(paths)]
    singles = sum(1 for p in files if p.suffix.lower() not in (".jsonl", ".parquet"))
    per_shard = max(1, min(FILES_PER_SHARD, math.ceil(singles / (workers * TASKS_PER_WORKER))))
    run: list[str] = []
    for path in files:
        suffix = path.suffix.lower()
        if suffix not in (".jsonl", ".parquet"):
            run.append(str(path))
            if len(run) == per_shard:
                shards.append(Shard(files=tuple(run)))
                run = []
            continue
        if run:
            shards.append(Shard(files=tuple(run)))
            run = []
        if suffix == ".jsonl":
            shards.append(Shard(files=(str(path),)))
            continue
        try:
            total = parquet_rows(path)
        except InputError:  # the task reports it, as the local engine does
            shards.append(Shard(files=(str(path),)))
            continue
        shards.extend(Shard(files=(str(path),), rows=r) for r in _ranges(0, total, rows_per_shard))
    if run:
        shards.append(Shard(files=tuple(run)))
    if store is not None:
        from pugnlp.corpus.store import id_range

        shards.extend(Shard(store=str(Path(store).resolve()), rows=r)
                      for r in _ranges(*id_range(store), rows_per_shard))
    return shards


def shard_articles(shard: Shard, max_bytes: int = MAX_INPUT_BYTES
                   ) -> Iterator[Article | InputError]:
    """The articles of one shard, or the InputErrors in place of bad items."""
    from pugnlp.article.load import iter_file

    for name in shard.files:
        yield from iter_file(Path(name), max_bytes, rows=shard.rows)
    if shard.store is not None:
        from pugnlp.corpus.store import iter_articles

        yield from iter_articles(shard.store, rows=shard.rows)


class PipelinePlugin(WorkerPlugin):
    """Loads the extraction pipeline once per worker, when registered (and on workers that
    join later); tasks take it with :func:`worker_pipeline`.

    Args:
        model_dir: the trained pipeline folder (None: the default of
            :func:`pugnlp.events.loader.load`), as the workers see it.
        rules_only: load the rules alone.
        entity_backend: as :func:`pugnlp.events.loader.load`.

    Attributes:
        nlp: the pipeline, once set up.
        loads: how many times this worker loaded it.
    """

    idempotent = False

    def __init__(self, model_dir: str | None = None, rules_only: bool = False,
                 entity_backend: str = "auto") -> None:
        self.model_dir = model_dir
        self.rules_only = rules_only
        self.entity_backend = entity_backend
        self.nlp: Language | None = None
        self.loads = 0

    def setup(self, worker: object) -> None:
        from pugnlp.events.loader import load

        self.nlp = load(self.model_dir, rules_only=self.rules_only,
                        entity_backend=self.entity_backend)
        self.loads += 1

    def teardown(self, worker: object) -> None:
        self.nlp = None


def worker_pipeline() -> Language:
    """The pipeline loaded on this worker by :class:`PipelinePlugin`.

    Raises:
        ModelError: the plugin is not registered on this worker.
    """
    plugin = get_worker().plugins.get(PLUGIN)
    if plugin is None or plugin.nlp is None:
        raise ModelError("no pipeline on this Dask worker (PipelinePlugin not registered)")
    return plugin.nlp


def extract_shard(shard: Shard, index: int, folder: str,
                  max_bytes: int = MAX_INPUT_BYTES) -> ShardResult:
    """Run on a worker: extract one shard into ``folder/part-{index:05d}.parquet``.

    Bad items are counted as failures (file and line, reason) and skipped; a shard without
    any good article writes no part.
    """
    from pugnlp.events.loader import describe, extract_articles
    from pugnlp.events.output import save_records

    nlp = worker_pipeline()
    result = ShardResult(models=describe(nlp))
    articles: list[Article] = []
    for item in shard_articles(shard, max_bytes):
        if isinstance(item, InputError):
            result.failures.append(str(item))
        else:
            articles.append(item)
    records = list(extract_articles(nlp, articles))
    for record in records:
        result.articles += 1
        if record.relevant:
            result.relevant += 1
            result.by_type[record.event_type or "?"] += 1
            if record.province:
                result.by_province[record.province] += 1
    if records:
        save_records(records, Path(folder) / f"part-{index:05d}.parquet", "parquet")
    return result


def replace_folder(staged: Path, out: Path) -> None:
    """Put the complete folder ``staged`` at ``out`` (replacing a previous one): at every
    instant ``out`` is the old folder, the new one, or (for a moment) absent; never a mix."""
    old = None
    if out.exists():
        if not out.is_dir():
            raise PugnlpError(f"{out}: exists and is not a folder; --engine dask writes a "
                              "folder of Parquet part files")
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        out.rename(old / out.name)
    staged.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def check_output(out: Path, fmt: str | None) -> None:
    """Refuse an output that is not a folder of Parquet part files.

    Raises:
        PugnlpError: naming the output and what to give instead.
    """
    if fmt not in (None, "parquet"):
        raise PugnlpError(f"--engine dask writes Parquet part files, not {fmt}: leave --format "
                          "out (convert with `pugnlp extract` on a small set if needed)")
    if out.suffix.lower() in (".jsonl", ".csv", ".parquet") or out.is_file():
        raise PugnlpError(f"{out}: --engine dask writes a folder of Parquet part files; give "
                          "-o a folder (e.g. -o rekaman/)")


def _progress(futures: list, enabled: bool) -> Iterator:  # type: ignore[type-arg]
    done = as_completed(futures)
    if not enabled or len(futures) < 2:
        yield from done
        return
    from tqdm import tqdm

    yield from tqdm(done, total=len(futures), unit="shard", desc="extract", file=sys.stderr,
                    disable=None, leave=False)


def run_extract_dask(paths: list[Path], out: Path, *, use_models: bool = True,
                     model_dir: Path | None = None, store: Path | None = None,
                     scheduler: str | None = None, workers: int = DEFAULT_WORKERS,
                     entity_backend: str = "auto", progress: bool = True,
                     max_bytes: int = MAX_INPUT_BYTES,
                     rows_per_shard: int = ROWS_PER_SHARD) -> ExtractSummary:
    """Extract every article under ``paths`` (and in the corpus ``store``) on a Dask cluster
    into the folder ``out`` of Parquet part files.

    Args:
        paths: input files and folders, as for :func:`pugnlp.events.batch.run_extract`.
        out: the output folder (replaced whole once every part is written).
        use_models, model_dir, entity_backend: which pipeline the workers load.
        store: a corpus store whose articles are extracted too, read in row-id ranges.
        scheduler: address of an existing scheduler; None starts a local cluster.
        workers: worker processes of the local cluster.
        progress: show a progress bar of the shards.
        max_bytes: larger input files are refused.
        rows_per_shard: Parquet rows or store articles per task.

    Returns:
        The summary (``output`` is the folder); bad items are in ``summary.failures``.

    Raises:
        ModelError: the pipeline cannot be loaded on the workers.
        PugnlpError: an input, the output or the scheduler cannot be used.
    """
    from pugnlp.events.version import planned_version

    start = time.perf_counter()
    out = Path(out).resolve()
    check_output(out, None)
    # before any cluster starts: no pipeline there, or no entity model of that backend
    version = planned_version(model_dir, rules_only=not use_models,
                              entity_backend=entity_backend)
    shards = plan_shards(paths, store, workers, rows_per_shard)
    summary = ExtractSummary(output=out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    except OSError as exc:
        raise PugnlpError(f"{out}: cannot write here ({exc.strerror or exc})") from exc
    try:
        with dask_client(scheduler, workers) as client:
            plugin = PipelinePlugin(str(Path(model_dir).resolve()) if model_dir else None,
                                    rules_only=not use_models, entity_backend=entity_backend)
            client.register_plugin(plugin, name=PLUGIN)
            futures = client.map(extract_shard, shards, range(len(shards)), folder=str(staged),
                                 max_bytes=max_bytes, pure=False)
            index = {f.key: n for n, f in enumerate(futures)}
            results: list[ShardResult | None] = [None] * len(futures)
            for future in _progress(futures, progress):
                results[index[future.key]] = future.result()
        replace_folder(staged, out)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    for result in results:  # in input order, as the local engine reports them
        if result is not None:
            _add(summary, result)
    summary.extracted = summary.articles  # the Dask engine keeps no records to reuse
    summary.version = version
    summary.seconds = time.perf_counter() - start
    return summary


def _add(summary: ExtractSummary, result: ShardResult) -> None:
    summary.articles += result.articles
    summary.relevant += result.relevant
    summary.by_type.update(result.by_type)
    summary.by_province.update(result.by_province)
    summary.failures.extend(result.failures)
    summary.models = result.models
    for failure in result.failures:
        log.warning("%s", failure)
