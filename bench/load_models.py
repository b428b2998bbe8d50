"""Time to load the trained pipeline in model/, each run in a fresh process (imports included).

    python bench/load_models.py            # 7 fresh processes; prints min, median and max
    python bench/load_models.py --runs 15

The figure includes importing scikit-learn, skops and spaCy (about 1.5 s of it), since a user
running ``pugnlp run`` pays for them too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _one_load() -> None:
    t0 = time.perf_counter()
    import pugnlp

    nlp = pugnlp.load(ROOT / "model")
    assert "pug_classifier" in nlp.pipe_names and "pug_entities" in nlp.pipe_names
    print(time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes to time")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one_load()
        return
    times = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--one"], check=True,
                             capture_output=True, text=True).stdout
        times.append(float(out.strip().splitlines()[-1]))
    size = sum(p.stat().st_size for p in (ROOT / "model").rglob("*") if p.is_file())
    print(json.dumps({"runs": args.runs, "load_s_min": round(min(times), 2),
                      "load_s_median": round(statistics.median(times), 2),
                      "load_s_max": round(max(times), 2),
                      "model_dir_mb": round(size / 1e6, 1)}, indent=1))


if __name__ == "__main__":
    main()
