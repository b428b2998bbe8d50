"""The pipeline version: which code and which models a record was extracted with.

A record is re-extracted when its pipeline version differs from the current one (incremental
runs, :mod:`pugnlp.events.incremental`). The version is one string, built by
:func:`pipeline_version` only, from:

- pugnlp's version and a hash of the code and data records come from (:data:`CODE_PARTS`:
  a checkout whose rules were edited is a new version even if ``__version__`` is not);
- the record schema version;
- a hash of the model card (``meta.json``'s ``model_card``: data hashes, training time,
  scores, thresholds), so a retrained model is a new version, and the entity backend used;
  or ``rules`` for the rules-only pipeline.

:func:`planned_version` computes it without loading any model (so a run with nothing to
extract loads none); :func:`loaded_version` reads it off a loaded pipeline; both agree.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

PACKAGE = Path(__file__).resolve().parents[1]
CODE_PARTS: tuple[str, ...] = ("events", "nlp", "patterns", "data", "schema.py", "wilayah.py",
                               "keys.py", "dataclass_json.py")
"""What records are computed from, relative to the package folder: the pipeline's
components, the pattern registry, the gazetteer and lexicon data, the record schema. The CLI,
crawl, dataset and report code is left out: editing it does not change a record."""
HASH_CHARS = 12


@functools.cache
def code_hash(package: Path = PACKAGE) -> str:
    """SHA-1 (first :data:`HASH_CHARS` hex) over the files of :data:`CODE_PARTS`, by path
    and content (about 2 ms for ~1 MB); cached per process."""
    digest = hashlib.sha1()
    for part in CODE_PARTS:
        path = package / part
        if not path.exists():
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or file.suffix in (".pyc", ".pyo"):
                continue
            digest.update(file.relative_to(package).as_posix().encode("utf-8") + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:HASH_CHARS]


def _canonical(value: Any) -> Any:
    """Floats to 9 significant digits: spaCy reads ``meta.json`` with a float parser that
    differs from Python's in the last digit (0.9931 -> 0.9931000000000001)."""
    if isinstance(value, float):
        return format(value, ".9g")
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def card_hash(card: Mapping[str, Any]) -> str:
    """SHA-1 (first :data:`HASH_CHARS` hex) of the model card as canonical JSON."""
    text = json.dumps(_canonical(card), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def pipeline_version(card: Mapping[str, Any] | None, entity_backend: str | None) -> str:
    """The version of the pipeline: code, record schema, model card and entity backend.

    Args:
        card: the model card of the trained pipeline; None for the rules alone.
        entity_backend: the entity model loaded (``spacy``, ``stanza``), if any.

    Returns:
        e.g. ``pugnlp 0.1.0+3f21b0ff04fc, records 1.3, model 9a0c4e1b2d3f (entities
        spacy)``, or ``..., rules`` without a trained pipeline.
    """
    from pugnlp import __version__
    from pugnlp.schema import SCHEMA_VERSION

    head = f"pugnlp {__version__}+{code_hash()}, records {SCHEMA_VERSION}"
    if card is None:
        return f"{head}, rules"
    entities = f" (entities {entity_backend})" if entity_backend else ""
    return f"{head}, model {card_hash(card)}{entities}"


def planned_version(model_dir: Path | None = None, *, rules_only: bool = False,
                    entity_backend: str = "auto") -> str:
    """The version :func:`pugnlp.events.loader.load` with the same arguments would give,
    without loading a model (the model card and the entity folder's files are read).

    Raises:
        ModelError: as ``load`` would (no pipeline in ``model_dir``, no entity model of
            ``entity_backend``).
    """
    from pugnlp.events.loader import pipeline_folder, read_card

    if rules_only:
        return pipeline_version(None, None)
    folder = pipeline_folder(model_dir, entity_backend)
    if folder is None:
        return pipeline_version(None, None)
    backend = None
    entities = folder / "pug_entities"
    if entities.is_dir():
        from pugnlp.events.components.learned import choose_backend

        backend = choose_backend(entities, entity_backend)
    return pipeline_version(read_card(folder), backend)


def loaded_version(nlp: Language) -> str:
    """The version of a loaded pipeline (``pugnlp.load(...)``)."""
    from pugnlp.events.loader import CARD_KEY

    if "pug_classifier" not in nlp.pipe_names and "pug_entities" not in nlp.pipe_names:
        return pipeline_version(None, None)
    backend = None
    if "pug_entities" in nlp.pipe_names:
        backend = getattr(nlp.get_pipe("pug_entities"), "backend", None)
    return pipeline_version(dict(nlp.meta.get(CARD_KEY) or {}), backend)
