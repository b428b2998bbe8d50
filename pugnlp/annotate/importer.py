"""Merge corrected annotation files (Label Studio, doccano) into ``anotasi/dokumen.jsonl``.

Every document of a file is validated with :func:`pugnlp.annotations.validate_doc`; a file
with any error merges nothing (its errors name the file, the line or task, and the span). The
documents of a good file are matched to the corpus by id, then by a hash of their text (the
same text under a new id keeps its old id, and so its split):

- a known document is replaced (its spans by the file's, its fields updated by the file's);
- a new one is appended (with the file's id, or ``doc_<text hash>`` when the tool's own
  task number is all the file has);
- a document is never duplicated, and nothing that the file does not mention is touched.

The corpus is written once, atomically, and only when something changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pugnlp.annotate.readers import read_export
from pugnlp.annotations import AnnotatedDoc, load_annotations, validate_doc
from pugnlp.errors import AnnotationError

DEFAULT_CORPUS = Path("anotasi/dokumen.jsonl")
MAX_ERRORS_SHOWN = 20


def text_key(text: str) -> str:
    """SHA-1 of a document's text: finds the same text under another id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def new_doc_id(text: str) -> str:
    """The id of a new document whose file gives none (only a tool's task number)."""
    return "doc_" + text_key(text)[:12]


@dataclass(slots=True)
class ImportSummary:
    """What an import did, per outcome (document ids), plus skipped tasks and rejected files."""

    into: Path
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    matched_by_text: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: dict[str, list[str]] = field(default_factory=dict)
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def text(self) -> str:
        if self.written:
            done = "written"
        else:
            done = "not written: check only" if self.changed else "nothing changed"
        lines = [f"{self.into}: added {len(self.added)}, replaced {len(self.replaced)}, "
                 f"unchanged {len(self.unchanged)} ({done})"]
        for given, kept in self.matched_by_text:
            lines.append(f"  same text as {kept!r}: file id {given!r} -> kept id {kept!r}")
        if self.skipped:
            lines.append(f"  skipped {len(self.skipped)} task(s) without a submitted annotation")
        for path, errors in self.rejected.items():
            lines.append(f"  REJECTED {path}: {len(errors)} error(s), nothing merged from it")
            lines += [f"    {e}" for e in errors[:MAX_ERRORS_SHOWN]]
            if len(errors) > MAX_ERRORS_SHOWN:
                lines.append(f"    ... and {len(errors) - MAX_ERRORS_SHOWN} more")
        return "\n".join(lines)


class CorpusIndex:
    """The corpus documents in order, indexed by id and by text hash."""

    def __init__(self, docs: Iterable[AnnotatedDoc]) -> None:
        self.docs: list[AnnotatedDoc] = list(docs)
        self.by_id = {d.id: i for i, d in enumerate(self.docs)}
        self.by_text = {text_key(d.text): i for i, d in enumerate(self.docs)}

    def copy(self) -> CorpusIndex:
        return CorpusIndex(self.docs)

    def put(self, doc: AnnotatedDoc, has_id: bool, where: str,
            touched: dict[int, str]) -> tuple[str, str]:
        """Add or replace one document; returns (outcome, id kept in the corpus).

        Raises:
            AnnotationError: the id holds another text, or the file has the document twice.
        """
        key = text_key(doc.text)
        if has_id and doc.id in self.by_id:
            index = self.by_id[doc.id]
            if text_key(self.docs[index].text) != key:
                raise AnnotationError(
                    f"{where}: id {doc.id!r} is already in the corpus with a different text "
                    "(offsets would not fit); give the document a new id, or export the corpus "
                    "document with `pugnlp annotate export --gold` and correct that")
        elif key in self.by_text:
            index = self.by_text[key]
        else:
            index = len(self.docs)
            self.docs.append(doc)
            self.by_id[doc.id] = index
            self.by_text[key] = index
            touched[index] = where
            return "added", doc.id
        if index in touched:
            raise AnnotationError(f"{where}: the same document as {touched[index]} "
                                  f"(id {self.docs[index].id!r}) is in the file twice")
        touched[index] = where
        old = self.docs[index]
        merged = AnnotatedDoc(old.id, doc.text, sorted(doc.spans), {**old.fields, **doc.fields})
        if merged.as_json() == old.as_json():
            return "unchanged", old.id
        self.docs[index] = merged
        return "replaced", old.id


def read_docs(path: Path) -> tuple[list[tuple[AnnotatedDoc, bool, str]], list[str], list[str]]:
    """Validated documents of one export file, with (has its own id, where) for each.

    Returns:
        (documents, errors, skipped): a file is good only when ``errors`` is empty.
    """
    try:
        read = read_export(path)
    except AnnotationError as exc:
        return [], [str(exc)], []
    docs: list[tuple[AnnotatedDoc, bool, str]] = []
    errors = list(read.errors)
    for item in read.rows:
        row = dict(item.row)
        has_id = row.get("id") is not None
        if not has_id:
            text = row.get("text")
            row["id"] = new_doc_id(text) if isinstance(text, str) else None
        try:
            docs.append((validate_doc(row, item.where), has_id, item.where))
        except AnnotationError as exc:
            errors.append(str(exc))
    return docs, errors, read.skipped


