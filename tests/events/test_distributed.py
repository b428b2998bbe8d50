"""``pugnlp extract --engine dask``: shards, one pipeline per worker, the local engine's records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pugnlp.errors import ModelError, PugnlpError
from pugnlp.events.batch import run_extract
from pugnlp.events.distributed import (
    PLUGIN,
    Shard,
    check_output,
    plan_shards,
    run_extract_dask,
)
from pugnlp.records_io import read_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "korpus" / "contoh" / "teks"


def rows(records_path: Path) -> list[str]:
    """The records as sorted JSON lines: an order-independent comparison."""
    return sorted(json.dumps(r.as_dict(), sort_keys=True) for r in read_records(records_path))


def store_with(path: Path, texts: list[str]) -> Path:
    from pugnlp.corpus.store import CorpusStore, Page
    from pugnlp.schema import Article

    with CorpusStore(path) as store:
        for n, text in enumerate(texts):
            url = f"https://mc.example/{n}"
            store.add_page(Page(url=url, source="mc", html=f"<p>{text}</p>", kode_wilayah=None,
                                article=Article(doc_id="x", text=text, url=url,
                                                published="2023-10-11")))
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The bundled corpus, plus a JSONL file with a malformed line, a Parquet file of three
    articles and an empty text file."""
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(CORPUS, folder / "teks")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:6]]
    lines = [json.dumps({"id": f"j{n}", "text": t}) for n, t in enumerate(texts[:3])]
    (folder / "lain.jsonl").write_text("\n".join(lines[:2] + ["{oops"] + lines[2:]) + "\n",
                                       encoding="utf-8")
    table = pa.Table.from_pylist([{"id": f"q{n}", "text": t} for n, t in enumerate(texts[3:])])
    pq.write_table(table, folder / "lain.parquet")
    (folder / "kosong.txt").write_text("", encoding="utf-8")
    return folder


def test_shards_follow_the_input_order(inputs, tmp_path):
    files = sorted(p for p in (inputs / "teks").iterdir())
    store = store_with(tmp_path / "k.sqlite", [f"Rakor PUG ke-{n} di Banjarbaru. " * 8
                                               for n in range(5)])
    shards = plan_shards([inputs], store=store, workers=2, rows_per_shard=2)
    assert shards[0] == Shard(files=(str((inputs / "kosong.txt").resolve()),))
    assert shards[1] == Shard(files=(str((inputs / "lain.jsonl").resolve()),))
    assert shards[2:4] == [Shard(files=(str((inputs / "lain.parquet").resolve()),), rows=r)
                           for r in ((0, 2), (2, 3))]
    text_shards = shards[4:-3]
    assert [f for s in text_shards for f in s.files] == [str(p.resolve()) for p in files]
    assert len(text_shards) == 8  # 46 files: 4 tasks per worker at least
    assert shards[-3:] == [Shard(store=str(store.resolve()), rows=r)
                           for r in ((1, 3), (3, 5), (5, 6))]


def test_records_are_those_of_the_local_engine(inputs, tmp_path, dask_cluster):
    local = run_extract([inputs], tmp_path / "local.jsonl", progress=False)
    out = tmp_path / "rekaman"
    summary = run_extract_dask([inputs], out, scheduler=dask_cluster.scheduler_address,
                               progress=False, rows_per_shard=2)
    assert rows(out) == rows(tmp_path / "local.jsonl")
    assert (summary.articles, summary.relevant) == (local.articles, local.relevant)
    assert summary.articles == 46 + 3 + 3  # the corpus, the good JSONL lines, the Parquet rows
    assert summary.by_type == local.by_type and summary.by_province == local.by_province
    assert summary.failures == local.failures and len(summary.failures) == 2
    assert summary.models == local.models == "rules + classifier + entity model (spacy)"
    parts = sorted(p.name for p in out.iterdir())
    assert len(parts) == 11 and parts[0] == "part-00001.parquet"  # no part for the empty file
    # records in input order, as the local engine writes them
    assert [r.doc_id for r in read_records(out)] == [
        r.doc_id for r in read_records(tmp_path / "local.jsonl")]
    # the pipeline was loaded once on each worker, not per task
    from distributed import Client

    with Client(dask_cluster) as client:
        loads = client.run(lambda dask_worker: dask_worker.plugins[PLUGIN].loads)
    assert sorted(loads.values()) == [1, 1]


def test_store_articles_in_id_ranges(tmp_path, dask_cluster):
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:5]]
    store = store_with(tmp_path / "k.sqlite", texts)
    run_extract([], tmp_path / "local.jsonl", store=store, use_models=False, progress=False)
    run_extract_dask([], tmp_path / "parts", store=store, use_models=False, progress=False,
                     scheduler=dask_cluster.scheduler_address, rows_per_shard=2)
    assert len(list((tmp_path / "parts").iterdir())) == 3
    assert rows(tmp_path / "parts") == rows(tmp_path / "local.jsonl")


def test_the_output_folder_is_replaced_whole_or_not_at_all(tmp_path, dask_cluster):
    out = tmp_path / "rekaman"
    out.mkdir()
    (out / "part-00000.parquet").write_bytes(b"old")
    with pytest.raises(ModelError, match="no trained pipeline here"):
        run_extract_dask([CORPUS], out, model_dir=tmp_path, progress=False,
                         scheduler=dask_cluster.scheduler_address)
    assert [p.name for p in tmp_path.iterdir()] == ["rekaman"]  # no temporary folder left
    assert (out / "part-00000.parquet").read_bytes() == b"old"
    run_extract_dask([CORPUS / "01_kalsel_rakor.txt"], out, use_models=False, progress=False,
                     scheduler=dask_cluster.scheduler_address)
    assert [p.name for p in out.iterdir()] == ["part-00000.parquet"]
    assert len(list(read_records(out))) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekaman"]


@pytest.mark.parametrize("out, fmt, message", [
    ("rekaman.jsonl", None, "give -o a folder"), ("rekaman", "csv", "not csv")])
def test_outputs_other_than_a_folder_of_parts_are_refused(tmp_path, out, fmt, message):
    with pytest.raises(PugnlpError, match=message):
        check_output(tmp_path / out, fmt)
