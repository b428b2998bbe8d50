"""Field-by-field scoring of records against gold facts.

The fields and matching rules are those of the team's development scorer
(``shared/eval/score.py``): names compared without honorifics and titles, regions with
Kab./Pemko/Pemkab folded, fuzzy matching of names (0.85), positions (0.7 or containment),
agencies (0.8, any surface form) and venues (0.75); a gold null must be predicted null.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pugnlp.keys import norm_text, person_key, similar
from pugnlp.patterns.places import SCORER_DKI, SCORER_REGION_PREFIXES

SCALARS = ("event_date", "kab_kota", "province", "participants")
LISTS = ("officials", "official_pairs", "agencies", "venues", "ape_categories")


norm = norm_text
"""The scorer's text normalisation (:func:`pugnlp.keys.norm_text`)."""


def norm_name(value: Any) -> str:
    """A name as the scorer compares it: normalised, honorifics and titles dropped."""
    return " ".join(person_key(value))


def norm_region(value: Any) -> str:
    """A region as the scorer compares it: prefixes folded ("Pemkab X" = "Kabupaten X"),
    "Kota Administrasi" = "Kota", DKI spelled out = "dki", spaces dropped."""
    text = norm(value)
    for pattern, repl in SCORER_REGION_PREFIXES:
        text = re.sub(pattern, repl, text)
    text = text.replace("daerah istimewa", "di").replace("kota administrasi ", "kota ")
    text = SCORER_DKI.sub("dki", text)
    return text.replace(" ", "")


def fuzzy_eq(a: str, b: str, threshold: float = 0.85) -> bool:
    """Equal, one token set inside the other (4+ chars), or similar enough
    (:func:`pugnlp.keys.similar`)."""
    return similar(a, b, threshold)


def _match(gold: list[Any], pred: list[Any], eq: Callable[[Any, Any], bool]) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and eq(g, p):
                used.add(j)
                tp += 1
                break
    return tp, len(gold), len(pred)


def _forms(items: Iterable[Any]) -> list[list[str]]:
    out = []
    for item in items or []:
        if isinstance(item, dict):
            out.append([norm(item[k]) for k in ("name", "text", "value", "acronym") if item.get(k)])
        else:
            out.append([norm(item)])
    return out


def _prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pair_eq(a: tuple[str, str], b: tuple[str, str]) -> bool:
    if not fuzzy_eq(a[0], b[0]):
        return False
    if not a[1]:
        return True
    return bool(b[1]) and (fuzzy_eq(a[1], b[1], 0.7) or a[1] in b[1] or b[1] in a[1])


