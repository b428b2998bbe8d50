"""The classifier's own transformers follow the scikit-learn contract and never touch offsets."""

from __future__ import annotations

import numpy as np

from pugnlp.events.classify import RuleCues, StemmedText, frame, stem_token
from pugnlp.schema import EVENT_TYPES


def test_stems_are_per_token_and_leave_the_text_alone() -> None:
    text = "Pemberdayaan perempuan dilaksanakan, DP3AP2KB hadir."
    table = frame([text], ["Judul rapat"])
    assert table.loc[0, "text"] == text
    stems = StemmedText().fit(table[["text"]]).transform(table[["text"]])
    assert stems == ["daya perempuan laksana dp3ap2kb hadir"]
    assert stem_token("dikukuhkan") == "kukuh"


def test_rule_cues_give_one_score_per_type() -> None:
    table = frame(["Rapat koordinasi Pokja PUG digelar di Aula Bappeda, dibuka Sekda."],
                  ["Rakor PUG Kabupaten Sigi"])
    cues = RuleCues().fit(table).transform(table)
    assert cues.shape == (1, 1 + len(EVENT_TYPES))
    names = list(RuleCues().get_feature_names_out())
    assert int(np.argmax(cues[0, 1:])) == EVENT_TYPES.index("rapat_koordinasi")
    assert names[0] == "rule_relevance"


def test_transformers_are_clonable() -> None:
    from sklearn.base import clone

    assert isinstance(clone(StemmedText()), StemmedText)
    assert isinstance(clone(RuleCues()), RuleCues)


def test_the_views_are_separate_columns_with_the_activity_and_its_head() -> None:
    text = ("Pemkab Sigi Gelar Rakor Pokja PUG\n\nPemerintah Kabupaten Sigi menggelar rapat "
            "koordinasi Pokja PUG di aula Bappeda, Selasa (5/3/2024).\n\nRapat membahas APE.")
    table = frame([text, "Warga memanen cabai di kebun."], ["Pemkab Sigi Gelar Rakor Pokja PUG",
                                                            None])
    first = table.iloc[0]
    assert first["title"] == "Pemkab Sigi Gelar Rakor Pokja PUG"
    assert first["lead"].startswith("Pemerintah Kabupaten Sigi")
    assert first["body"].startswith("Rapat membahas")
    assert "HEAD_rakor" in first["activity"] or "HEAD_rapat" in first["activity"]
    assert table.iloc[1]["activity"] == "NONE"


def test_the_model_reads_each_view_on_its_own() -> None:
    from pugnlp.events.classify import build_model

    columns = {name: cols for name, _, cols in build_model().named_steps["features"].transformers}
    assert {columns[v] for v in ("activity", "title", "lead", "body")} == {
        "activity", "title", "lead", "body"}
