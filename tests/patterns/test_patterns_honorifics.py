"""pugnlp.patterns.honorifics: words before a name and academic titles after it."""

from __future__ import annotations

import pytest

from pugnlp.patterns.honorifics import KEEP_IN_NAME, fold, is_honorific, is_title


@pytest.mark.parametrize("token, folded", [
    ("S.Kom", "skom"), ("M.Si.", "msi"), ("Hj.", "hj"), ("S.E.,", "se"), ("Sp.OG", "spog"),
])
def test_fold_lowercases_and_drops_punctuation(token: str, folded: str) -> None:
    assert fold(token) == folded


@pytest.mark.parametrize("token", ["Bapak", "Ibu", "H.", "Hj.", "Drs.", "dr.", "Ir.", "Prof.", "Sdr."])
def test_is_honorific_accepts_words_before_a_name(token: str) -> None:
    assert is_honorific(token)


@pytest.mark.parametrize("token", ["Sutrisno", "Kepala", "Kota", "H", "bapaknya"])
def test_is_honorific_rejects_names_and_single_letters(token: str) -> None:
    assert not is_honorific(token)


@pytest.mark.parametrize("token", ["S.Kom", "M.Si", "M.M", "S.E", "SE", "MM", "M.AP", "S.Sos.",
                                   "Sp.OG", "A.Md", "M.Kes", "Ph.D"])
def test_is_title_accepts_academic_titles(token: str) -> None:
    assert is_title(token)


@pytest.mark.parametrize("token", ["se", "mm", "Sutrisno", "Kepala", "Banjarbaru", "Made"])
def test_is_title_rejects_words_and_lowercase_lookalikes(token: str) -> None:
    assert not is_title(token)


def test_noble_titles_are_kept_in_names() -> None:
    assert {"andi", "tengku", "daeng"} <= KEEP_IN_NAME
    assert "hj" not in KEEP_IN_NAME and "bapak" not in KEEP_IN_NAME
