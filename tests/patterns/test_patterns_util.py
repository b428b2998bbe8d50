"""pugnlp.patterns._util: alternations, literal word lists and the n-gram phrase table."""

from __future__ import annotations

import re

import pytest

from pugnlp.patterns._util import PhraseTable, alt, words


def test_alt_joins_fragments_and_drops_empty_ones() -> None:
    assert alt(["a", "", "b+"]) == "a|b+"


@pytest.mark.parametrize("items", [[], [""], ["", ""]])
def test_alt_refuses_an_empty_alternation(items: list[str]) -> None:
    with pytest.raises(ValueError):
        alt(items)


def test_words_prefers_the_longest_phrase_and_escapes_literals() -> None:
    pattern = re.compile(r"\b(?:" + words(["Aula", "Aula Bappeda", "Lt."]) + r")")
    assert pattern.match("Aula Bappeda Kota").group(0) == "Aula Bappeda"
    assert pattern.match("Lt. 2").group(0) == "Lt."
    assert pattern.match("Ltx 2") is None  # the dot is literal, not "any character"


def test_words_lets_a_space_match_any_run_of_whitespace() -> None:
    pattern = re.compile(words(["Ruang Rapat"]))
    assert pattern.fullmatch("Ruang   Rapat")
    assert pattern.fullmatch("Ruang\nRapat")
    assert not pattern.fullmatch("RuangRapat")


def test_words_refuses_an_empty_list() -> None:
    with pytest.raises(ValueError):
        words(["", ""])


TABLE = PhraseTable([("rapat", "r"), ("rapat koordinasi", "rk"), ("TOT", "tot"),
                     ("focal point", "fp")])


def test_phrase_table_finds_overlapping_ngrams_in_any_case() -> None:
    found = TABLE.matches("Rapat Koordinasi Pokja PUG dan FOCAL POINT")
    assert ("rapat", "r") in found
    assert ("rapat koordinasi", "rk") in found
    assert ("focal point", "fp") in found


def test_phrase_table_matches_capitalised_phrases_only_as_written() -> None:
    assert [v for _, v in TABLE.matches("pelatihan TOT fasilitator")] == ["tot"]
    assert TABLE.matches("total peserta tot") == []


def test_phrase_table_does_not_match_inside_words_or_partial_phrases() -> None:
    assert TABLE.matches("rapatkan barisan") == []
    assert TABLE.matches("koordinasi focal") == []


def test_phrase_table_count_counts_every_occurrence() -> None:
    assert TABLE.count("rapat lalu rapat koordinasi") == 3
    assert TABLE.count("") == 0


def test_phrase_table_refuses_to_be_empty() -> None:
    with pytest.raises(ValueError):
        PhraseTable([])
