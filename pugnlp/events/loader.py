"""The whole extraction as one spaCy pipeline: build it, load it, run it on articles.

``pugnlp.load()`` gives a :class:`spacy.language.Language` whose components
(:mod:`pugnlp.events.components`) run in the order of :data:`RULE_PIPES` then
:data:`LEARNED_PIPES`; :func:`pugnlp.events.record.record_from_doc` turns a processed Doc into
its record. ``model/`` is what ``nlp.to_disk()`` writes; its ``meta.json`` carries the model
card (``meta["model_card"]``: library versions, data hashes, seeds, scores, thresholds).
Models are loaded only here, when asked (never at import).
"""

from __future__ import annotations

import gc
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from pugnlp.schema import Article, EventRecord

log = logging.getLogger(__name__)

RULE_PIPES: tuple[str, ...] = (
    "pug_paragraphs", "sentencizer",  # sentence boundaries (pugnlp.nlp.tokenizer)
    "pug_sections", "pug_event_rules", "pug_activity", "pug_dates", "pug_venues",
    "pug_people", "pug_places",
    "pug_agencies", "pug_region", "pug_ape", "pug_participants",
)
"""The rule components, in order: places need the venues and the persons (a venue or a name
is not the event's region); agencies need the regions and the persons; the region of the
activity needs the place and the agencies (the organising body)."""
LEARNED_PIPES: tuple[str, ...] = (
    "pug_classifier", "pug_entities", "pug_agency_select", "pug_official_select",
)
"""The learned components, after the rules (see :mod:`pugnlp.events.components.learned`)."""
FINAL_PIPES: tuple[str, ...] = ("pug_event_type",)
"""After everything: the activity's head decides the event type over the rules' or the
classifier's decision."""
TOKENIZER = {"@tokenizers": "pugnlp.Tokenizer.v1"}
CARD_KEY = "model_card"
MODEL_DIR = Path("model")
SHARE_MODEL_DIR = Path(sys.prefix) / "share" / "pugnlp" / "model"
"""Where a wheel installs the shipped pipeline (``[tool.setuptools.data-files]``)."""
CHECKOUT_MODEL_DIR = Path(__file__).resolve().parents[2] / "model"
"""``model/`` of the checkout an editable install runs from."""


def register() -> None:
    """Register every pugnlp factory with spaCy (done by importing the component modules;
    the ``spacy_factories`` entry points do the same for ``spacy.load``)."""
    import pugnlp.events.components.learned  # noqa: F401
    import pugnlp.events.components.rules  # noqa: F401
    import pugnlp.nlp.tokenizer  # noqa: F401


def build(*, learned: bool = False) -> Language:
    """A fresh pipeline: the rules, and (untrained) the learned components if ``learned``."""
    import spacy

    register()
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": TOKENIZER}})
    for name in RULE_PIPES + (LEARNED_PIPES if learned else ()) + FINAL_PIPES:
        nlp.add_pipe(name)
    nlp.meta.update({"name": "pugnlp", "description": "PUG releases -> evidence-backed "
                     "records (pugnlp.events.record.record_from_doc)"})
    return nlp


def is_pipeline(folder: Path) -> bool:
    return (folder / "config.cfg").is_file() and (folder / "meta.json").is_file()


def default_model_dir() -> Path | None:
    """The first folder holding a trained pipeline: ``./model``, the checkout's ``model/``
    (editable install), ``<sys.prefix>/share/pugnlp/model`` (wheel); else None."""
    for folder in (MODEL_DIR, CHECKOUT_MODEL_DIR, SHARE_MODEL_DIR):
        if is_pipeline(folder):
            return folder
    return None


def pipeline_folder(model_dir: Path | str | None, entity_backend: str = "auto"
                    ) -> Path | None:
    """The trained pipeline :func:`load` reads: ``model_dir``, else the first of
    :func:`default_model_dir`; None when there is none (the rules decide alone).

    Raises:
        ModelError: ``model_dir`` holds no pipeline, or none was found and an entity backend
            was asked for.
    """
    folder = Path(model_dir) if model_dir is not None else default_model_dir()
    if folder is None:
        if entity_backend != "auto":
            raise ModelError(f"--entity-backend {entity_backend}: no trained pipeline found "
                             "(./model or --model-dir); build it with `pugnlp train`")
        return None
    if not is_pipeline(folder):
        raise ModelError(f"{folder}: no trained pipeline here (config.cfg, meta.json); "
                         "build it with `pugnlp train`")
    return folder


def load(model_dir: Path | str | None = None, *, rules_only: bool = False,
         entity_backend: str = "auto") -> Language:
    """The extraction pipeline: the rules, plus the trained components of ``model_dir``.

    Args:
        model_dir: a folder written by ``pugnlp train`` (``nlp.to_disk``). Default: the
            first of :func:`default_model_dir`; without one, the rules decide alone.
        rules_only: leave the learned components out (no model folder is read).
        entity_backend: the entity model to load: "spacy", "stanza" (the ``pugnlp[stanza]``
            extra) or "auto" (spaCy when the folder has a spaCy model, else stanza).

    Raises:
        ModelError: ``model_dir`` holds no pipeline, or a file is missing, corrupt or from
            another major.minor version of scikit-learn or spaCy; or no entity model of
            ``entity_backend`` is there (StanzaMissing: stanza without the extra).
    """
    if rules_only:
        return build()
    folder = pipeline_folder(model_dir, entity_backend)
    if folder is None:
        log.info("no trained models found: the rules decide alone")
        return build()
    check_versions(folder)
    import spacy

    register()
    with _gc_paused():
        import skops.io  # noqa: F401  (imported before the freeze: its objects are no garbage)

        import pugnlp.events.classify  # noqa: F401

        gc.freeze()
        try:
            nlp = spacy.load(folder)
            if "pug_entities" in nlp.pipe_names:
                nlp.get_pipe("pug_entities").use_backend(entity_backend)
        except ModelError:
            raise
        except Exception as exc:  # spaCy raises many kinds on a damaged folder
            raise ModelError(f"{folder}: cannot load the pipeline ({type(exc).__name__}: "
                             f"{exc}); rebuild it with `pugnlp train`") from exc
    return _with_current_rules(nlp, folder)