def _list_counts(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    pred_off = [o if isinstance(o, dict) else {"name": o} for o in pred.get("officials") or []]
    counts = {
        "officials": _match([norm_name(o["name"]) for o in gold.get("officials", [])],
                            [norm_name(o.get("name")) for o in pred_off], fuzzy_eq),
        "official_pairs": _match(
            [(norm_name(o["name"]), norm(o.get("position"))) for o in gold.get("officials", [])],
            [(norm_name(o.get("name")), norm(o.get("position"))) for o in pred_off], _pair_eq),
        "agencies": _match([norm(a) for a in gold.get("agencies", [])], _forms(pred.get("agencies")),
                           lambda g, forms: any(fuzzy_eq(g, f, 0.8) for f in forms)),
        "venues": _match([norm(v) for v in gold.get("venues", [])], _forms(pred.get("venues")),
                         lambda g, forms: any(fuzzy_eq(g, f, 0.75) for f in forms)),
    }
    if "categories" in gold:
        predicted = [norm(c.get("category") if isinstance(c, dict) else c)
                     for c in pred.get("ape_categories") or []]
        counts["ape_categories"] = _match([norm(c) for c in gold["categories"] or []], predicted,
                                          lambda a, b: a == b)
    return counts


def _key(record: dict[str, Any]) -> str | None:
    for field in ("doc_id", "id", "source", "path", "url"):
        if record.get(field):
            return Path(str(record[field])).stem
    return None


def score(predictions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-field accuracy/P/R/F1 and the event-type confusion matrix."""
    preds = {_key(p): p for p in predictions}
    acc = {k: [0, 0] for k in ("relevant", "event_type", *SCALARS, "held_in_kab_kota")}
    counts = {k: [0, 0, 0] for k in LISTS}
    confusion: dict[str, dict[str, int]] = {}
    missing = 0
    for g in gold:
        p = preds.get(g["id"])
        if p is None:
            missing += 1
            p = {}
        acc["relevant"][0] += bool(p.get("relevant")) == bool(g["relevant"])
        acc["relevant"][1] += 1
        if not g["relevant"]:
            continue
        predicted_type = p.get("event_type")
        acc["event_type"][0] += predicted_type == g["event_type"]
        acc["event_type"][1] += 1
        row = confusion.setdefault(g["event_type"], {})
        row[str(predicted_type)] = row.get(str(predicted_type), 0) + 1
        for field, fold in (("event_date", lambda x: str(x or "")[:10]), ("kab_kota", norm_region),
                            ("province", norm_region),
                            ("participants", lambda x: "" if x in (None, "") else str(int(x)))):
            acc[field][0] += fold(g.get(field)) == fold(p.get(field))
            acc[field][1] += 1
        if "held_in_kab_kota" in g:  # where it was held (DOMAIN.md "Deciding the region")
            held = norm_region(g["held_in_kab_kota"]) == norm_region(p.get("held_in_kab_kota"))
            acc["held_in_kab_kota"][0] += held
            acc["held_in_kab_kota"][1] += 1
        for name, triple in _list_counts(g, p).items():
            for i in range(3):
                counts[name][i] += triple[i]
    result: dict[str, Any] = {"articles": len(gold), "missing_predictions": missing}
    for name, (ok, n) in acc.items():
        result[name + "_acc"] = round(ok / n, 3) if n else None
    for name, (tp, ng, np_) in counts.items():
        p, r, f = _prf(tp, ng, np_)
        result.update({name + "_f1": round(f, 3), name + "_p": round(p, 3), name + "_r": round(r, 3)})
    f1s = []
    for label in sorted(confusion):
        tp = confusion[label].get(label, 0)
        f1s.append(_prf(tp, sum(confusion[label].values()),
                        sum(row.get(label, 0) for row in confusion.values()))[2])
    result["event_type_macro_f1"] = round(sum(f1s) / len(f1s), 3) if f1s else None
    result["confusion"] = confusion
    return result


def format_scores(name: str, result: dict[str, Any]) -> str:
    """A readable table of per-field scores and the event-type confusion matrix."""
    lines = [f"== {name}: {result['articles']} articles"
             + (f", {result['missing_predictions']} without prediction"
                if result["missing_predictions"] else "")]
    lines.append(f"  {'field':<16} {'acc':>6}")
    for field in ("relevant", "event_type", *SCALARS):
        value = result.get(field + "_acc")
        lines.append(f"  {field:<16} {'-' if value is None else f'{value:.3f}':>6}")
    lines.append(f"  {'list field':<16} {'P':>6} {'R':>6} {'F1':>6}")
    for field in LISTS:
        p, r, f = (result.get(f"{field}_{k}") for k in ("p", "r", "f1"))
        lines.append(f"  {field:<16} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    macro = result.get("event_type_macro_f1")
    lines.append(f"  event_type macro F1: {'-' if macro is None else f'{macro:.3f}'}")
    confusion = result.get("confusion") or {}
    labels = sorted(set(confusion) | {p for row in confusion.values() for p in row})
    if labels:
        short = {label: label[:8] for label in labels}
        lines.append("  confusion (rows gold, columns predicted):")
        lines.append("  " + " " * 19 + " ".join(f"{short[c]:>8}" for c in labels))
        for gold in sorted(confusion):
            row = confusion[gold]
            lines.append(f"  {gold:<19}" + " ".join(f"{row.get(c, 0):>8}" for c in labels))
    return "\n".join(lines)
