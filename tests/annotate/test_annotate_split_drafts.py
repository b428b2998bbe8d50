"""The hash split is fixed; drafts become spans; build-drafts merges without losing anything."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pugnlp.annotate.importer import build_from_drafts
from pugnlp.annotations import (
    AnnotatedDoc,
    doc_from_draft,
    load_annotations,
    spans_from_mentions,
    split_of,
    validate_doc,
)
from pugnlp.errors import AnnotationError

ROOT = Path(__file__).resolve().parents[2]


# -- split ---------------------------------------------------------------------------------


def test_split_of_known_ids_never_changes() -> None:
    # Fixed once: a change here moves documents between train and test.
    assert {i: split_of(i) for i in ("a1_001", "a2_050", "a3_135", "doc_0123456789ab")} == {
        "a1_001": "train", "a2_050": "dev", "a3_135": "test", "doc_0123456789ab": "train"}


def test_split_shares_are_70_15_15() -> None:
    counts = Counter(split_of(f"doc_{i:05d}") for i in range(20000))
    assert abs(counts["train"] / 20000 - 0.70) < 0.015
    assert abs(counts["dev"] / 20000 - 0.15) < 0.015
    assert abs(counts["test"] / 20000 - 0.15) < 0.015


def test_split_depends_on_the_id_only() -> None:
    a = AnnotatedDoc("a1_007", "satu", [], {})
    b = AnnotatedDoc("a1_007", "teks lain sama sekali", [], {"relevant": False})
    assert a.split == b.split == split_of("a1_007")


def test_corpus_splits_each_hold_relevant_and_distractor_documents() -> None:
    docs = load_annotations(ROOT / "anotasi" / "dokumen.jsonl")
    assert len(docs) >= 400
    for split in ("train", "dev", "test"):
        part = [d for d in docs if d.split == split]
        assert any(d.fields.get("relevant") for d in part)
        assert any(d.fields.get("relevant") is False for d in part)


# -- drafts --------------------------------------------------------------------------------

DRAFT_TEXT = ("Rakor PUG Kabupaten Sigi\n\nSIGI – Kepala DP3A Kabupaten Sigi Hj. Nurlaela "
              "membuka rakor di Aula Bappeda Sigi. Nurlaela meminta data terpilah.\n\n"
              "Baca Juga: Bupati Sigi Mohamad Irwan Tinjau Banjir")


def _draft(**extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": "d_001", "text": DRAFT_TEXT, "relevant": True, "event_type": "rapat_koordinasi",
        "event_date": None, "kab_kota": "Kabupaten Sigi", "province": "Sulawesi Tengah",
        "officials": [{"name": "Nurlaela", "position": "Kepala DP3A Kabupaten Sigi"}],
        "agencies": ["DP3A Kabupaten Sigi"], "venues": ["Aula Bappeda Sigi"], "categories": [],
        "mentions": {"PER": ["Nurlaela", "Mohamad Irwan"],
                     "JABATAN": ["Kepala DP3A Kabupaten Sigi", "Bupati Sigi"],
                     "ORG": ["DP3A Kabupaten Sigi", "DP3A", "Bappeda Sigi"],
                     "LOC": ["Kabupaten Sigi", "Sigi", "SIGI"], "VENUE": ["Aula Bappeda Sigi"]},
    }
    row.update(extra)
    return row


def _surfaces(doc: AnnotatedDoc) -> list[tuple[str, str]]:
    return [(doc.text[s:e], label) for s, e, label in doc.spans]


def test_every_occurrence_is_labelled_and_the_longest_form_wins() -> None:
    doc = doc_from_draft(_draft())
    found = _surfaces(doc)
    assert found.count(("Nurlaela", "PER")) == 2
    assert ("DP3A Kabupaten Sigi", "ORG") in found and ("DP3A", "ORG") not in found
    assert ("Kabupaten Sigi", "LOC") in found
    assert ("Mohamad Irwan", "PER") in found            # "Baca Juga" people still get PER
    assert doc.fields["officials"] == [{"name": "Nurlaela",
                                        "position": "Kepala DP3A Kabupaten Sigi"}]
    validate_doc(doc.as_json(), "draft:1")               # the nestings are the allowed ones


def test_a_position_holds_its_region_and_whole_words_only_are_found() -> None:
    doc = doc_from_draft(_draft())
    assert ("Bupati Sigi", "JABATAN") in _surfaces(doc)
    text = "Bupati Sigi hadir di Sigiran."
    assert spans_from_mentions(text, {"JABATAN": ["Bupati Sigi"], "LOC": ["Sigi"]}) == [
        (0, 11, "JABATAN"), (7, 11, "LOC")]


def test_forbidden_cross_label_overlap_keeps_the_outer_span() -> None:
    text = "Pemkab Sigi Maju"
    spans = spans_from_mentions(text, {"PER": ["Sigi Maju"], "ORG": ["Pemkab Sigi"]})
    assert spans == [(0, 11, "ORG")]


def _write_drafts(folder: Path, rows: list[dict[str, object]], name: str = "part_x.jsonl") -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                               encoding="utf-8")


def test_build_drafts_writes_then_reports_unchanged(tmp_path: Path) -> None:
    drafts, out = tmp_path / "draft", tmp_path / "dokumen.jsonl"
    _write_drafts(drafts, [_draft(), _draft(id="d_002", text=DRAFT_TEXT + " Lagi.")])
    first = build_from_drafts(drafts, out)
    assert (len(first.added), first.written) == (2, True)
    second = build_from_drafts(drafts, out)
    assert (second.unchanged, second.written) == (["d_001", "d_002"], False)
    assert [d.id for d in load_annotations(out)] == ["d_001", "d_002"]


def test_build_drafts_keeps_documents_that_no_draft_names(tmp_path: Path) -> None:
    drafts, out = tmp_path / "draft", tmp_path / "dokumen.jsonl"
    out.write_text(json.dumps({"id": "imported_1", "text": "Teks dari Label Studio.",
                               "label": []}) + "\n", encoding="utf-8")
    _write_drafts(drafts, [_draft()])
    build_from_drafts(drafts, out)
    assert [d.id for d in load_annotations(out)] == ["imported_1", "d_001"]


def test_a_draft_file_with_a_bad_mention_merges_nothing(tmp_path: Path) -> None:
    drafts, out = tmp_path / "draft", tmp_path / "dokumen.jsonl"
    bad = _draft(id="d_009", mentions={"PER": ["Nurlaila"]})   # misspelt: not in the text
    _write_drafts(drafts, [_draft(), bad])
    summary = build_from_drafts(drafts, out)
    errors = summary.rejected[str(drafts / "part_x.jsonl")]
    assert errors == [f"{drafts / 'part_x.jsonl'}:2: PER mention 'Nurlaila' does not occur "
                      "in the text"]
    assert not out.exists() and not summary.added


def test_a_draft_with_an_unknown_label_is_named(tmp_path: Path) -> None:
    drafts, out = tmp_path / "draft", tmp_path / "dokumen.jsonl"
    _write_drafts(drafts, [_draft(mentions={"NAMA": ["Nurlaela"]})])
    summary = build_from_drafts(drafts, out)
    [errors] = summary.rejected.values()
    assert errors[0].startswith(f"{drafts / 'part_x.jsonl'}:1:") and "'NAMA'" in errors[0]


def test_no_draft_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AnnotationError, match="no draft files"):
        build_from_drafts(tmp_path, tmp_path / "dokumen.jsonl")


def test_every_team_draft_is_in_the_corpus(tmp_path: Path) -> None:
    copy = tmp_path / "dokumen.jsonl"
    copy.write_bytes((ROOT / "anotasi" / "dokumen.jsonl").read_bytes())
    summary = build_from_drafts(ROOT / "anotasi" / "draft", copy)
    assert not summary.rejected and not summary.added
