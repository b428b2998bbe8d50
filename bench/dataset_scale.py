"""Scale of `pugnlp dataset`: synthetic records -> the whole dataset, timed at 10k, 30k, 100k.

    .venv/bin/python bench/dataset_scale.py [--sizes 10000 30000 100000] [--keep DIR]
    .venv/bin/python bench/dataset_scale.py --engine dask [--sizes 100000 300000 1000000]
        [--workers 2] [--keep DIR]

For each size the records are first written (not timed): a JSONL file for the local engine, a
folder of Parquet part files of 50,000 records (what `pugnlp extract --engine dask` writes)
for the dask engine. Then a fresh child process runs exactly what `pugnlp dataset` runs (read +
check every record, merge events, build every table, write CSV + Parquet + JSONL atomically)
and reports its wall time and peak RSS. With `--engine dask` the child starts the local
cluster of `pugnlp dataset --engine dask` (N worker processes of one thread on 127.0.0.1; its
start is timed apart) and reports the peak RSS of every process: the client (which also runs
the scheduler and the workers' nannies) and each worker; and the time of each round of tasks.
Goal (issue 6, local): <= 60 s and <= 2 GB at 100k, and time growing no faster than n log n.
Goal (issue 14, dask, 2 workers): 1M records in <= 300 s with <= 4 GB in any process.
Exit code 1 when a goal is missed. `uptime` is printed: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 60.0
GOAL_RSS_MB = 2048.0
DASK_GOAL_SECONDS = 300.0
DASK_GOAL_RSS_MB = 4096.0
DASK_GOAL_RECORDS = 1_000_000
PART_ROWS = 50_000
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


_CHILD_DASK = """
import json, resource, sys, time
from pathlib import Path
from distributed import Client
from pugnlp.cluster import local_cluster
from pugnlp.dataset.distributed import make_dataset_dask

def peak_mb():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

if __name__ == "__main__":
    import logging
    logging.basicConfig(level=logging.WARNING, format="  %(message)s")
    logging.getLogger("pugnlp.dataset.distributed").setLevel(logging.INFO)
    t0 = time.perf_counter()
    with local_cluster(int(sys.argv[3])) as cluster:
        start_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = make_dataset_dask([Path(sys.argv[1])], Path(sys.argv[2]),
                                    scheduler=cluster.scheduler_address)
        seconds = time.perf_counter() - t0
        with Client(cluster) as client:
            workers = sorted(client.run(peak_mb).values())
    print(json.dumps({"seconds": seconds, "start_s": start_s, "rss_mb": peak_mb(),
                      "workers_mb": workers, "events": summary.events,
                      "rows": summary.rows}))
"""


def write_parts(n: int, folder: Path, part_rows: int = PART_ROWS) -> None:
    """Write ``n`` synthetic records as Parquet part files of ``part_rows`` records."""
    import itertools

    import pyarrow as pa
    import pyarrow.parquet as pq

    from pugnlp.dataset.synthetic import synthetic_records
    from pugnlp.events.arrow import record_schema
    from pugnlp.wilayah import load_gazetteer

    tmp = folder.with_name(folder.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    records = synthetic_records(n, load_gazetteer())
    for part in itertools.count():
        rows = list(itertools.islice(records, part_rows))
        if not rows:
            break
        table = pa.Table.from_pylist(rows, schema=record_schema())
        pq.write_table(table, tmp / f"part-{part:05d}.parquet", compression="zstd")
    tmp.rename(folder)


def run_size_dask(n: int, work: Path, workers: int) -> dict:
    """Time one dask dataset build of ``n`` records (in Parquet parts) in a fresh process."""
    records = work / f"parts-{n}"
    if not records.exists():
        write_parts(n, records)
    out = work / f"dataset-dask-{n}"
    shutil.rmtree(out, ignore_errors=True)  # a fresh build: no published ids to keep
    script = work / "dask_child.py"
    script.write_text(_CHILD_DASK, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(records), str(out), str(workers)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"dask dataset build of {n} records failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["n"] = n
    result["mb_in"] = sum(p.stat().st_size for p in records.iterdir()) / 1e6
    result["rounds"] = [line.strip() for line in proc.stderr.splitlines() if "dataset:" in line]
    return result


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


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None,
                        help="record counts (default: 10k 30k 100k; dask: 100k 300k 1M)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--workers", type=int, default=2, help="dask: worker processes")
    parser.add_argument("--keep", type=Path, default=None, help="keep inputs/outputs here")
    args = parser.parse_args(argv)
    dask = args.engine == "dask"
    sizes = args.sizes or ([100_000, 300_000, 1_000_000] if dask else [10_000, 30_000, 100_000])
    print(f"load before: {_uptime()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [run_size_dask(n, work, args.workers) if dask else run_size(n, work)
                   for n in sizes]
    print(f"load after: {_uptime()}")
    if dask:
        return report_dask(results, args.workers)
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


def report_dask(results: list[dict], workers: int) -> int:
    """Print the dask figures; 0 when the goal at 1M (if measured) is met."""
    print(f"dask engine, {workers} local workers (1 thread each); cluster start not included")
    print(f"{'records':>8} {'input MB':>9} {'events':>8} {'seconds':>8} {'start s':>8} "
          f"{'client+sched MB':>16} {'workers MB':>16}")
    for r in results:
        print(f"{r['n']:>8} {r['mb_in']:>9.1f} {r['events']:>8} {r['seconds']:>8.1f} "
              f"{r['start_s']:>8.1f} {r['rss_mb']:>16.0f} "
              f"{' '.join(f'{m:.0f}' for m in r['workers_mb']):>16}")
    for r in results:
        print(f"{r['n']} records, rounds:", *r["rounds"], sep="\n  ")
    ok = True
    for r in results:
        if r["n"] >= DASK_GOAL_RECORDS:
            peak = max([r["rss_mb"], *r["workers_mb"]])
            met = r["seconds"] <= DASK_GOAL_SECONDS and peak <= DASK_GOAL_RSS_MB
            ok &= met
            print(f"goal at {r['n']}: <= {DASK_GOAL_SECONDS:.0f} s and <= "
                  f"{DASK_GOAL_RSS_MB:.0f} MB in any process -> {r['seconds']:.0f} s, "
                  f"{peak:.0f} MB: {'ok' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
