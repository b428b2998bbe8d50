"""Scale of `pugnlp dataset`: synthetic records -> the whole dataset, timed at 10k, 30k, 100k.

    .venv/bin/python bench/dataset_scale.py [--sizes 10000 30000 100000] [--keep DIR]

For each size the records are first written to a JSONL file (not timed); then a fresh child
process runs exactly what `pugnlp dataset` runs (read + check every line, merge events, build
every table, write CSV + Parquet + JSONL atomically) and reports its wall time and peak RSS.
Goal (issue 6): <= 60 s and <= 2 GB at 100k, and time growing no faster than n log n.
Exit code 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 60.0
GOAL_RSS_MB = 2048.0
GROWTH_SLACK = 1.25
"""Allowed excess over the n log n ratio (timer noise on a shared 2-core machine)."""

_CHILD = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from pugnlp.dataset.run import make_dataset
summary = make_dataset([Path(sys.argv[1])], Path(sys.argv[2]))
seconds = time.perf_counter() - t0
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss_mb, "events": summary.events,
                  "rows": summary.rows}))
"""


def write_records(n: int, path: Path) -> None:
    """Write ``n`` synthetic records as JSONL."""
    from pugnlp.dataset.synthetic import synthetic_records
    from pugnlp.wilayah import load_gazetteer

    with path.open("w", encoding="utf-8") as handle:
        for record in synthetic_records(n, load_gazetteer()):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_size(n: int, work: Path) -> dict:
    """Time one dataset build of ``n`` records in a fresh process."""
    records = work / f"records-{n}.jsonl"
    if not records.exists():
        write_records(n, records)
    out = work / f"dataset-{n}"
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(records), str(out)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"dataset build of {n} records failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["n"] = n
    result["mb_in"] = records.stat().st_size / 1e6
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--keep", type=Path, default=None, help="keep inputs/outputs here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [run_size(n, work) for n in args.sizes]
    print(f"{'records':>8} {'input MB':>9} {'events':>8} {'seconds':>8} {'peak RSS MB':>12}")
    for r in results:
        print(f"{r['n']:>8} {r['mb_in']:>9.1f} {r['events']:>8} {r['seconds']:>8.2f} "
              f"{r['rss_mb']:>12.0f}")
    ok = True
    base, last = results[0], results[-1]
    if len(results) > 1:
        nlogn = (last["n"] * math.log(last["n"])) / (base["n"] * math.log(base["n"]))
        ratio = last["seconds"] / base["seconds"]
        grows_ok = ratio <= nlogn * GROWTH_SLACK
        ok &= grows_ok
        print(f"time ratio {last['n']}/{base['n']}: {ratio:.2f} "
              f"(n log n ratio {nlogn:.2f}, linear {last['n'] / base['n']:.1f}) "
              f"-> {'ok' if grows_ok else 'GROWS TOO FAST'}")
    if last["n"] >= 100_000:
        fast = last["seconds"] <= GOAL_SECONDS and last["rss_mb"] <= GOAL_RSS_MB
        ok &= fast
        print(f"goal at {last['n']}: <= {GOAL_SECONDS:.0f} s and <= {GOAL_RSS_MB:.0f} MB "
              f"-> {'ok' if fast else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
