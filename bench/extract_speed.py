"""Extraction speed and memory: the bundled corpus repeated to >= 1,000 articles.

Prints articles/s on one core for the extraction stage (cleaning excluded, spaCy tokenizer,
every finder and the rule classifier included), peak RSS, and `pugnlp --help` start-up time.

    python bench/extract_speed.py [--articles 1000] [--json OUT]
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
    parser.add_argument("--workers", type=int, default=1,
                        help="processes, each with its own pipeline (articles split in chunks)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pugnlp", "--help"], check=True, capture_output=True)
    help_s = time.perf_counter() - t0

    from pugnlp.article.load import iter_articles
    from pugnlp.events.pipeline import load_pipeline

    base = [a for a in iter_articles([ROOT / "korpus/contoh/teks"])]
    articles = (base * (args.articles // len(base) + 1))[: args.articles]
    if args.workers > 1:
        result = _parallel(articles, args)
    else:
        t0 = time.perf_counter()
        pipeline = load_pipeline(ROOT / "model", use_models=not args.rules_only)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = sum(1 for _ in pipeline.extract_many(articles))
        elapsed = time.perf_counter() - t0
        result = {"articles": n, "workers": 1, "pipeline": pipeline.describe(),
                  "seconds": round(elapsed, 2), "articles_per_s": round(n / elapsed, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "load_s": round(load_s, 2)}
    result.update({"help_s": round(help_s, 3),
                   "mean_chars": round(sum(len(a.text) for a in articles) / len(articles))})
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


_PIPELINE = None


def _init(rules_only: bool) -> None:
    global _PIPELINE
    from pugnlp.events.pipeline import load_pipeline

    _PIPELINE = load_pipeline(ROOT / "model", use_models=not rules_only)


def _work(chunk: list) -> int:  # type: ignore[type-arg]
    assert _PIPELINE is not None
    return sum(1 for _ in _PIPELINE.extract_many(chunk))


def _parallel(articles: list, args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    """The same job over N processes (pipelines loaded before the clock starts)."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    chunks = [articles[i:i + 50] for i in range(0, len(articles), 50)]
    with ctx.Pool(args.workers, initializer=_init, initargs=(args.rules_only,)) as pool:
        pool.map(_work, [[]] * args.workers)  # wait until every worker has loaded
        t0 = time.perf_counter()
        n = sum(pool.map(_work, chunks))
        elapsed = time.perf_counter() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": n, "workers": args.workers, "seconds": round(elapsed, 2),
            "articles_per_s": round(n / elapsed, 1), "peak_rss_mb_per_worker": round(children, 1)}


if __name__ == "__main__":
    main()
