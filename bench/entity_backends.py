"""spaCy vs stanza as the entity model, side by side on the same test sets.

    python bench/entity_backends.py --spacy model --stanza /tmp/model-stanza \\
        [--corpora ../shared/data] [--texts ../main/.real-dev] \\
        [--gold ../shared/eval/real-dev/gold.jsonl] [--articles 300] [--runs 5] [--json OUT]

``--spacy`` and ``--stanza`` are two pipelines written by ``pugnlp train`` from the same data,
one with ``--entity-backend spacy``, the other with ``--entity-backend stanza`` (each with
the official selector trained on its own entity model's persons). Prints:

- entity P/R/F1 per label of each entity model on idner-news-2k test (with ``--corpora``)
  and on the anotasi test split (spaCy's NER scorer for both);
- officials F1, name+position F1 and agencies F1 through the whole pipeline on the real dev
  releases (texts kept outside the repository, see bench/real_dev.py) and the anotasi test;
- articles/s (one process, the bundled corpus repeated; the two backends alternate, so both
  see the same load of the machine), load time of the whole pipeline in a fresh process
  (imports included, median of ``--runs``, alternating), size of the entity model's files,
  and the installed size of what the ``stanza`` extra adds.
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
BACKENDS = ("spacy", "stanza")
LABELS = ("PER", "ORG", "LOC")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spacy", type=Path, default=ROOT / "model")
    parser.add_argument("--stanza", type=Path, required=True)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--texts", type=Path, default=ROOT / ".real-dev")
    parser.add_argument("--gold", type=Path,
                        default=ROOT.parent / "shared/eval/real-dev/gold.jsonl")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    dirs = {"spacy": args.spacy, "stanza": args.stanza}
    out: dict[str, dict] = {b: {} for b in BACKENDS}

    entity_scores(dirs, args.corpora, out)
    pipeline_scores(dirs, args.texts, args.gold, out)
    speed(dirs, args.articles, args.runs, out)
    for b in BACKENDS:
        out[b]["entity_model_mb"] = round(model_bytes(dirs[b], b) / 1e6, 1)
        out[b]["pipeline_mb"] = round(sum(p.stat().st_size for p in dirs[b].rglob("*")
                                          if p.is_file()) / 1e6, 1)
    out["stanza"]["extra_install_mb"] = round(extra_install_bytes() / 1e6)
    out["spacy"]["extra_install_mb"] = 0
    print_table(out)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def entity_model(folder: Path, backend: str):  # type: ignore[no-untyped-def]  # noqa: ANN201
    from pugnlp.events.components.learned import load_ner
    from pugnlp.nlp import stanza_ner

    entities = folder / "pug_entities"
    if backend == "stanza":
        return stanza_ner.load(entities / stanza_ner.STANZA_DIR)
    return load_ner(entities)


def entity_scores(dirs: dict[str, Path], corpora: Path, out: dict[str, dict]) -> None:
    import spacy

    from pugnlp.annotations import load_annotations
    from pugnlp.nlp.tokenizer import build_tokenizer
    from pugnlp.nlp.train import annotated_docs, evaluate_ner, iob_docs, read_iob

    blank = spacy.blank("id")
    blank.tokenizer = build_tokenizer(blank)
    test = [d for d in load_annotations(ROOT / "anotasi") if d.split == "test"]
    sets = {"anotasi test": (annotated_docs(blank, test, frozenset()), False)}
    idner = corpora / "idner-news-2k/test.txt"
    if idner.is_file():
        sets["idner-news-2k test"] = (iob_docs(blank, read_iob(idner, 0, 2, " ")), True)
    for b in BACKENDS:
        model = entity_model(dirs[b], b)
        for name, (docs, sentences) in sets.items():
            out[b][f"ner {name}"] = evaluate_ner(model, docs, sentences=sentences)


def pipeline_scores(dirs: dict[str, Path], texts: Path, gold_path: Path,
                    out: dict[str, dict]) -> None:
    from pugnlp.annotations import load_annotations
    from pugnlp.article.html import text_to_article
    from pugnlp.article.load import iter_articles
    from pugnlp.events.loader import extract_articles, load
    from pugnlp.scoring import score

    sets = {}
    test = [d for d in load_annotations(ROOT / "anotasi") if d.split == "test"]
    sets["anotasi test"] = ([text_to_article(d.text, d.id) for d in test],
                            [dict(id=d.id, **d.fields) for d in test])
    if gold_path.is_file():
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        present = [g for g in gold if (texts / f"{g['id']}.txt").is_file()]
        if present:
            arts = [a for a in iter_articles([texts / f"{g['id']}.txt" for g in present])
                    if not isinstance(a, Exception)]
            sets[f"real dev ({len(present)})"] = (arts, present)
    for b in BACKENDS:
        nlp = load(dirs[b], entity_backend=b)
        for name, (articles, gold) in sets.items():
            s = score([r.as_dict() for r in extract_articles(nlp, articles)], gold)
            out[b][f"pipeline {name}"] = {k: s[k] for k in (
                "officials_f1", "official_pairs_f1", "agencies_f1", "event_type_macro_f1")}


LOAD = ("import sys, time; t = time.perf_counter(); from pugnlp.events.loader import load; "
        "load(sys.argv[1], entity_backend=sys.argv[2]); print(time.perf_counter() - t)")


def speed(dirs: dict[str, Path], n: int, runs: int, out: dict[str, dict]) -> None:
    from pugnlp.article.load import iter_articles
    from pugnlp.events.loader import extract_articles, load

    base = list(iter_articles([ROOT / "korpus/contoh/teks"]))
    articles = (base * (n // len(base) + 1))[:n]
    nlps = {b: load(dirs[b], entity_backend=b) for b in BACKENDS}
    rates: dict[str, list[float]] = {b: [] for b in BACKENDS}
    loads: dict[str, list[float]] = {b: [] for b in BACKENDS}
    for _ in range(2):
        for b in BACKENDS:
            t0 = time.perf_counter()
            assert sum(1 for _ in extract_articles(nlps[b], articles)) == len(articles)
            rates[b].append(len(articles) / (time.perf_counter() - t0))
    for _ in range(runs):
        for b in BACKENDS:
            done = subprocess.run([sys.executable, "-c", LOAD, str(dirs[b]), b], check=True,
                                  capture_output=True, text=True, cwd=ROOT)
            loads[b].append(float(done.stdout.strip().splitlines()[-1]))
    for b in BACKENDS:
        out[b]["articles_per_s"] = [round(r, 1) for r in rates[b]]
        out[b]["load_s_median"] = round(statistics.median(loads[b]), 2)
        out[b]["load_s_range"] = [round(min(loads[b]), 2), round(max(loads[b]), 2)]


def model_bytes(folder: Path, backend: str) -> int:
    from pugnlp.nlp.stanza_ner import STANZA_DIR

    entities = folder / "pug_entities"
    if backend == "stanza":
        files = (entities / STANZA_DIR).rglob("*")
    else:
        files = (p for p in entities.rglob("*") if STANZA_DIR not in p.relative_to(
            entities).parts)
    return sum(p.stat().st_size for p in files if p.is_file())


def extra_install_bytes() -> int:
    """Installed size of the distributions the ``stanza`` extra brings and the default
    install lacks (requirements followed recursively)."""
    import re
    from importlib import metadata

    def closure(names: list[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(names)
        while todo:
            name = re.split(r"[ <>=!~;\[]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
            if name in seen:
                continue
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                continue
            seen.add(name)
            todo += [r for r in dist.requires or [] if "extra ==" not in r]
        return seen

    pug = metadata.distribution("pugnlp")
    base = [r for r in pug.requires or [] if "extra ==" not in r]
    extra = [r for r in pug.requires or [] if 'extra == "stanza"' in r]
    added = closure(extra) - closure(base)
    total = 0
    for name in added:
        for f in metadata.distribution(name).files or []:
            path = Path(str(f.locate()))
            if path.is_file():
                total += path.stat().st_size
    return total


def print_table(out: dict[str, dict]) -> None:
    rows: list[tuple[str, str, str]] = []
    for key in out["spacy"]:
        a, b = out["spacy"][key], out["stanza"].get(key)
        if key.startswith("ner "):
            for field in ("ents_f", *(f"{lab}_f" for lab in LABELS)):
                rows.append((f"{key} {field}", _f(a.get(field)), _f(b.get(field))))
        elif key.startswith("pipeline "):
            for field in a:
                rows.append((f"{key} {field}", _f(a[field]), _f(b[field])))
        else:
            rows.append((key, str(a), str(b)))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'spacy':>14}  {'stanza':>14}")
    for name, a, b in rows:
        print(f"{name:<{width}}  {a:>14}  {b:>14}")


def _f(value: object) -> str:
    return "-" if value is None else f"{float(value):.3f}"  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
