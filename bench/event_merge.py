"""Event merging quality on the team's fixture: pairwise precision and recall.

    .venv/bin/python bench/event_merge.py [--details]

The fixture (tests/dataset/fixtures/events_fixture.jsonl) holds PUG events each reported by
1-4 outlets in different words, with hard negatives (same place and day, another agency or
type; the next day; a kab and a kota of the same name). Goal (issue 6): precision >= 0.95 and
recall >= 0.90. Exit code 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pugnlp.dataset.frame import group_records  # noqa: E402
from pugnlp.dataset.merge_scores import pairwise  # noqa: E402
from pugnlp.dataset.records import as_rows  # noqa: E402
from pugnlp.records_io import read_records  # noqa: E402

FIXTURES = ROOT / "tests" / "dataset" / "fixtures"
GOAL_PRECISION = 0.95
GOAL_RECALL = 0.90


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every wrong pair")
    args = parser.parse_args(argv)
    records = as_rows(read_records([FIXTURES / "events_fixture.jsonl"]))
    gold = json.loads((FIXTURES / "events_fixture.gold.json").read_text(encoding="utf-8"))
    groups = group_records(sorted(records, key=lambda r: r["doc_id"]))
    predicted = {r["doc_id"]: str(n) for n, group in enumerate(groups) for r in group}
    scores = pairwise(predicted, gold)
    print(f"records {len(records)} ({len(gold)} relevant), gold events {len(set(gold.values()))}, "
          f"predicted events {len(groups)}")
    print(f"pairs: true merges {scores.true_pos}, wrong merges {scores.false_pos}, "
          f"missed merges {scores.false_neg}")
    ok = scores.precision >= GOAL_PRECISION and scores.recall >= GOAL_RECALL
    print(f"pairwise precision {scores.precision:.3f} (goal >= {GOAL_PRECISION}), "
          f"recall {scores.recall:.3f} (goal >= {GOAL_RECALL}) -> {'ok' if ok else 'MISSED'}")
    if args.details:
        for kind, a, b in scores.wrong:
            print(f"  {kind}: {a} ({gold[a]}) + {b} ({gold[b]})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
