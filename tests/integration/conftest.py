"""Real Label Studio and doccano servers for the round-trip tests (issue 13).

The first run installs both tools into their own venvs under ``.cache/annotation-tools/``
(about 3 minutes, side by side); later runs reuse them. Nothing here skips: a tool that cannot
be installed or started fails the tests. Locally, ``pytest -m "not annotation_tools"``
leaves them out. Each server is started once per session (a few seconds) on 127.0.0.1 and
stopped at the end, also when a test fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import annotation_tools as tools
import pytest
from tool_roundtrip import Scenario, make_scenario


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.annotation_tools)


@pytest.fixture(scope="session")
def tool_venvs() -> dict[str, Path]:
    """Both tools installed (in parallel when missing)."""
    return tools.ensure_all()


def _server(start: Callable[[Path], tools.Server], name: str,
            factory: pytest.TempPathFactory) -> Iterator[tools.Server]:
    server = start(factory.mktemp(name))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def labelstudio(tool_venvs: dict[str, Path],
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[tools.Server]:
    yield from _server(tools.start_labelstudio, "labelstudio", tmp_path_factory)


@pytest.fixture(scope="session")
def doccano(tool_venvs: dict[str, Path],
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[tools.Server]:
    yield from _server(tools.start_doccano, "doccano", tmp_path_factory)


@pytest.fixture()
def scenario(tmp_path: Path) -> Scenario:
    return make_scenario(tmp_path)
