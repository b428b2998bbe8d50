"""Extraction speed and memory: the bundled corpus repeated to >= 1,000 articles.

Prints articles/s for the extraction stage (cleaning excluded; tokenizer, every component and
the record assembly included), peak RSS, the pipeline's load time and `pugnlp --help`
start-up time. ``--workers N`` runs ``nlp.pipe(..., n_process=N)`` (the path of
``pugnlp extract --workers``) and also times one process on the same articles for the ratio.
``--engine dask`` runs the path of ``pugnlp extract --engine dask`` instead: the articles are
written as JSONL shards (not timed), a local cluster of ``--workers`` processes (default 2) is
started and every worker loads the pipeline (both timed apart), then the shards are extracted
into Parquet parts (timed: reading, extraction and writing); the ratio is against one process
extracting the same articles from memory (goal, issue 14: >= 1.7 with 2 workers).

    python bench/extract_speed.py [--articles 1000] [--rules-only] [--workers 2] [--json OUT]
    python bench/extract_speed.py --engine dask [--workers 2] [--articles 1000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rules-only", action="store_true", help="skip trained models")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=None,
                        help="processes of nlp.pipe (n_process), or dask workers (default 2); "
                        "1 process is timed too")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    args = parser.parse_args()
    if args.workers is None:
        args.workers = 2 if args.engine == "dask" else 1

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pugnlp", "--help"], check=True, capture_output=True)
    help_s = time.perf_counter() - t0

    from pugnlp.article.load import iter_articles
    from pugnlp.events.loader import describe, extract_articles, load

    base = [a for a in iter_articles([ROOT / "korpus/contoh/teks"])]
    articles = (base * (args.articles // len(base) + 1))[: args.articles]
    t0 = time.perf_counter()
    nlp = load(ROOT / "model", rules_only=args.rules_only)
    load_s = time.perf_counter() - t0

    cpu: dict[int, float] = {}

    def timed(n_process: int) -> float:
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for _ in extract_articles(nlp, articles, n_process=n_process))
        assert n == len(articles)
        cpu[n_process] = time.process_time() - c0
        return time.perf_counter() - t0

    one = timed(1)
    result = {"articles": len(articles), "pipeline": describe(nlp), "seconds": round(one, 2),
              "articles_per_s": round(len(articles) / one, 1),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "load_s": round(load_s, 2)}
    if args.engine == "dask":
        result["cpu_s"] = round(cpu[1], 2)
        result.update(time_dask(articles, args.workers, args.rules_only))
    elif args.workers > 1:
        many = timed(args.workers)
        result.update({"workers": args.workers, "seconds_workers": round(many, 2),
                       "articles_per_s_workers": round(len(articles) / many, 1),
                       "speedup": round(one / many, 2)})
    result["uptime"] = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    result.update({"help_s": round(help_s, 3),
                   "mean_chars": round(sum(len(a.text) for a in articles) / len(articles))})
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


def one_process(shards: list, rules_only: bool, folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one process doing the tasks' work, shard after shard: read and
    clean the JSONL articles, extract, write the Parquet part."""
    from pugnlp.events.distributed import shard_articles
    from pugnlp.events.loader import extract_articles, load
    from pugnlp.events.output import save_records

    nlp = load(ROOT / "model", rules_only=rules_only)
    t0, c0 = time.perf_counter(), time.process_time()
    for n, shard in enumerate(shards):
        records = list(extract_articles(nlp, list(shard_articles(shard))))
        save_records(records, folder / f"part-{n:05d}.parquet", "parquet")
    return time.perf_counter() - t0, time.process_time() - c0


def time_dask(articles: list, workers: int, rules_only: bool) -> dict:
    """The dask engine's path on the same articles: cluster start, pipeline loads on the
    workers, then the shards (JSONL in, Parquet parts out), against one process doing the same
    work (:func:`one_process`). Also the CPU times: on a machine shared with other work,
    ``workers * cpu_s_one_shards / cpu_s_workers`` is the speedup the same run would have on
    idle cores."""
    import tempfile

    from distributed import Client

    from pugnlp.cluster import local_cluster
    from pugnlp.events.distributed import (
        PLUGIN,
        PipelinePlugin,
        extract_shard,
        plan_shards,
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        per_file = 50
        for n in range(0, len(articles), per_file):
            lines = [json.dumps({"id": a.doc_id, "text": a.text, "title": a.title,
                                 "published": a.published}) for a in articles[n:n + per_file]]
            (folder / f"shard-{n // per_file:04d}.jsonl").write_text("\n".join(lines) + "\n")
        shards = plan_shards([folder], workers=workers)
        one, one_cpu = one_process(shards, rules_only, Path(tmp) / "one")
        t0 = time.perf_counter()
        with local_cluster(workers) as cluster, Client(cluster) as client:
            start_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            client.register_plugin(PipelinePlugin(str(ROOT / "model"), rules_only=rules_only),
                                   name=PLUGIN)
            load_s = time.perf_counter() - t0
            cpu0 = sum(client.run(time.process_time).values())
            t0 = time.perf_counter()
            futures = client.map(extract_shard, shards, range(len(shards)),
                                 folder=str(Path(tmp)), pure=False)
            done = sum(f.articles for f in client.gather(futures))
            seconds = time.perf_counter() - t0
            cpu = sum(client.run(time.process_time).values()) - cpu0
    assert done == len(articles), done
    return {"engine": "dask", "workers": workers, "seconds_one_shards": round(one, 2),
            "cpu_s_one_shards": round(one_cpu, 2), "cluster_start_s": round(start_s, 2),
            "workers_load_s": round(load_s, 2), "shards": len(shards),
            "seconds_workers": round(seconds, 2),
            "articles_per_s_workers": round(len(articles) / seconds, 1),
            "speedup": round(one / seconds, 2), "cpu_s_workers": round(cpu, 2),
            "speedup_on_idle_cores": round(workers * one_cpu / cpu, 2)}


if __name__ == "__main__":
    main()