def import_files(files: list[Path], into: Path = DEFAULT_CORPUS,
                 check_only: bool = False) -> ImportSummary:
    """Validate ``files`` and merge the good ones into the corpus file ``into``.

    Args:
        files: Label Studio JSON / JSON-MIN or doccano JSONL exports (any mix).
        into: the corpus JSONL file (created when missing).
        check_only: validate and report, write nothing.

    Returns:
        The summary; files with errors are in ``rejected`` and merged nothing.

    Raises:
        AnnotationError: the corpus file itself is invalid (nothing is written then).
    """
    index = CorpusIndex(load_annotations(into) if into.exists() else [])
    summary = ImportSummary(into=into)
    for path in files:
        docs, errors, skipped = read_docs(path)
        index = _merge_file(index, str(path), docs, errors, summary)
        if str(path) not in summary.rejected:
            summary.skipped += skipped
    if summary.changed and not check_only:
        save_annotations(index.docs, into)
        summary.written = True
    return summary


def _merge_file(index: CorpusIndex, name: str, docs: list[tuple[AnnotatedDoc, bool, str]],
                errors: list[str], summary: ImportSummary) -> CorpusIndex:
    """Merge one file's documents into a copy of ``index``; keep the copy only if all is well."""
    trial = index.copy()
    outcomes: list[tuple[str, str, str, bool]] = []
    touched: dict[int, str] = {}
    for doc, has_id, where in docs:
        try:
            outcome, kept = trial.put(doc, has_id, where, touched)
        except AnnotationError as exc:
            errors.append(str(exc))
            continue
        outcomes.append((outcome, doc.id, kept, has_id))
    if errors:
        summary.rejected[name] = errors
        return index
    for outcome, given, kept, has_id in outcomes:
        getattr(summary, outcome).append(kept)
        if has_id and given != kept:
            summary.matched_by_text.append((given, kept))
    return trial


def build_from_drafts(draft_dir: Path, into: Path = DEFAULT_CORPUS) -> ImportSummary:
    """Turn team-written drafts (``anotasi/draft/*.jsonl``) into corpus documents and merge them.

    Spans are found from each draft's mention lists (:func:`doc_from_draft`); a draft file
    with any error merges nothing. Documents already in ``into`` that no draft names are kept.

    Raises:
        AnnotationError: no draft files, or the corpus file itself is invalid.
    """
    from pugnlp.annotations import doc_from_draft

    files = sorted(draft_dir.glob("*.jsonl")) if draft_dir.is_dir() else [draft_dir]
    if not files or not all(f.is_file() for f in files):
        raise AnnotationError(f"{draft_dir}: no draft files (*.jsonl)")
    index = CorpusIndex(load_annotations(into) if into.exists() else [])
    summary = ImportSummary(into=into)
    for path in files:
        docs: list[tuple[AnnotatedDoc, bool, str]] = []
        errors: list[str] = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                draft = json.loads(line)
                if not isinstance(draft, dict) or not isinstance(draft.get("text"), str) \
                        or "id" not in draft:
                    raise AnnotationError(f"{where}: a draft needs `id` and `text`")
                _check_mentions(draft, where)
                doc = validate_doc(doc_from_draft(draft).as_json(), where)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: not JSON ({exc.msg})")
            except AnnotationError as exc:
                message = str(exc)
                errors.append(message if message.startswith(where) else f"{where}: {message}")
            else:
                docs.append((doc, True, where))
        index = _merge_file(index, str(path), docs, errors, summary)
    if summary.changed:
        save_annotations(index.docs, into)
        summary.written = True
    return summary


def _check_mentions(draft: dict[str, object], where: str) -> None:
    """Every mention string must occur verbatim in the text (anotasi/DRAFT_FORMAT.md)."""
    mentions = draft.get("mentions") or {}
    if not isinstance(mentions, dict):
        raise AnnotationError(f"{where}: `mentions` must map a label to a list of strings")
    text = str(draft["text"])
    for label, strings in mentions.items():
        for surface in strings if isinstance(strings, list) else [strings]:
            if not isinstance(surface, str) or not surface or surface not in text:
                raise AnnotationError(f"{where}: {label} mention {surface!r} does not occur "
                                      "in the text")


def save_annotations(docs: Iterable[AnnotatedDoc], path: Path) -> None:
    """Write documents as the corpus JSONL, atomically (one line per document)."""
    from pugnlp.ioutil import atomic_write_text

    atomic_write_text(path, "".join(json.dumps(d.as_json(), ensure_ascii=False) + "\n"
                                    for d in docs))
