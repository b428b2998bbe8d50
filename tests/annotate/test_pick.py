"""pugnlp.annotate.pick: which unannotated articles to annotate first (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pugnlp.annotate.pick import (
    NOT_RELEVANT,
    ArticleSignals,
    pick,
    signals_from_doc,
    signals_from_record,
    uncertainty,
)
from pugnlp.annotations import AnnotatedDoc
from pugnlp.events.record import ScoredMention

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "korpus" / "contoh" / "teks"

TYPES = ("rapat_koordinasi", "sosialisasi", "bimtek_pelatihan")


def _text(n: int) -> str:
    """A distinct text per n (SimHash far apart), so no two fakes are near-duplicates."""
    words = [f"kata{n}x{i}" for i in range(60)]
    return f"Berita {n}\n\n" + " ".join(words) + "."


def fake(doc_id: str, *, p_rel: float = 0.99, probs: tuple[float, ...] = (0.9, 0.05, 0.05),
         province: str | None = "Aceh", activity: str | None = "rapat koordinasi",
         text: str | None = None, officials: tuple[float, ...] = (),
         event_type: str | None = None) -> ArticleSignals:
    types = tuple(zip(TYPES, probs))
    best = max(types, key=lambda lp: lp[1])[0]
    return ArticleSignals(
        doc_id=doc_id, text=text or _text(int(doc_id.strip("abcdefghijklmnopqrstuvwxyz_") or 0)),
        relevant=p_rel >= 0.5, relevant_score=p_rel,
        event_type=(event_type or best) if p_rel >= 0.5 else None, province=province,
        activity=activity, type_probabilities=types,
        official_scores=tuple(ScoredMention(f"Orang {k}", 10 * k, 10 * k + 5, p, 0.9)
                              for k, p in enumerate(officials)))


# -- the score -------------------------------------------------------------------------------


def test_a_low_type_margin_ranks_above_a_confident_article() -> None:
    confident = fake("d1", probs=(0.95, 0.03, 0.02))
    torn = fake("d2", probs=(0.46, 0.44, 0.10))
    assert uncertainty(torn).score > uncertainty(confident).score
    assert [p.doc_id for p in pick([confident, torn], 2).picks] == ["d2", "d1"]
    assert "type margin 0.02" in uncertainty(torn).reasons[0]


def test_relevance_near_one_half_is_uncertain_and_type_then_counts_less() -> None:
    sure = fake("d1", p_rel=0.995)
    unsure = fake("d2", p_rel=0.52)
    assert uncertainty(unsure).parts["relevance"] == pytest.approx(0.96)
    assert uncertainty(sure).parts["relevance"] == pytest.approx(0.01)
    # the type of an article that is surely not relevant teaches nothing
    not_relevant = fake("d3", p_rel=0.01, probs=(0.4, 0.4, 0.2))
    assert uncertainty(not_relevant).parts["type"] < 0.02
    assert not_relevant.type_bucket == NOT_RELEVANT


def test_no_activity_and_disagreement_add_to_the_score() -> None:
    plain = fake("d1")
    assert uncertainty(fake("d2", activity=None)).score > uncertainty(plain).score
    disagreeing = fake("d3", event_type="sosialisasi")  # the head says sosialisasi
    result = uncertainty(disagreeing)
    assert result.parts["disagreement"] == 1.0
    assert "activity says sosialisasi, classifier rapat_koordinasi" in result.reasons


def test_officials_near_the_selector_threshold_count_far_ones_do_not() -> None:
    near = uncertainty(fake("d1", officials=(0.88,)))
    far = uncertainty(fake("d2", officials=(0.10, 0.999)))
    assert near.parts["officials"] > 0.8
    assert far.parts["officials"] == 0.0
    assert any("near the official threshold (Orang 0 0.88 vs 0.90)" in r for r in near.reasons)


def test_a_record_alone_gives_a_margin_bound(rules_nlp) -> None:  # noqa: ANN001
    from pugnlp.article.html import text_to_article
    from pugnlp.events.loader import extract_article

    record = extract_article(rules_nlp, text_to_article(
        (CONTOH / "01_kalsel_rakor.txt").read_text(encoding="utf-8"), "kalsel"))
    from dataclasses import replace

    record = replace(record, relevant_score=0.9, event_type_score=0.55)
    u = uncertainty(signals_from_record(record))
    assert u.parts["type"] == pytest.approx((1 - 0.1) * 0.9)  # margin <= 2 * 0.55 - 1


# -- the pick --------------------------------------------------------------------------------


def test_n_is_respected_best_first() -> None:
    candidates = [fake(f"d{k}", probs=(0.5 + 0.1 * k, 0.5 - 0.1 * k, 0.0), province=p)
                  for k, p in enumerate(("Aceh", "Bali", "Papua", "Riau", "Jambi"))]
    result = pick(candidates, 2)
    assert [p.doc_id for p in result.picks] == ["d0", "d1"]
    assert [p.rank for p in result.picks] == [1, 2] and result.ranked == 5
    assert len(pick(candidates, 50).picks) == 5


def test_diversity_changes_the_pick() -> None:
    a = fake("d1", probs=(0.50, 0.45, 0.05), province="Aceh")
    b = fake("d2", probs=(0.50, 0.44, 0.06), province="Aceh")       # same province and type
    c = fake("d3", probs=(0.20, 0.60, 0.20), province="Papua")     # less uncertain, elsewhere
    assert [p.doc_id for p in pick([a, b, c], 2, diversity=0.0).picks] == ["d1", "d2"]
    diverse = pick([a, b, c], 2)
    assert [p.doc_id for p in diverse.picks] == ["d1", "d3"]
    assert [p.doc_id for p in pick([a, b, c], 3).picks][2] == "d2"


def test_already_annotated_articles_are_skipped_by_id_text_or_near_text() -> None:
    base = (CONTOH / "14_bali_rakor.txt").read_text(encoding="utf-8")
    other = (CONTOH / "24_sulteng_sosialisasi.txt").read_text(encoding="utf-8")
    annotated = [AnnotatedDoc("a1_001", base, []), AnnotatedDoc("a1_002", other, [])]
    candidates = [
        fake("a1_001", probs=(0.4, 0.4, 0.2)),                                # same id
        fake("x_same", probs=(0.4, 0.4, 0.2), text="  " + other.upper()),    # same text
        fake("x_near", probs=(0.4, 0.4, 0.2),
             text=base.replace("GIANYAR –", "GIANYAR, BALI –") + "\nEditor: Made"),  # near
        fake("x_new", probs=(0.9, 0.05, 0.05)),
    ]
    result = pick(candidates, 10, annotated)
    assert [p.doc_id for p in result.picks] == ["x_new"]
    assert result.skipped == {"a1_001": "already annotated (id)",
                              "x_same": "already annotated (same text)",
                              "x_near": "near-duplicate of annotated a1_001"}


def test_near_duplicate_candidates_are_picked_once() -> None:
    text = (CONTOH / "05_sumbar_bimtek.txt").read_text(encoding="utf-8")
    first = fake("first", probs=(0.4, 0.4, 0.2), text=text)
    again = fake("again", probs=(0.4, 0.4, 0.2), text=text + "\nSumber: Diskominfo",
                 province="Bali")
    result = pick([first, again, fake("d3")], 3)
    assert [p.doc_id for p in result.picks] == ["again", "d3"] or \
        [p.doc_id for p in result.picks] == ["first", "d3"]
    assert len(result.skipped) == 1 and "near-duplicate of picked" in \
        next(iter(result.skipped.values()))


def test_lines_say_why() -> None:
    result = pick([fake("d1", probs=(0.5, 0.45, 0.05), activity=None)], 1)
    [line] = result.lines()
    assert line.startswith("  1. d1  score ") and "[Aceh, rapat_koordinasi]" in line
    assert "type margin 0.05" in line and "no activity found" in line


# -- the learned pipeline's Doc --------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_docs():  # noqa: ANN201
    import pugnlp
    from pugnlp.article.load import iter_articles
    from pugnlp.events.loader import ArticleText

    nlp = pugnlp.load(ROOT / "model")
    articles = list(iter_articles([CONTOH / "08_sumsel_evaluasi.txt",
                                   CONTOH / "37_banten_distraktor-kb.txt"]))
    return list(nlp.pipe(ArticleText(a) for a in articles))


def test_the_pipeline_keeps_every_type_probability(shipped_docs) -> None:  # noqa: ANN001
    for doc in shipped_docs:
        record, signals = signals_from_doc(doc)
        probs = doc._.class_probabilities
        assert sum(p for _, p in probs.event_types) == pytest.approx(1.0, abs=1e-6)
        assert len(probs.event_types) == 8
        assert record.relevant_score == round(probs.relevant, 4)
        assert signals.type_probabilities == probs.event_types
        if record.event_type is not None and record.event_type_score is not None:
            assert record.event_type_score == round(probs.best_types()[0][1], 4)
        assert all(0 <= m.probability <= 1 for m in signals.agency_scores)
    relevant, distractor = shipped_docs
    assert relevant._.decision.relevant and not distractor._.decision.relevant
    assert relevant._.agency_scores and {m.threshold for m in relevant._.agency_scores} == {0.0}
