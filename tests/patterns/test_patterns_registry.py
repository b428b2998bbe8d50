"""The pattern registry is the only home of domain word lists and patterns (STYLE.md §4).

A word list (a set, frozenset, tuple or list literal, or a ``"... ...".split()``, holding at
least :data:`MIN_WORDS` word-like strings) or a module-level compiled regex holding domain
words found in ``pugnlp/`` outside ``pugnlp/patterns/`` fails this test, unless the
:data:`ALLOWED` list names it with the reason it is not domain knowledge.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pugnlp

PACKAGE = Path(pugnlp.__file__).parent
MIN_WORDS = 4
"""A literal with this many word-like strings is a word list."""
MIN_REGEX_WORDS = 2
"""A compiled pattern with this many literal words (3+ letters) matches domain words."""
_REGEX_NOISE = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\{\d*,?\d*\}")
_REGEX_WORD = re.compile(r"[A-Za-z]{3,}")
_COMPOSERS = frozenset({"words", "alt"})
"""Helpers of ``pugnlp.patterns._util``: a regex built with them is built from a word list."""

ALLOWED: dict[str, str] = {
    # the record contract: schema.py owns these (STYLE.md §6 rule 3)
    "schema.py:EVENT_TYPES": "event-type codes of the record schema (the contract)",
    "schema.py:APE_CATEGORIES": "APE categories of the record schema (the contract)",
    # field, column, table and file names
    "annotations.py:LABELS": "entity label names of the annotation format",
    "annotations.py:DOC_FIELDS": "event field names of the annotation format",
    "__init__.py:__all__": "the public API's names",
    "corpus/collect.py:OUTCOMES": "outcome names of a crawl (report columns)",
    "corpus/store.py:_ARTICLE_FIELDS": "column names of the store's articles table",
    "dataset/frame.py:row": "column names of the mentions table",
    "dataset/partition.py:KEY_COLUMNS": "column names of the distributed build's record keys",
    "dataset/tables.py:DTYPES": "column type names",
    "dataset/tables.py:TABLE_ORDER": "table names of the dataset",
    "corpus/extractions.py:HASHED_FIELDS": "Article field names hashed for incremental runs",
    "events/version.py:CODE_PARTS": "package folders and files hashed into the pipeline version",
    "scoring.py:name": "record field names the scorer reads",
    "scoring.py:id": "gold-file id field names",
    "events/people.py:__slots__": "attribute names of a class",
    "sources/feeds.py:_DATE_TAGS": "feed entry field names",
    "sources/registry.py:COLUMNS": "column names of the source registry",
    "sources/registry.py:DISCOVERIES": "registry/CLI choices (discovery methods)",
    "nlp/stanza_ner.py:cmd": "command-line arguments of stanza's NER trainer",
    "fetch/errors.py:REASONS": "failure reasons of the HTTP stack (log and report labels)",
    # URL structure, not the language of the articles
    "sources/listing.py:NON_ARTICLE_SEGMENTS": "URL path segments of listing pages",
    "sources/listing.py:_FILE_SUFFIX": "file extensions of non-article links",
    "sources/listing.py:_SLUG": "shape of an article slug (.html/.php)",
    "sources/urls.py:TRACKING_PARAMS": "URL query parameters",
    "sources/urls.py:VARIANT_HOST_PREFIXES": "host name prefixes",
    "sources/urls.py:_AMP_PATH": "AMP variants of a URL path",
    # generated test data and display labels: nothing here reads an article
    "dataset/synthetic.py:_OPENINGS": "verbs of generated synthetic articles (test data)",
    "dataset/synthetic.py:_OUTLETS": "outlets of generated synthetic articles (test data)",
    "dataset/synthetic.py:_NAMES": "people of generated synthetic articles (test data)",
    "dataset/synthetic.py:_FILLER": "sentences of generated synthetic articles (test data)",
    "dataset/synthetic.py:Bappeda": "venues of generated synthetic articles (test data)",
    "report/labels.py:BULAN": "month names shown in the report (display)",
    "report/labels.py:BULAN_SINGKAT": "month abbreviations shown in the report (display)",
}
"""``path:name`` (the assigned name, or the literal's first string) -> why it is allowed."""


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    name: str
    kind: str

    @property
    def key(self) -> str:
        return f"{self.path}:{self.name}"


def _is_word(value: object) -> bool:
    if not isinstance(value, str):
        return False
    bare = value.rstrip(".").replace(" ", "").replace("-", "").replace("'", "")
    return len(bare) >= 2 and bare.isalpha()


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _assigned_name(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    cur: ast.AST | None = node
    while cur is not None and not isinstance(cur, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                     ast.ClassDef, ast.Module)):
        if isinstance(cur, (ast.Assign, ast.AnnAssign)):
            target = cur.targets[0] if isinstance(cur, ast.Assign) else cur.target
            if isinstance(target, ast.Name):
                return target.id
            if isinstance(target, ast.Attribute):
                return target.attr
        cur = parents.get(cur)
    return None


def _regex_words(call: ast.Call) -> int:
    """Literal words of a ``re.compile`` pattern (a composer call counts as many)."""
    if not call.args:
        return 0
    pattern = call.args[0]
    if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in _COMPOSERS
           for n in ast.walk(pattern)):
        return MIN_REGEX_WORDS
    text = _REGEX_NOISE.sub(" ", "".join(_strings(pattern)))
    return len(_REGEX_WORD.findall(text))


