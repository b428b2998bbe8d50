"""docs/annotation.md stays true: its counts are the corpus's, it names every label and rule."""

from __future__ import annotations

import re
from pathlib import Path

from pugnlp.annotate.stats import BEGIN_MARK, END_MARK, replace_stats, stats_markdown
from pugnlp.annotations import LABELS, NESTING, load_annotations

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "annotation.md"


def test_counts_in_the_docs_are_the_corpus_counts() -> None:
    text = DOC.read_text(encoding="utf-8")
    stats = stats_markdown(load_annotations(ROOT / "anotasi" / "dokumen.jsonl"))
    section = text[text.index(BEGIN_MARK):text.index(END_MARK) + len(END_MARK)]
    assert section == stats.rstrip("\n"), (
        "run `pugnlp annotate stats --write-docs docs/annotation.md`")
    assert replace_stats(text, stats) == text


def test_docs_name_every_label_nesting_and_the_config() -> None:
    text = DOC.read_text(encoding="utf-8")
    for label in LABELS:
        assert f"`{label}`" in text
    for outer, inner in NESTING.items():
        rule = re.search(rf"`{outer}` may contain ((?:`[A-Z]+`(?: and )?)+)", text)
        assert rule, f"docs/annotation.md does not say what a {outer} may contain"
        assert set(re.findall(r"`([A-Z]+)`", rule.group(1))) == set(inner)
    assert "pugnlp/annotate/labelstudio_config.xml" in text
    assert "pugnlp annotate import" in text and "pugnlp annotate export" in text
