"""Scores on the real development set: the pipeline (rules alone and with the models) on the
pulled texts of ../shared/eval/real-dev, per field, with the event-type confusion matrix.

    python bench/real_dev.py [--texts .real-dev] [--gold ../shared/eval/real-dev/gold.jsonl]
                             [--json bench/out/real_dev.json]

The texts are other people's writing and never enter the repository: each stays in a
git-ignored folder (``.real-dev/<id>.txt``), pulled as ../shared/eval/real-dev/README.md says
(per gold line, the stored page found with its ``query`` whose url is the line's ``url``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("relevant_acc", "event_type_acc", "event_type_macro_f1", "event_date_acc",
          "kab_kota_acc", "province_acc", "held_in_kab_kota_acc", "participants_acc",
          "officials_f1", "official_pairs_f1", "agencies_f1", "agencies_p", "venues_f1",
          "venues_r", "ape_categories_f1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT / ".real-dev")
    parser.add_argument("--gold", type=Path,
                        default=ROOT.parent / "shared/eval/real-dev/gold.jsonl")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"{args.gold}: no gold file here; pass --gold", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    present = [g for g in gold if (args.texts / f"{g['id']}.txt").is_file()]
    if not present:
        print(f"{args.texts}: no texts of the {len(gold)} gold lines. Pull them first: for "
              "each line of the gold file, search the stored pages with its `query`, keep "
              "the result whose url is its `url`, and write the excerpt unchanged to "
              f"{args.texts}/<id>.txt (see {args.gold.parent / 'README.md'}).", file=sys.stderr)
        return 2

    from pugnlp.article.load import iter_articles
    from pugnlp.events.loader import extract_articles, load
    from pugnlp.scoring import score

    articles = [a for a in iter_articles([args.texts / f"{g['id']}.txt" for g in present])
                if not isinstance(a, Exception)]
    results = {}
    for label, nlp in (("rules", load(rules_only=True)), ("learned", load(ROOT / "model"))):
        preds = [r.as_dict() for r in extract_articles(nlp, articles)]
        results[label] = score(preds, present)
    print(f"{len(present)} of {len(gold)} dev articles ({args.texts})")
    print(f"{'field':<22} {'rules':>7} {'learned':>8}")
    for field in FIELDS:
        a, b = results["rules"].get(field), results["learned"].get(field)
        print(f"{field:<22} {_fmt(a):>7} {_fmt(b):>8}")
    print("\nevent-type confusion (learned; rows gold, columns predicted):")
    for gold_type, row in results["learned"]["confusion"].items():
        print(f"  {gold_type:<20} " + ", ".join(f"{k} {v}" for k, v in row.items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