def _with_current_rules(nlp: Language, folder: Path) -> Language:
    """Add the rule components a pipeline trained by an older pugnlp lacks, in their place
    (they carry no trained data, so nothing is lost); say so once."""
    missing = [name for name in RULE_PIPES + FINAL_PIPES if name not in nlp.pipe_names]
    if missing:
        log.warning("%s: trained by an older pugnlp; adding the rule component(s) %s "
                    "(`pugnlp train` rebuilds it)", folder, ", ".join(missing))
        order = RULE_PIPES + LEARNED_PIPES + FINAL_PIPES
        for name in missing:
            nxt = next((n for n in order[order.index(name) + 1:] if n in nlp.pipe_names), None)
            nlp.add_pipe(name, before=nxt) if nxt else nlp.add_pipe(name)
    return nlp


def read_card(folder: Path) -> dict[str, Any]:
    """The model card in ``folder/meta.json``.

    Raises:
        ModelError: the meta file is unreadable.
    """
    path = folder / "meta.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: unreadable ({exc}); rebuild with `pugnlp train`") from exc
    return dict(meta.get(CARD_KEY) or {})


def check_versions(folder: Path) -> None:
    """Refuse models trained with another major.minor scikit-learn or spaCy.

    Raises:
        ModelError: naming the library, both versions and the fix.
    """
    import sklearn
    import spacy

    installed = {"scikit-learn": sklearn.__version__, "spacy": spacy.__version__}
    trained_with = read_card(folder).get("versions", {})
    for lib, version in installed.items():
        trained = str(trained_with.get(lib, "?"))
        if _major_minor(trained) != _major_minor(version):
            raise ModelError(f"{folder}: models were trained with {lib} {trained}, but {lib} "
                             f"{version} is installed; rebuild them with `pugnlp train`")


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the libraries and models load.

    Importing scikit-learn, skops and spaCy creates hundreds of thousands of objects, none of
    them garbage; the collector's passes over them cost about 8 % of the load time
    (bench/load_models.py: median 1.85 s paused against 2.02 s, 10 runs each). srsly
    re-enables the collector after each file spaCy reads, so the caller freezes the objects
    already there, the libraries included (median 1.93 -> 1.83 s); they are thawed after,
    unless the caller had frozen some.
    """
    was_enabled = gc.isenabled()
    was_frozen = gc.get_freeze_count() > 0
    gc.disable()
    try:
        yield
    finally:
        if not was_frozen:
            gc.unfreeze()
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def describe(nlp: Language) -> str:
    """"rules", or "rules + classifier + entity model (spacy)" for a trained pipeline: the
    entity model's backend is named."""
    parts = ["rules"]
    if "pug_classifier" in nlp.pipe_names:
        parts.append("classifier")
    if "pug_entities" in nlp.pipe_names:
        backend = getattr(nlp.get_pipe("pug_entities"), "backend", None)
        parts.append(f"entity model ({backend})" if backend else "entity model")
    return " + ".join(parts)


class ArticleText(str):
    """An article's text that carries the article (id, title, url, dates): what to give
    ``nlp`` or ``nlp.pipe``. pugnlp's tokenizer sets ``doc._.article`` from it in whichever
    process tokenizes it, so plain texts, not Docs, cross to the ``n_process`` workers (the
    tokenizer then runs there too)."""

    meta: dict[str, Any]

    def __new__(cls, article: Article) -> ArticleText:
        from dataclasses import fields

        return _article_text(article.text, {f.name: getattr(article, f.name)
                                            for f in fields(article) if f.name != "text"})

    def __reduce__(self) -> tuple[Any, ...]:
        return (_article_text, (str(self), self.meta))

    def article(self, text: str | None = None) -> Article:
        """The Article, with ``text`` (the Doc's text) when given."""
        from pugnlp.schema import Article

        return Article(text=str(self) if text is None else text, **self.meta)


def _article_text(text: str, meta: dict[str, Any]) -> ArticleText:
    obj = str.__new__(ArticleText, text)
    obj.meta = meta
    return obj


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc of ``article.text`` that carries the article (title, id, dates) for the pipeline."""
    return nlp.make_doc(ArticleText(article))


def extract_articles(nlp: Language, articles: Iterable[Article], *, n_process: int = 1,
                     batch_size: int = 64) -> Iterator[EventRecord]:
    """One record per article, in order; ``n_process`` > 1 runs the pipeline in that many
    processes (same records)."""
    from pugnlp.events.record import record_from_doc

    texts = (ArticleText(a) for a in articles)
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield record_from_doc(doc)


def extract_article(nlp: Language, article: Article) -> EventRecord:
    """The record of one article."""
    from pugnlp.events.record import record_from_doc

    return record_from_doc(nlp(ArticleText(article)))


def extract_text(text: str, nlp: Language | None = None, *, doc_id: str = "text",
                 title: str | None = None, published: str | None = None) -> EventRecord:
    """Convenience: clean a raw text (page noise removed) and extract its record with ``nlp``
    (default: :func:`load`).

    Raises:
        InputError: the text is empty once noise is removed.
    """
    from pugnlp.article.html import text_to_article

    article = text_to_article(text, doc_id, title=title, published=published)
    return extract_article(nlp if nlp is not None else load(), article)

