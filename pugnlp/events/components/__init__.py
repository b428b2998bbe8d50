"""The registered spaCy components of pugnlp's pipeline.

- :mod:`pugnlp.events.components.rules`: sections, event rules, dates, venues, people,
  places, agencies, APE, participants (no trained data);
- :mod:`pugnlp.events.components.learned`: the classifier, the entity model and the agency
  and official selectors (trained data through ``initialize`` / ``to_disk`` / ``from_disk``).

Importing a module registers its factories; the ``spacy_factories`` entry points in
pyproject.toml let ``spacy.load`` find them too. The order is declared in
:mod:`pugnlp.events.loader`.
"""
