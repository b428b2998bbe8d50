"""Shared fixtures: expensive objects are built once per test session (hence once per module).

``rules_nlp`` (the rule pipeline of :func:`pugnlp.load`) is also used by
tests/test_quality_gate.py. The finders below are the parts its components are made of, built
from the same public loaders, for the unit tests of each module.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def rules_nlp():  # noqa: ANN201
    """The rule pipeline (spaCy tokenizer, gazetteer, lexicon), built once."""
    from pugnlp.events.loader import load

    return load(rules_only=True)


@pytest.fixture(scope="session")
def nlp():  # noqa: ANN201
    """The tokenizer + sentence pipeline of :func:`pugnlp.nlp.tokenizer.make_nlp`."""
    from pugnlp.nlp.tokenizer import make_nlp

    return make_nlp()


@pytest.fixture(scope="session")
def gazetteer():  # noqa: ANN201
    """The bundled Kemendagri gazetteer."""
    from pugnlp.wilayah import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def lexicon():  # noqa: ANN201
    """The shipped name / common-word lists."""
    from pugnlp.nlp.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def place_finder(gazetteer):  # noqa: ANN001, ANN201
    from pugnlp.events.places import PlaceFinder

    return PlaceFinder(gazetteer)


@pytest.fixture(scope="session")
def people_finder(gazetteer, lexicon):  # noqa: ANN001, ANN201
    from pugnlp.events.people import PeopleFinder

    return PeopleFinder(gazetteer, lexicon)


@pytest.fixture(scope="session")
def agency_finder(place_finder):  # noqa: ANN001, ANN201
    from pugnlp.events.agencies import AgencyFinder

    return AgencyFinder(place_finder)


def _damage_store(path):  # noqa: ANN001, ANN202
    """Overwrite the first page of the store's ``articles`` table with garbage, as a disk
    error would: every read of the table then fails with 'database disk image is malformed'."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
                            ).fetchone()[0]
    conn.close()
    with open(path, "r+b") as db:
        db.seek((root - 1) * size)
        db.write(b"\xff" * size)


@pytest.fixture
def damage_store():  # noqa: ANN201
    """``damage_store(path)``: make one page of a corpus store unreadable."""
    return _damage_store


@pytest.fixture(scope="session")
def dask_cluster():  # noqa: ANN201
    """A local Dask cluster (:func:`pugnlp.cluster.local_cluster`: 2 worker processes of one
    thread on 127.0.0.1), shared by the tests of ``--engine dask`` through its address."""
    from pugnlp.cluster import local_cluster

    with local_cluster(2) as cluster:
        yield cluster