def _is_compile(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "compile" and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re")


def find_literals(source: str, path: str = "<string>") -> list[Finding]:
    """Word lists and domain regexes in ``source`` (the module at ``path``)."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: list[Finding] = []
    for node in ast.walk(tree):
        words: list[str] = []
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            words = [e.value for e in node.elts
                     if isinstance(e, ast.Constant) and _is_word(e.value)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "split" and isinstance(node.func.value, ast.Constant)
              and isinstance(node.func.value.value, str)):
            words = [w for w in node.func.value.value.split() if _is_word(w)]
        if len(words) >= MIN_WORDS:
            name = _assigned_name(node, parents) or words[0]
            found.append(Finding(path, node.lineno, name, "word list"))
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
        if value is not None and _is_compile(value) and _regex_words(value) >= MIN_REGEX_WORDS:
            name = _assigned_name(value, parents) or "?"
            found.append(Finding(path, stmt.lineno, name, "regex"))
    return sorted(found, key=lambda f: f.line)


def _package_findings() -> list[Finding]:
    found: list[Finding] = []
    for file in sorted(PACKAGE.rglob("*.py")):
        rel = file.relative_to(PACKAGE).as_posix()
        if rel.startswith("patterns/"):
            continue
        found.extend(find_literals(file.read_text(encoding="utf-8"), rel))
    return found


def test_no_word_lists_outside_patterns() -> None:
    stray = [f"{f.path}:{f.line} {f.kind} {f.name}" for f in _package_findings()
             if f.key not in ALLOWED]
    assert not stray, "domain words belong in pugnlp/patterns/ (or ALLOWED, with a reason):\n" \
        + "\n".join(stray)


def test_allowlist_has_no_stale_entries() -> None:
    keys = {f.key for f in _package_findings()}
    assert sorted(set(ALLOWED) - keys) == []


def test_checker_flags_a_planted_word_list() -> None:
    source = (
        'VENUES = frozenset({"aula", "gedung", "ruang", "hotel"})\n'
        'def f(word):\n'
        '    return word in ("camat", "lurah", "kades", "perbekel")\n'
        'ALSO = set(["dinas", "badan", "kantor", "biro"])\n'
        'SPLIT = "senin selasa rabu kamis".split()\n'
    )
    found = find_literals(source, "planted.py")
    assert [(f.line, f.name) for f in found] == [(1, "VENUES"), (3, "camat"), (4, "ALSO"),
                                                 (5, "SPLIT")]


def test_checker_flags_a_planted_domain_regex() -> None:
    source = (
        "import re\n"
        "from pugnlp.patterns._util import words\n"
        'HEAD = re.compile(r"\\b(?:Aula|Gedung|Hotel)\\b")\n'
        'BUILT = re.compile(r"(?:" + words(["x"]) + r")")\n'
        'SHAPE = re.compile(r"(?P<acr>[A-Z][A-Za-z0-9\\-]{1,14})\\s+\\w+")\n'
    )
    assert [f.name for f in find_literals(source)] == ["HEAD", "BUILT"]


def test_checker_ignores_short_and_non_word_literals() -> None:
    source = (
        'A = ("dan", "serta", "&")\n'
        'B = (".", ":", ";", "?", "!")\n'
        'C = (1, 2, 3, 4, 5)\n'
    )
    assert find_literals(source) == []
