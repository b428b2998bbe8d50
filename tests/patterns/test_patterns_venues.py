"""pugnlp.patterns.venues: venue heads, the locative before a weak head, virtual cues."""

from __future__ import annotations

import pytest

from pugnlp.patterns.venues import LOCATIVE, STRONG_HEAD_RE, VIRTUAL, WEAK_HEAD_RE


@pytest.mark.parametrize("text, head", [
    ("di Aula Gawi Sabarataan", "Aula"), ("Hotel Midtown Samarinda", "Hotel"),
    ("Ruang Rapat Bappeda", "Ruang Rapat"), ("Pendopo Bupati", "Pendopo"),
    ("Gedung Serbaguna Kecamatan", "Gedung Serbaguna"),
])
def test_strong_heads(text: str, head: str) -> None:
    match = STRONG_HEAD_RE.search(text)
    assert match is not None and match.group(0) == head


@pytest.mark.parametrize("text", ["aula kantor", "Aulanya penuh", "Hotelier muda", "ruang rapat"])
def test_strong_heads_are_capitalised_whole_words(text: str) -> None:
    assert STRONG_HEAD_RE.search(text) is None


def test_weak_heads() -> None:
    assert WEAK_HEAD_RE.search("di Kantor Bupati").group(0) == "Kantor"
    assert WEAK_HEAD_RE.search("di Balai Kota").group(0) == "Balai"
    assert WEAK_HEAD_RE.search("kantor bupati") is None


@pytest.mark.parametrize("before", ["di ", "bertempat di ", "berlangsung di ", "Rapat digelar di "])
def test_locative_before_a_venue(before: str) -> None:
    assert LOCATIVE.search(before)


@pytest.mark.parametrize("before", ["Kepala ", "oleh ", "dan ", "di"])
def test_no_locative(before: str) -> None:
    assert not LOCATIVE.search(before)


def test_virtual_cues() -> None:
    assert VIRTUAL.search("secara daring melalui Zoom")
    assert VIRTUAL.search("via Google Meet")
    assert not VIRTUAL.search("di Aula Bappeda secara langsung")
