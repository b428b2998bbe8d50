"""Scheduled runs over a growing corpus store: what an incremental `pugnlp run` costs.

Fills a store with the team-written documents of anotasi/ (all but the last ``--new``) and
the bundled releases, then times four `pugnlp run --store` processes (wall clock, process
start and model load included): the first run (everything extracted), a run with nothing
new, a run after ``--new`` articles arrived, and a run after one article was corrected at its
URL. Prints, per run, the wall and CPU seconds (CPU: steadier on a shared machine), the
articles extracted and reused, the events new / updated / removed and how many dataset files
were rewritten (from the manifest's run log).

With ``--records N`` it times instead the dataset stage alone on N synthetic records
(`pugnlp dataset` in a fresh process, as bench/dataset_scale.py does): a first build, then a
rebuild over the published dataset, which compares every table with it for the change log.

    python bench/incremental_run.py [--new 20] [--rules-only] [--json OUT]
    python bench/incremental_run.py --records 100000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pages() -> list:
    from pugnlp.corpus.store import Page
    from pugnlp.schema import Article

    found = []
    docs = [json.loads(line) for line in
            (ROOT / "anotasi" / "dokumen.jsonl").read_text(encoding="utf-8").splitlines()]
    docs += [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
             for p in sorted((ROOT / "korpus" / "contoh" / "teks").glob("*.txt"))]
    for doc in docs:
        url = f"https://bench.example.id/{doc['id']}"
        found.append(Page(url=url, source="bench", html=f"<html><body>{doc['text']}</body></html>",
                          article=Article(doc_id="x", text=doc["text"], url=url,
                                          title=doc["text"].splitlines()[0])))
    return found


def timed_run(store: Path, out: Path, rules_only: bool) -> dict:
    args = [sys.executable, "-m", "pugnlp", "run", "--store", str(store), "-o", str(out),
            "--no-progress"] + (["--rules-only"] if rules_only else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["runs"][-1]
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), **{k: last[k] for k in (
        "articles_extracted", "articles_reused", "events_new", "events_updated",
        "events_removed", "files_written")}}


_CHILD = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from pugnlp.dataset.run import make_dataset
summary = make_dataset([Path(sys.argv[1])], Path(sys.argv[2]))
print(json.dumps({"seconds": round(time.perf_counter() - t0, 1), "events": summary.events,
                  "changes": summary.changes,
                  "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def dataset_reruns(n: int) -> dict:
    """A first build and a rebuild of the dataset of ``n`` synthetic records."""
    from pugnlp.dataset.synthetic import synthetic_records
    from pugnlp.wilayah import load_gazetteer

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records.jsonl"
        with records.open("w", encoding="utf-8") as handle:
            for record in synthetic_records(n, load_gazetteer()):
                row = record.as_dict() if hasattr(record, "as_dict") else record
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for name in ("first build", "rebuild"):
            done = subprocess.run([sys.executable, "-c", _CHILD, str(records),
                                   str(Path(tmp) / "out")],
                                  check=True, capture_output=True, text=True, cwd=ROOT)
            results[name] = json.loads(done.stdout)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--new", type=int, default=20, help="articles arriving in run 3")
    parser.add_argument("--rules-only", action="store_true", help="skip trained models")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--records", type=int, default=None,
                        help="time the dataset stage alone on this many synthetic records")
    args = parser.parse_args()
    if args.records:
        results = dataset_reruns(args.records)
        for name, r in results.items():
            print(f"{args.records} records, {name}: {r['seconds']} s, peak RSS {r['rss_mb']} MB, "
                  f"{r['events']} events, changes {r['changes']}")
        if args.json:
            args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        return

    from pugnlp.corpus.store import CorpusStore

    every = pages()
    held, first = every[-args.new:], every[:-args.new]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        store, out = Path(tmp) / "korpus.sqlite", Path(tmp) / "keluaran"
        with CorpusStore(store) as db:
            for page in first:
                db.add_page(page)
            stored = db.count()
        results["1 first run"] = timed_run(store, out, args.rules_only)
        results["2 nothing new"] = timed_run(store, out, args.rules_only)
        with CorpusStore(store) as db:
            for page in held:
                db.add_page(page)
            stored_after = db.count()
        results[f"3 {stored_after - stored} new"] = timed_run(store, out, args.rules_only)
        with CorpusStore(store) as db:
            url, text = db.conn.execute("SELECT url, text FROM articles LIMIT 1").fetchone()
            page = next(p for p in first if p.url == url)
            from dataclasses import replace

            fixed = replace(page, article=replace(page.article, text=text + "\n\n(Ralat.)"))
            assert db.correct(fixed).outcome == "corrected"
        results["4 one corrected"] = timed_run(store, out, args.rules_only)
    print(f"store: {stored} articles, then {stored_after}; "
          f"{'rules only' if args.rules_only else 'trained pipeline'}")
    print(f"{'run':<16} {'s':>6} {'cpu s':>6} {'extracted':>9} {'reused':>7} {'new':>4} "
          f"{'upd':>4} {'rem':>4} {'files':>5}")
    for name, r in results.items():
        print(f"{name:<16} {r['seconds']:>6} {r['cpu_seconds']:>6} {r['articles_extracted']:>9} "
              f"{r['articles_reused']:>7} {r['events_new']:>4} {r['events_updated']:>4} "
              f"{r['events_removed']:>4} {r['files_written']:>5}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
