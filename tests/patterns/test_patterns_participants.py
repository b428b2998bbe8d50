"""pugnlp.patterns.participants: stated counts of people taking part."""

from __future__ import annotations

import pytest

from pugnlp.patterns.participants import NUMBER_WORDS, PARTICIPANT_PATTERNS


def _first(text: str) -> str | None:
    for pattern in PARTICIPANT_PATTERNS:
        match = pattern.search(text)
        if match:
            return match.group("n")
    return None


@pytest.mark.parametrize("text, number", [
    ("Kegiatan diikuti 30 peserta", "30"), ("dihadiri oleh sekitar 45 orang", "45"),
    ("peserta yang hadir sebanyak 60 orang", "60"), ("melibatkan 1.250 kader", "1.250"),
    ("diikuti tiga puluh peserta", "tiga puluh"), ("sebanyak 25 focal point hadir", "25"),
    ("40 peserta dari OPD", "40"),
])
def test_participant_counts(text: str, number: str) -> None:
    assert _first(text) == number


@pytest.mark.parametrize("text", [
    "anggaran Rp 30.000.000", "tersebar di 12 kecamatan",
    "diikuti perwakilan OPD", "selama 3 hari",
])
def test_no_participant_count(text: str) -> None:
    assert _first(text) is None


def test_number_words() -> None:
    assert NUMBER_WORDS["tiga puluh"] == 30 and NUMBER_WORDS["seratus"] == 100


def test_counted_units_match_but_are_named_as_units() -> None:
    """The generic pattern sees "28 organisasi"; NOT_PEOPLE is what keeps it out."""
    from pugnlp.events.participants import find_participants
    from pugnlp.patterns.participants import NOT_PEOPLE

    assert "organisasi" in NOT_PEOPLE
    assert find_participants("dihadiri 28 organisasi wanita") is None
