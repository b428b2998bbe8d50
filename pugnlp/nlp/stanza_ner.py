"""stanza as the entity model's backend (the ``pugnlp[stanza]`` extra): train, load, run.

A stanza NER tagger (BiLSTM-CRF, PER/ORG/LOC) trained here from the same corpora as the spaCy
entity model (:func:`pugnlp.nlp.train.build_corpora`), with word vectors trained here too
(gensim skip-gram on the training sentences only). Nothing is ever downloaded: the pipeline
is built with ``download_method=None`` from the files of one folder::

    <folder>/ner.pt          the tagger (stanza's own file)
    <folder>/pretrain.pt     its word vectors (stanza ``Pretrain``)
    <folder>/resources.json  ``{}``: stanza refuses to build a pipeline without one
    <folder>/stanza.json     what trained it (versions, data, steps, scores)

:class:`StanzaNER` answers ``pipe(texts)`` with spaCy Docs whose ``ents`` are the tagger's
PER/ORG/LOC spans on pugnlp's own tokens, so the components that read the spaCy model's
entities (veto, official selector) read these the same way.

stanza and torch are imported only inside the functions: the default install has neither.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

STANZA_DIR = "stanza"
"""The stanza model's folder inside the pipeline's ``pug_entities/``."""
MODEL_FILE = "ner.pt"
PRETRAIN_FILE = "pretrain.pt"
CARD_FILE = "stanza.json"
RESOURCES_FILE = "resources.json"
INSTALL_HINT = 'pip install -e ".[stanza]" (after `pip install torch==2.13.0`, a CPU build)'
STEPS = 2000
"""Training steps: the best dev score of PACKAGES.md §12 came at about 2,000 (0.2-0.5 s a
step on 2 cores)."""
EVAL_INTERVAL = 200
VECTOR_DIM = 100
SEED = 13


class StanzaMissing(ModelError):
    """The stanza backend was asked for, but the ``pugnlp[stanza]`` extra is not installed."""


def available() -> bool:
    """True when stanza and torch can be imported (the extra is installed)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("stanza", "torch"))


def require() -> None:
    """Raises:
        StanzaMissing: saying how to install the extra."""
    if not available():
        raise StanzaMissing("the stanza entity backend needs the stanza extra, which is not "
                            f"installed: {INSTALL_HINT}; or use --entity-backend spacy")


def has_model(folder: Path) -> bool:
    return (Path(folder) / CARD_FILE).is_file()


# -- training data ----------------------------------------------------------------------------


def _sentencizer() -> Language:
    from pugnlp.nlp.tokenizer import make_nlp

    return make_nlp()


def to_sentences(docs: Iterable[Doc]) -> tuple[list[list[dict[str, str]]], int]:
    """spaCy training Docs (entities set, some tokens missing) as stanza's NER json: a list of
    sentences, each a list of ``{"text", "ner"}`` tokens in BIO (stanza turns it into BIOES).

    Documents are split into sentences (line breaks, then spaCy's sentencizer); whitespace
    tokens are left out. stanza has no "missing" tag: a sentence with a token of unknown
    label (the team's LOC spans, trained as missing by spaCy) is left out. Returns
    (sentences, sentences left out)."""
    sentencizer = _sentencizer()
    out: list[list[dict[str, str]]] = []
    dropped = 0
    for doc in docs:
        for _, proc in sentencizer.pipeline:
            doc = proc(doc)
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            if any(t.ent_iob_ == "" for t in tokens):
                dropped += 1
                continue
            out.append([{"text": t.text, "ner": "O" if t.ent_iob_ == "O"
                         else f"{t.ent_iob_}-{t.ent_type_}"} for t in tokens])
    return out, dropped


# -- word vectors -----------------------------------------------------------------------------


