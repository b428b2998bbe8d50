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
    args = parser.parse_args()

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pugnlp", "--help"], check=True, capture_output=True)
    help_s = time.perf_counter() - t0

    from pugnlp.article.load import iter_articles
    from pugnlp.events.pipeline import load_pipeline

    base = [a for a in iter_articles([ROOT / "korpus/contoh/teks"])]
    articles = (base * (args.articles // len(base) + 1))[: args.articles]
    t0 = time.perf_counter()
    pipeline = load_pipeline(ROOT / "model", use_models=not args.rules_only)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(1 for _ in pipeline.extract_many(articles))
    elapsed = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": n, "pipeline": pipeline.describe(), "seconds": round(elapsed, 2),
        "articles_per_s": round(n / elapsed, 1), "peak_rss_mb": round(rss_mb, 1),
        "load_s": round(load_s, 2), "help_s": round(help_s, 3),
        "mean_chars": round(sum(len(a.text) for a in articles) / n),
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
