"""Rules alone vs the learned pipeline, field by field, on every gold set at hand.

Sets: anotasi/ (test split, and all 405 documents: the rules were never tuned on them, the
models saw the train split), korpus/contoh (bundled gold), and ../shared seeds when present.

    python bench/compare_models.py [--json bench/out/compare.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("relevant_acc", "event_type_acc", "event_type_macro_f1", "event_date_acc",
          "kab_kota_acc", "province_acc", "participants_acc", "officials_f1",
          "official_pairs_f1", "agencies_f1", "venues_f1", "ape_categories_f1")


def gold_sets() -> list[tuple[str, list, list]]:
    from pugnlp.annotations import load_annotations
    from pugnlp.article.html import text_to_article
    from pugnlp.article.load import iter_articles

    docs = load_annotations(ROOT / "anotasi" / "dokumen.jsonl")
    sets = []
    for name, subset in (("anotasi test", [d for d in docs if d.split == "test"]),
                         ("anotasi all", docs)):
        sets.append((name, [text_to_article(d.text, d.id) for d in subset],
                     [dict(id=d.id, **d.fields) for d in subset]))
    candidates = (("korpus/contoh", ROOT / "korpus/contoh/teks", ROOT / "korpus/contoh/gold.jsonl"),
                  ("seeds", ROOT.parent / "shared/seeds", ROOT.parent / "shared/eval/seeds.gold.jsonl"))
    for name, texts, gold in candidates:
        if gold.exists():
            sets.append((name, [a for a in iter_articles([texts])],
                         [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]))
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    from pugnlp.events.loader import extract_articles, load
    from pugnlp.scoring import score

    pipelines = {"rules": load(rules_only=True), "learned": load(ROOT / "model")}
    results: dict[str, dict[str, dict]] = {}
    for name, articles, gold in gold_sets():
        for label, pipeline in pipelines.items():
            preds = [r.as_dict() for r in extract_articles(pipeline, articles)]
            results.setdefault(name, {})[label] = score(preds, gold)
    print(f"{'set':<14} {'field':<20} {'rules':>6} {'learned':>8} {'diff':>6}")
    for name, by in results.items():
        for field in FIELDS:
            a, b = by["rules"].get(field), by["learned"].get(field)
            if a is None or b is None:
                continue
            print(f"{name:<14} {field:<20} {a:>6.3f} {b:>8.3f} {b - a:>+6.3f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