def build_vectors(sentences: list[list[dict[str, str]]], out: Path, *, seed: int = SEED
                  ) -> dict[str, Any]:
    """Skip-gram vectors (gensim: 100 dimensions, window 5, min count 2, 15 epochs, one
    worker for a repeatable result) on the lowercased training sentences, written as
    stanza's pretrain file ``out``. Only training sentences: dev and test stay unseen."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    texts = [[t["text"].lower() for t in s] for s in sentences]
    started = time.perf_counter()
    w2v = Word2Vec(sentences=texts, vector_size=VECTOR_DIM, window=5, min_count=2, sg=1,
                   epochs=15, workers=1, seed=seed)
    with tempfile.TemporaryDirectory(prefix="pugnlp-vec-") as tmp:
        txt = Path(tmp) / "vectors.txt"
        w2v.wv.save_word2vec_format(str(txt), binary=False)
        pretrain = Pretrain(str(out), str(txt), max_vocab=-1)
        logging.getLogger("stanza").setLevel(logging.WARNING)  # its INFO lines are noise here
        pretrain.load()  # reads the text file and writes ``out``
    if not out.is_file():
        raise ModelError(f"{out}: stanza did not write the pretrain file")
    return {"words": len(w2v.wv), "dim": VECTOR_DIM, "sentences": len(texts),
            "seconds": round(time.perf_counter() - started, 1)}


# -- training ---------------------------------------------------------------------------------


def train(train_docs: list[Doc], dev_docs: list[Doc], folder: Path, *, steps: int = STEPS,
          seed: int = SEED, log_file: Path | None = None) -> dict[str, Any]:
    """Train the vectors and the tagger into ``folder`` (replaced); returns what went in.

    The tagger is trained by stanza's own module in a child process
    (``python -m stanza.models.ner_tagger --mode train --cpu``); stanza's ``run_*`` training
    wrappers are not used, since they fetch the stock Indonesian vectors.

    Raises:
        StanzaMissing: the extra is not installed.
        ModelError: stanza failed (its output is in the message's log file).
    """
    require()
    started = time.perf_counter()
    train_sents, train_dropped = to_sentences(train_docs)
    dev_sents, dev_dropped = to_sentences(dev_docs)
    with tempfile.TemporaryDirectory(prefix="pugnlp-stanza-") as tmp:
        work = Path(tmp)
        (work / "train.json").write_text(json.dumps(train_sents, ensure_ascii=False), "utf-8")
        (work / "dev.json").write_text(json.dumps(dev_sents, ensure_ascii=False), "utf-8")
        vectors = build_vectors(train_sents, work / PRETRAIN_FILE, seed=seed)
        cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train", "--cpu",
               "--shorthand", "id_pugnlp", "--train_file", str(work / "train.json"),
               "--eval_file", str(work / "dev.json"),
               "--wordvec_pretrain_file", str(work / PRETRAIN_FILE),
               "--save_dir", str(work), "--save_name", MODEL_FILE,
               "--max_steps", str(steps), "--eval_interval", str(min(EVAL_INTERVAL, steps)),
               "--seed", str(seed)]
        log_path = log_file or work / "stanza-train.log"
        # one thread: on this shared 2-core machine 0.23 s a step, against 2-6 s with torch's
        # two threads competing with other processes (measured 2026-12-07)
        env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        with open(log_path, "w", encoding="utf-8") as out:
            done = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, check=False,
                                  env=env)
        if done.returncode != 0 or not (work / MODEL_FILE).is_file():
            tail = Path(log_path).read_text(encoding="utf-8", errors="replace")[-1500:]
            raise ModelError(f"stanza NER training failed (exit {done.returncode}): {tail}")
        card = {"backend": "stanza", "versions": _versions(), "seed": seed, "steps": steps,
                "vectors": vectors, "train_sentences": len(train_sents),
                "dev_sentences": len(dev_sents),
                "sentences_left_out_missing_labels": {"train": train_dropped,
                                                      "dev": dev_dropped},
                "seconds": round(time.perf_counter() - started, 1)}
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        shutil.copy2(work / MODEL_FILE, folder / MODEL_FILE)
        shutil.copy2(work / PRETRAIN_FILE, folder / PRETRAIN_FILE)
    (folder / RESOURCES_FILE).write_text("{}\n", encoding="utf-8")
    write_card(folder, card)
    return card


def write_card(folder: Path, card: dict[str, Any]) -> None:
    (Path(folder) / CARD_FILE).write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


def _versions() -> dict[str, str]:
    import stanza
    import torch

    return {"stanza": stanza.__version__, "torch": torch.__version__}


# -- loading and running ----------------------------------------------------------------------


class StanzaNER:
    """The stanza tagger behind the interface the pipeline reads from the spaCy entity model:
    ``pipe(texts)`` yields spaCy Docs (pugnlp's tokens) with PER/ORG/LOC ``ents``.

    Texts are tokenized and split into sentences by pugnlp's tokenizer and sentencizer; the
    tagger reads the tokens as given (``tokenize_pretokenized``), so every entity's
    ``start_char``/``end_char`` is an offset into the text given.
    """

    backend = "stanza"

    def __init__(self, pipeline: Any, folder: Path, card: dict[str, Any]) -> None:
        self.pipeline = pipeline
        self.folder = folder
        self.card = card
        self._nlp = _sentencizer()

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(texts, size=batch_size):
            docs = list(self._nlp.pipe((str(t) for t in batch)))
            self.tag(docs)
            yield from docs

    def tag(self, docs: list[Doc]) -> None:
        """Set ``doc.ents`` of ``docs`` (already tokenized and split) from the tagger."""
        from spacy.tokens import Span

        sents: list[list[int]] = []  # token indices of each sentence, per doc in order
        owner: list[int] = []
        for di, doc in enumerate(docs):
            for sent in doc.sents:
                idx = [t.i for t in sent if not t.is_space]
                if idx:
                    sents.append(idx)
                    owner.append(di)
        spans: list[list[Span]] = [[] for _ in docs]
        if sents:
            words = [[docs[owner[k]][i].text for i in idx] for k, idx in enumerate(sents)]
            result = self.pipeline(words)
            for k, sentence in enumerate(result.sentences):
                doc, idx = docs[owner[k]], sents[k]
                for start, end, label in decode([t.ner for t in sentence.tokens]):
                    spans[owner[k]].append(Span(doc, idx[start], idx[end - 1] + 1, label=label))
        for doc, found in zip(docs, spans):
            doc.ents = found

    def predict_gold(self, gold: Doc, *, split: bool = True) -> Doc:
        """A copy of ``gold``'s tokens with the tagger's entities (for scoring): split into
        sentences as at run time, or read as one sentence (``split=False``)."""
        from spacy.tokens import Doc

        doc = Doc(gold.vocab, words=[t.text for t in gold],
                  spaces=[bool(t.whitespace_) for t in gold])
        if split:
            for _, proc in self._nlp.pipeline:
                doc = proc(doc)
        else:
            for token in doc:
                token.is_sent_start = token.i == 0
        self.tag([doc])
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy the model's files into ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if path.resolve() == self.folder.resolve():
            return
        for name in (MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE, CARD_FILE):
            shutil.copy2(self.folder / name, path / name)


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of BIOES (or BIO) tags; a stray I-/E- starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        inside = prefix in ("I", "E") and start is not None and kind == label
        if not inside and start is not None:
            spans.append((start, i, label))  # type: ignore[arg-type]
            start, label = None, None
        if prefix in ("B", "S") or prefix in ("I", "E") and start is None:
            start, label = i, kind
        if prefix in ("S", "E") and start is not None:
            spans.append((start, i + 1, label))  # type: ignore[arg-type]
            start, label = None, None
    return spans


def load(folder: Path) -> StanzaNER:
    """The stanza entity model of ``folder``, built offline.

    The word vectors are always passed (``ner_pretrain_path``): without them stanza still
    loads the tagger, with random embeddings (stanza issue #1301).

    Raises:
        StanzaMissing: the extra is not installed.
        ModelError: a file is missing or corrupt, naming it.
    """
    folder = Path(folder)
    require()
    card_path = folder / CARD_FILE
    for name in (CARD_FILE, MODEL_FILE, PRETRAIN_FILE):
        if not (folder / name).is_file():
            raise ModelError(f"{folder / name}: missing; the stanza entity model needs "
                             f"{MODEL_FILE}, {PRETRAIN_FILE} and {CARD_FILE}; rebuild it with "
                             "`pugnlp train --entity-backend stanza`")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{card_path}: unreadable ({exc}); rebuild it with "
                         "`pugnlp train --entity-backend stanza`") from exc
    resources = folder / RESOURCES_FILE
    if not resources.is_file():
        resources.write_text("{}\n", encoding="utf-8")
    import stanza
    import torch

    if "OMP_NUM_THREADS" not in os.environ:
        # one thread per process (``--workers`` adds processes): 27-29 articles/s against
        # 15-18 with torch's default two on this 2-core machine (measured 2026-12-07)
        torch.set_num_threads(1)
    try:
        pipeline = stanza.Pipeline(
            lang="id", dir=str(folder), processors="tokenize,ner", tokenize_pretokenized=True,
            ner_model_path=str(folder / MODEL_FILE),
            ner_pretrain_path=str(folder / PRETRAIN_FILE), download_method=None,
            allow_unknown_language=True, use_gpu=False,
            logging_level="ERROR")  # not "unsupported language: id" at every load
    except Exception as exc:  # stanza/torch raise many kinds on a damaged file
        bad = _damaged_file(folder) or folder
        raise ModelError(f"{bad}: cannot load the stanza entity model ({type(exc).__name__}: "
                         f"{str(exc)[:200]}); rebuild it with "
                         "`pugnlp train --entity-backend stanza`") from exc
    return StanzaNER(pipeline, folder, card)


def _damaged_file(folder: Path) -> Path | None:
    """The first of the model's torch files that torch cannot read."""
    import torch

    for name in (PRETRAIN_FILE, MODEL_FILE):
        try:
            torch.load(folder / name, map_location="cpu", weights_only=False)
        except Exception:  # noqa: BLE001  (which file, not why: the caller has the why)
            return folder / name
    return None
