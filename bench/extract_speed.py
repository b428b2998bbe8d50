"""Extraction speed and memory: the bundled corpus repeated to >= 1,000 articles.

Prints articles/s for the extraction stage (cleaning excluded; tokenizer, every component and
the record assembly included), peak RSS, the pipeline's load time and `pugnlp --help`
start-up time. ``--workers N`` runs ``nlp.pipe(..., n_process=N)`` (the path of
``pugnlp extract --workers``) and also times one process on the same articles for the ratio.

    python bench/extract_speed.py [--articles 1000] [--rules-only] [--workers 2] [--json OUT]
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
                        help="processes of nlp.pipe (n_process); 1 process is timed too")
    args = parser.parse_args()

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

    def timed(n_process: int) -> float:
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_articles(nlp, articles, n_process=n_process))
        assert n == len(articles)
        return time.perf_counter() - t0

    one = timed(1)
    result = {"articles": len(articles), "pipeline": describe(nlp), "seconds": round(one, 2),
              "articles_per_s": round(len(articles) / one, 1),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "load_s": round(load_s, 2)}
    if args.workers > 1:
        many = timed(args.workers)
        result.update({"workers": args.workers, "seconds_workers": round(many, 2),
                       "articles_per_s_workers": round(len(articles) / many, 1),
                       "speedup": round(one / many, 2)})
    result.update({"help_s": round(help_s, 3),
                   "mean_chars": round(sum(len(a.text) for a in articles) / len(articles))})
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
