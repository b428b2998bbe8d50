"""Incremental extraction: stored records reused, the others extracted (and stored batch by
batch), the pipeline loaded only when needed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pugnlp.article.load import iter_articles
from pugnlp.corpus.extractions import Extractions
from pugnlp.events import loader
from pugnlp.events.incremental import extract_changed
from pugnlp.events.version import loaded_version

TEKS = Path(__file__).resolve().parents[2] / "korpus" / "contoh" / "teks"


@pytest.fixture(scope="module")
def articles():
    return list(iter_articles(sorted(TEKS.glob("0*.txt"))))  # 9 releases


def test_only_new_and_changed_articles_are_extracted(articles, rules_nlp, tmp_path):
    version = loaded_version(rules_nlp)
    loads = []

    def load_nlp():
        loads.append(1)
        return rules_nlp

    with Extractions(tmp_path / "r.sqlite") as kept:
        first = extract_changed(articles[:5], kept, version, load_nlp)
        assert (first.extracted, first.reused, len(loads)) == (5, 0, 1)
        again = extract_changed(articles[:5], kept, version, load_nlp)
        assert (again.extracted, again.reused, len(loads), again.nlp) == (0, 5, 1, None)
        assert again.records == first.records  # reused == extracted, text included

        changed = replace(articles[2], text=articles[2].text + "\n\nRalat: judul diperbaiki.")
        grown = [articles[0], articles[1], changed, articles[3], articles[4], *articles[5:]]
        third = extract_changed(grown, kept, version, load_nlp)
        assert (third.extracted, third.reused, len(loads)) == (5, 4, 2)
        assert [r["doc_id"] for r in third.records] == [a.doc_id for a in grown]  # in order
        assert third.records[2]["text_sha1"] != first.records[2]["text_sha1"]
        assert third.records[0] == first.records[0]


def test_a_failure_mid_way_keeps_the_finished_batches(articles, rules_nlp, tmp_path,
                                                       monkeypatch):
    real = loader.extract_articles

    def failing(nlp, items, **kwargs):
        for n, record in enumerate(real(nlp, items, **kwargs)):
            if n == 5:
                raise RuntimeError("killed")
            yield record

    monkeypatch.setattr(loader, "extract_articles", failing)
    version = loaded_version(rules_nlp)
    with Extractions(tmp_path / "r.sqlite") as kept:
        with pytest.raises(RuntimeError):
            extract_changed(articles, kept, version, lambda: rules_nlp, save_every=2)
        assert kept.count(version) == 4  # two batches of two were stored
        monkeypatch.setattr(loader, "extract_articles", real)
        resumed = extract_changed(articles, kept, version, lambda: rules_nlp, save_every=2)
    assert (resumed.extracted, resumed.reused) == (len(articles) - 4, 4)


def test_records_are_stored_under_the_version_actually_loaded(articles, rules_nlp, tmp_path):
    with Extractions(tmp_path / "r.sqlite") as kept:
        outcome = extract_changed(articles[:2], kept, "a stale plan", lambda: rules_nlp)
        assert outcome.version == loaded_version(rules_nlp)
        assert kept.count(outcome.version) == 2 and kept.count("a stale plan") == 0
