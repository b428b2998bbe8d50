"""pugnlp.patterns.positions: heads that open a position and words that continue it."""

from __future__ import annotations

import pytest

from pugnlp.patterns.positions import (
    JOINERS,
    LOWERCASE_HEADS,
    POSITION_HEADS,
    POSITION_MODIFIERS,
    POSITION_WORDS,
)

DOMAIN_POSITIONS = (
    "Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota", "Walikota",
    "Wakil Wali Kota", "Sekretaris Daerah", "Sekda", "Asisten", "Staf Ahli", "Kepala Dinas",
    "Kadis", "Kepala Badan", "Sekretaris Dinas", "Kepala Bidang", "Kabid", "Kepala Seksi", "Kasi",
    "Kepala Sub Bagian", "Camat", "Lurah", "Kepala Desa", "Ketua TP PKK", "Ketua DPRD",
    "Inspektur", "Narasumber", "Fasilitator",
)


@pytest.mark.parametrize("head", DOMAIN_POSITIONS)
def test_domain_positions_are_heads(head: str) -> None:
    assert head in POSITION_HEADS


def test_heads_are_capitalised_and_lowercase_heads_are_lowercase() -> None:
    assert all(h[:1].isupper() for h in POSITION_HEADS)
    assert all(h == h.lower() for h in LOWERCASE_HEADS)


def test_position_words_are_folded_lowercase_words() -> None:
    assert all(w == w.lower() and " " not in w for w in POSITION_WORDS)
    assert {"dinas", "bidang", "kesetaraan", "gender", "ii", "setdako"} <= POSITION_WORDS


@pytest.mark.parametrize("name_word", ["sri", "erma", "made", "ode", "siti", "ahmad", "lestari"])
def test_person_name_words_do_not_continue_a_position(name_word: str) -> None:
    assert name_word not in POSITION_WORDS


def test_modifiers_and_joiners() -> None:
    assert {"plt", "plh", "pj"} <= POSITION_MODIFIERS
    assert "kepala" not in POSITION_MODIFIERS
    assert JOINERS == {"dan", "&", "serta"}
