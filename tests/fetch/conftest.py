"""Fixtures: the fake regional sites on 127.0.0.1 / 127.0.0.2 (see regional.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from regional import Regional, build


@pytest.fixture
def regional() -> Iterator[Regional]:
    world = build()
    yield world
    world.stop()
