"""Importing tool exports: hand-written Label Studio / doccano files, errors, merge rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pugnlp.annotate.importer import import_files, new_doc_id, save_annotations
from pugnlp.annotate.readers import read_export
from pugnlp.annotations import AnnotatedDoc, load_annotations


def _load(path: Path) -> dict[str, AnnotatedDoc]:
    return {d.id: d for d in load_annotations(path)}


def _surfaces(doc: AnnotatedDoc) -> list[tuple[str, str]]:
    return [(doc.text[s:e], label) for s, e, label in doc.spans]


# -- the tools' files as they export them ------------------------------------------------


def test_labelstudio_json_export(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    summary = import_files([fixtures / "labelstudio_export.json"], corpus)
    assert summary.added == ["ls_001", "ls_002"] and summary.written
    assert summary.skipped == [f"{fixtures / 'labelstudio_export.json'}: task #3 (id 43): "
                               "no submitted annotation"]
    docs = _load(corpus)
    gumas = docs["ls_001"]
    found = _surfaces(gumas)
    # offsets after the emoji were UTF-16 in the file; here they are characters again
    assert ("Richard Nyahu", "PER") in found and ("Sri Wahyuni", "PER") in found
    assert ("Aula Bappeda Gumas", "VENUE") in found and ("Bappeda Gumas", "ORG") in found
    assert len(found) == 17       # the cancelled annotation (one span) was not taken
    assert gumas.fields["relevant"] is True and gumas.fields["event_type"] == "bimtek_pelatihan"
    assert gumas.fields["participants"] == 40 and gumas.fields["event_date"] == "2024-03-12"
    assert gumas.fields["officials"][0] == {"name": "Richard Nyahu", "position": "Sekda Gumas"}
    assert gumas.fields["categories"] == [] and gumas.fields["event_date_end"] is None
    sigi = docs["ls_002"]
    assert sigi.fields["relevant"] is False and sigi.fields["event_type"] is None


def test_labelstudio_json_min_export_reads_the_same(fixtures: Path, tmp_path: Path) -> None:
    full, mini = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    import_files([fixtures / "labelstudio_export.json"], full)
    import_files([fixtures / "labelstudio_export_min.json"], mini)
    assert _load(mini)["ls_001"].as_json() == _load(full)["ls_001"].as_json()


def test_doccano_export_both_span_forms(fixtures: Path, tmp_path: Path) -> None:
    tuples, dicts = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    summary = import_files([fixtures / "doccano_export.jsonl"], tuples)
    konawe_id = new_doc_id(json.loads((fixtures / "doccano_export.jsonl").read_text(
        encoding="utf-8").splitlines()[1])["text"])
    assert summary.added == ["dc_001", konawe_id]      # no doc_id: named by its text
    import_files([fixtures / "doccano_relation_export.jsonl"], dicts)
    assert _load(dicts)["dc_001"].as_json() == _load(tuples)["dc_001"].as_json()
    konawe = _load(tuples)[konawe_id]
    assert konawe.fields["participants"] == 30 and ("UNAAHA", "LOC") in _surfaces(konawe)


def test_doccano_categories_give_relevance_and_event_type(tmp_path: Path) -> None:
    export = tmp_path / "intent.jsonl"
    export.write_text(json.dumps({"id": 4, "text": "Rakor PUG di Kota Palu.", "doc_id": "p1",
                                  "cats": ["relevant", "rapat_koordinasi"],
                                  "entities": [[13, 22, "LOC"]], "Comments": []}) + "\n",
                      encoding="utf-8")
    import_files([export], tmp_path / "dokumen.jsonl")
    doc = _load(tmp_path / "dokumen.jsonl")["p1"]
    assert (doc.fields["relevant"], doc.fields["event_type"]) == (True, "rapat_koordinasi")
    assert doc.spans == [(13, 22, "LOC")]


def test_selection_white_space_is_trimmed(tmp_path: Path) -> None:
    export = tmp_path / "d.jsonl"
    export.write_text(json.dumps({"id": 1, "text": "Di  Kota Palu  kemarin.", "doc_id": "w",
                                  "label": [[3, 14, "LOC"]]}) + "\n", encoding="utf-8")
    import_files([export], tmp_path / "dokumen.jsonl")
    assert _load(tmp_path / "dokumen.jsonl")["w"].spans == [(4, 13, "LOC")]


# -- errors: named, and nothing merged --------------------------------------------------


def _bad_labelstudio(fixtures: Path, tmp_path: Path) -> Path:
    tasks = json.loads((fixtures / "labelstudio_export.json").read_text(encoding="utf-8"))
    tasks[1]["annotations"][0]["result"][5]["value"]["labels"] = ["PERSON"]
    path = tmp_path / "ls_bad.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_bad_document_merges_nothing(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    import_files([fixtures / "doccano_export.jsonl"], corpus)
    before = corpus.read_bytes()
    bad = _bad_labelstudio(fixtures, tmp_path)
    summary = import_files([bad], corpus)
    assert corpus.read_bytes() == before and not summary.added and not summary.written
    [errors] = summary.rejected.values()
    assert errors == [f"{bad}: task #2 (id 42): span [63, 76, 'PERSON'] has unknown label "
                      "'PERSON' (known: PER, JABATAN, ORG, LOC, VENUE, DATE)"]
    assert "REJECTED" in summary.text() and "nothing merged" in summary.text()


@pytest.mark.parametrize("line, message", [
    ({"label": [[0, 400, "LOC"]]}, "span [0, 400, 'LOC'] is outside the text"),
    ({"label": [[0, 5, "ORG"], [0, 5, "PER"]]}, "overlap in a way the guidelines do not allow"),
    ({"relevant": True, "event_type": None}, "relevant document without an event_type"),
    ({"event_type": "rapat"}, "unknown event_type 'rapat'"),
    ({"label": [[0, 5]]}, "span [0, 5] is not [start, end, label]"),
])
def test_doccano_errors_name_file_line_and_span(tmp_path: Path, line: dict[str, Any],
                                                message: str) -> None:
    good = {"id": 1, "text": "Rakor PUG di Kota Palu.", "doc_id": "p1", "label": []}
    bad = {**good, "id": 2, "doc_id": "p2", "text": "Sosialisasi PUG di Donggala.", **line}
    export = tmp_path / "koreksi.jsonl"
    export.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    summary = import_files([export], tmp_path / "dokumen.jsonl")
    [errors] = summary.rejected.values()
    assert errors[0].startswith(f"{export}:2: ") and message in errors[0]
    assert not (tmp_path / "dokumen.jsonl").exists()


def test_labelstudio_span_whose_text_does_not_match_is_an_error(fixtures: Path,
                                                                tmp_path: Path) -> None:
    tasks = json.loads((fixtures / "labelstudio_export.json").read_text(encoding="utf-8"))
    tasks[1]["data"]["text"] = tasks[1]["data"]["text"].replace("Mohamad", "Moh.")
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    [errors] = import_files([path], tmp_path / "dokumen.jsonl").rejected.values()
    assert any("task #2 (id 42): span [63, 76, 'PER'] says 'Mohamad Irwan'" in e for e in errors)


def test_bad_dates_and_counts_in_event_fields(fixtures: Path, tmp_path: Path) -> None:
    tasks = json.loads((fixtures / "labelstudio_export.json").read_text(encoding="utf-8"))
    result = tasks[0]["annotations"][1]["result"]
    next(r for r in result if r["from_name"] == "event_date")["value"]["text"] = ["12/3/2024"]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    [errors] = import_files([path], tmp_path / "dokumen.jsonl").rejected.values()
    assert errors == [f"{path}: task #1 (id 41): event_date must be a date YYYY-MM-DD, "
                      "got '12/3/2024'"]


def test_not_json_and_empty_files(tmp_path: Path) -> None:
    broken, empty = tmp_path / "a.json", tmp_path / "b.jsonl"
    broken.write_text("[{\"id\": 1,", encoding="utf-8")
    empty.write_text("\n", encoding="utf-8")
    summary = import_files([broken, empty], tmp_path / "dokumen.jsonl")
    assert "not JSON" in summary.rejected[str(broken)][0]
    assert summary.rejected[str(empty)] == [f"{empty}: empty file"]


def test_good_files_merge_and_bad_files_do_not(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    bad = _bad_labelstudio(fixtures, tmp_path)
    summary = import_files([bad, fixtures / "doccano_export.jsonl"], corpus)
    assert list(summary.rejected) == [str(bad)] and len(summary.added) == 2
    assert set(_load(corpus)) == {"dc_001", summary.added[1]}


def test_check_only_writes_nothing(fixtures: Path, tmp_path: Path) -> None:
    summary = import_files([fixtures / "doccano_export.jsonl"], tmp_path / "d.jsonl",
                           check_only=True)
    assert len(summary.added) == 2 and not summary.written
    assert not (tmp_path / "d.jsonl").exists() and "check only" in summary.text()


# -- merge rules ---------------------------------------------------------------------------


def test_corrected_document_replaces_the_old_one(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    import_files([fixtures / "doccano_export.jsonl"], corpus)
    rows = [json.loads(x) for x in
            (fixtures / "doccano_export.jsonl").read_text(encoding="utf-8").splitlines()]
    rows[0]["label"] = [s for s in rows[0]["label"] if s[2] != "DATE"]    # a correction
    rows[0]["kab_kota"] = "Kota Kendari"
    again = tmp_path / "again.jsonl"
    again.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                     encoding="utf-8")
    summary = import_files([again], corpus)
    assert summary.replaced == ["dc_001"] and len(summary.unchanged) == 1 and not summary.added
    docs = load_annotations(corpus)
    assert len(docs) == 2 and docs[0].id == "dc_001"                  # in place, once
    assert "DATE" not in {label for _, _, label in docs[0].spans}
    repeat = import_files([again], corpus)
    assert len(repeat.unchanged) == 2 and not repeat.written


def test_same_text_under_a_new_id_keeps_the_old_id(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    import_files([fixtures / "doccano_export.jsonl"], corpus)
    row = json.loads((fixtures / "doccano_export.jsonl").read_text(encoding="utf-8")
                     .splitlines()[0])
    row["doc_id"] = "kendari_baru"
    row["label"] = row["label"][:3]
    export = tmp_path / "renamed.jsonl"
    export.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = import_files([export], corpus)
    assert summary.replaced == ["dc_001"]
    assert summary.matched_by_text == [("kendari_baru", "dc_001")]
    assert [d.id for d in load_annotations(corpus)].count("dc_001") == 1
    assert len(load_annotations(corpus)) == 2


def test_known_id_with_another_text_is_refused(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    save_annotations([AnnotatedDoc("dc_001", "Teks lama yang lain.", [], {})], corpus)
    before = corpus.read_bytes()
    summary = import_files([fixtures / "doccano_export.jsonl"], corpus)
    [errors] = summary.rejected.values()
    assert "id 'dc_001' is already in the corpus with a different text" in errors[0]
    assert corpus.read_bytes() == before


def test_same_document_twice_in_one_file_is_refused(fixtures: Path, tmp_path: Path) -> None:
    line = (fixtures / "doccano_export.jsonl").read_text(encoding="utf-8").splitlines()[0]
    export = tmp_path / "twice.jsonl"
    export.write_text(f"{line}\n{line}\n", encoding="utf-8")
    summary = import_files([export], tmp_path / "dokumen.jsonl")
    [errors] = summary.rejected.values()
    assert errors == [f"{export}:2: the same document as {export}:1 (id 'dc_001') is in the "
                      "file twice"]


def test_fields_the_file_leaves_out_are_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "dokumen.jsonl"
    text = "Rakor PUG di Kota Palu."
    save_annotations([AnnotatedDoc("p1", text, [], {"relevant": True,
                                                     "event_type": "rapat_koordinasi",
                                                     "kab_kota": "Kota Palu"})], corpus)
    export = tmp_path / "spans_only.jsonl"
    export.write_text(json.dumps({"id": 9, "text": text, "label": [[13, 22, "LOC"]]}) + "\n",
                      encoding="utf-8")
    summary = import_files([export], corpus)
    [doc] = load_annotations(corpus)
    assert summary.replaced == ["p1"] and doc.spans == [(13, 22, "LOC")]
    assert doc.fields == {"relevant": True, "event_type": "rapat_koordinasi",
                          "kab_kota": "Kota Palu"}


def test_read_export_reports_rows_and_skips(fixtures: Path) -> None:
    read = read_export(fixtures / "labelstudio_export.json")
    assert [r.row["id"] for r in read.rows] == ["ls_001", "ls_002"] and len(read.skipped) == 1
    assert read.rows[0].where.endswith("task #1 (id 41)") and not read.errors


def test_a_single_pretty_printed_labelstudio_task(fixtures: Path, tmp_path: Path) -> None:
    task = json.loads((fixtures / "labelstudio_export.json").read_text(encoding="utf-8"))[1]
    path = tmp_path / "task.json"
    path.write_text(json.dumps(task, indent=2, ensure_ascii=False), encoding="utf-8")
    summary = import_files([path], tmp_path / "dokumen.jsonl")
    assert summary.added == ["ls_002"] and not summary.rejected
