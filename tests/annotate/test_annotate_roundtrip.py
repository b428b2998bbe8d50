"""Export -> the tool (corrections) -> its export -> import, for Label Studio and doccano."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pugnlp.annotate.importer import import_files, save_annotations
from pugnlp.annotate.tasks import tasks_from_docs, tasks_from_records
from pugnlp.annotations import AnnotatedDoc, load_annotations
from pugnlp.article.html import text_to_article
from pugnlp.events.loader import extract_articles
from pugnlp.schema import EventRecord

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = {
    "palu_01": """Pemkot Palu Gelar Bimtek Penyusunan Anggaran Responsif Gender

PALU – Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Palu menggelar bimbingan \
teknis penyusunan anggaran responsif gender di Aula Bappeda Kota Palu, Rabu (6/3/2024). \
Kegiatan dibuka Asisten II Setda Kota Palu Irmayanti Pettalolo dan diikuti 45 perencana.

Kepala DP3A Kota Palu, Dr. Hj. Sitti Norma, M.Si, berharap setiap OPD menyusun GAP dan GBS. 🙏
""",
    "donggala_02": """Bupati Donggala Resmikan Pasar Rakyat di Banawa

DONGGALA – Bupati Donggala Kasman Lassa meresmikan Pasar Rakyat Banawa, Senin (4/3/2024). \
Pasar itu dibangun dengan dana alokasi khusus tahun lalu.
""",
}


@pytest.fixture(scope="module")
def records(rules_nlp) -> list[EventRecord]:  # noqa: ANN001
    articles = [text_to_article(text, doc_id) for doc_id, text in ARTICLES.items()]
    return list(extract_articles(rules_nlp, articles))


def _surfaces(doc: AnnotatedDoc) -> set[tuple[str, str]]:
    return {(doc.text[s:e], label) for s, e, label in doc.spans}


def _region(text: str, surface: str, label: str) -> tuple[int, int, str]:
    start = text.index(surface)
    return start, start + len(surface), label


def test_labelstudio_round_trip(records: list[EventRecord], labelstudio_cycle: Callable[..., Path],
                                tmp_path: Path) -> None:
    tasks = tasks_from_records(records, "labelstudio", "pugnlp test")
    palu_text = records[0].text
    irma = _region(palu_text, "Irmayanti Pettalolo", "PER")
    after_emoji = len(palu_text[:palu_text.index("🙏")].encode("utf-16-le")) // 2

    def correct(n: int, result: list[dict[str, Any]]) -> None:
        if n == 0:   # drop the DATE, make sure a PER is there; the annotator works in UTF-16
            result[:] = [r for r in result if r.get("value", {}).get("labels") != ["DATE"]]
            if not any(r.get("value", {}).get("text") == "Irmayanti Pettalolo" for r in result):
                result.append({"id": "new1", "from_name": "label", "to_name": "text",
                               "type": "labels", "origin": "manual",
                               "value": {"start": irma[0], "end": irma[1],
                                         "text": "Irmayanti Pettalolo", "labels": ["PER"]}})
            result.append({"id": "new2", "from_name": "label", "to_name": "text",
                           "type": "labels", "origin": "manual",
                           "value": {"start": after_emoji, "end": after_emoji + 2, "text": "🙏",
                                     "labels": ["LOC"]}})
        else:        # the distractor: not a PUG activity
            for r in result:
                if r["from_name"] == "relevant":
                    r["value"]["choices"] = ["not_relevant"]
            result[:] = [r for r in result if r["from_name"] != "event_type"]

    export = labelstudio_cycle(tasks, correct)
    corpus = tmp_path / "dokumen.jsonl"
    summary = import_files([export], corpus)
    assert summary.added == ["palu_01", "donggala_02"] and not summary.rejected
    palu, donggala = load_annotations(corpus)
    assert palu.text == records[0].text
    expected = {(s, lab) for s, lab in {(r["value"]["text"], r["value"]["labels"][0])
                                        for r in tasks[0]["predictions"][0]["result"]
                                        if r["type"] == "labels"} if lab != "DATE"}
    assert _surfaces(palu) == expected | {("Irmayanti Pettalolo", "PER"), ("🙏", "LOC")}
    assert palu.fields["relevant"] is True and palu.fields["kab_kota"] == records[0].kab_kota
    assert donggala.fields["relevant"] is False and donggala.fields["event_type"] is None

    again = import_files([export], corpus)                  # the same export twice: no change
    assert len(again.unchanged) == 2 and len(load_annotations(corpus)) == 2


def test_doccano_round_trip(records: list[EventRecord], doccano_cycle: Callable[..., Path],
                            tmp_path: Path) -> None:
    rows = tasks_from_records(records, "doccano")
    donggala_text = records[1].text
    kasman = list(_region(donggala_text, "Kasman Lassa", "PER"))

    def correct(n: int, spans: list[list[Any]]) -> None:
        if n == 1:
            spans[:] = [s for s in spans if s != kasman] + [kasman]

    export = doccano_cycle(rows, correct)
    corpus = tmp_path / "dokumen.jsonl"
    summary = import_files([export], corpus)
    assert summary.added == ["palu_01", "donggala_02"]
    docs = {d.id: d for d in load_annotations(corpus)}
    assert ("Kasman Lassa", "PER") in _surfaces(docs["donggala_02"])
    assert docs["palu_01"].spans == sorted(tuple(s) for s in rows[0]["label"])
    assert docs["palu_01"].fields["officials"] == rows[0]["officials"]


@pytest.mark.parametrize("tool", ["labelstudio", "doccano"])
def test_corpus_documents_survive_a_review_unchanged(tool: str, tmp_path: Path,
                                                     labelstudio_cycle: Callable[..., Path],
                                                     doccano_cycle: Callable[..., Path]) -> None:
    docs = load_annotations(ROOT / "anotasi" / "dokumen.jsonl")[::20]
    corpus = tmp_path / "dokumen.jsonl"
    save_annotations(docs, corpus)
    before = corpus.read_bytes()
    tasks = tasks_from_docs(docs, tool)
    export = labelstudio_cycle(tasks) if tool == "labelstudio" else doccano_cycle(tasks)
    summary = import_files([export], corpus)
    assert len(summary.unchanged) == len(docs) and not summary.rejected
    assert corpus.read_bytes() == before
