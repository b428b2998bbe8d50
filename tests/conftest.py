"""Shared fixtures: expensive objects are built once per test session (hence once per module).

``extractor`` is also used by tests/test_quality_gate.py. The finders below are the parts an
Extractor is made of, built from the same public loaders, for the unit tests of each module.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():  # noqa: ANN201
    """The rule-based extractor (spaCy tokenizer, gazetteer, lexicon), built once."""
    from pugnlp.events.build import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp():  # noqa: ANN201
    """The tokenizer + sentence pipeline of :func:`pugnlp.nlp.pipeline.make_nlp`."""
    from pugnlp.nlp.pipeline import make_nlp

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
