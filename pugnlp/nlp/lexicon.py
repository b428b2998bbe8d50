"""Word lists that tell a person's name from an ordinary capitalised word.

Built from the public corpora in ``shared/data`` (see ``pugnlp/data/lexicon/SOURCE.md``):
``names.txt`` holds tokens seen inside PER spans more often than as ordinary lowercase words;
``common.txt`` holds words seen lowercase in running text (so "Pusat", "Daerah", "Kesetaraan"
are not names even when capitalised). Rebuild with ``python -m pugnlp.nlp.lexicon SHARED_DATA``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pugnlp.ioutil import atomic_write_text

LEXICON_DIR = Path(str(resources.files("pugnlp") / "data" / "lexicon"))

MIN_LOWER = 2
"""A word seen lowercase at least this often is a common word (unless names dominate)."""

_WORD = re.compile(r"^[A-Za-z][a-z'\-]+$")

# (folder, file glob, token column, tag column, separator) of the NER sets used for names.
_NER_SETS: tuple[tuple[str, str, int, int, str | None], ...] = (
    ("idner-news-2k", "train.txt", 0, 2, " "),
    ("idner-news-2k", "dev.txt", 0, 2, " "),
    ("indolem-nerui", "nergithub.txt", 0, 1, "\t"),
    ("indolem-nerugm", "nerugm.txt", 0, 1, "\t"),
    ("indonlu-nergrit", "train_preprocess.txt", 0, 1, "\t"),
)
_UD_SETS: tuple[tuple[str, str], ...] = (
    ("ud-indonesian-csui", "id_csui-ud-train.conllu"),
    ("ud-indonesian-gsd", "id_gsd-ud-dev.conllu"),
    ("ud-indonesian-pud", "id_pud-ud-test.conllu"),
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    names: frozenset[str]
    common: frozenset[str]

    def is_name_word(self, word: str) -> bool:
        """True when a capitalised word is more likely part of a person's name than a word."""
        low = word.lower()
        if low in self.names:
            return True
        return low not in self.common


def _iter_ner(path: Path, tok_col: int, tag_col: int, sep: str | None) -> Iterator[tuple[str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(sep)
        if len(parts) > max(tok_col, tag_col):
            yield parts[tok_col], parts[tag_col]


def build_lexicon(shared_data: Path) -> Lexicon:
    """Count name tokens and lowercase words in the public corpora."""
    in_person: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for folder, name, tok_col, tag_col, sep in _NER_SETS:
        for token, tag in _iter_ner(shared_data / folder / name, tok_col, tag_col, sep):
            if not _WORD.match(token):
                continue
            if tag.endswith(("PER", "PERSON")) and token[0].isupper():
                in_person[token.lower()] += 1
            elif token.islower():
                lower[token] += 1
    for folder, name in _UD_SETS:
        for line in (shared_data / folder / name).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 3 and cols[0].isdigit() and _WORD.match(cols[1]):
                if cols[1].islower():
                    lower[cols[1]] += 1
    names = {w for w, n in in_person.items() if n >= 1 and n >= lower.get(w, 0)}
    common = {w for w, n in lower.items() if n >= MIN_LOWER and w not in names}
    return Lexicon(frozenset(names), frozenset(common))


def save_lexicon(lexicon: Lexicon, folder: Path = LEXICON_DIR) -> None:
    atomic_write_text(folder / "names.txt", "\n".join(sorted(lexicon.names)) + "\n")
    atomic_write_text(folder / "common.txt", "\n".join(sorted(lexicon.common)) + "\n")


@lru_cache(maxsize=2)
def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    """Read the shipped word lists (once per process)."""
    def read(name: str) -> frozenset[str]:
        path = folder / name
        return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)

    return Lexicon(read("names.txt"), read("common.txt"))


if __name__ == "__main__":  # pragma: no cover - maintenance command
    save_lexicon(build_lexicon(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")))
