"""pugnlp.nlp.stanza_ner: the stanza entity backend (the ``pugnlp[stanza]`` extra).

Tests that need stanza and torch train a tiny model once (a few steps on 30 annotated
documents: its entities are poor, its files are real) and run offline. CI installs the extra
(.ci/run), so they run there; in CI a missing extra is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.errors import ModelError
from pugnlp.nlp import stanza_ner

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "model"

TEXT = ("Kepala Dinas P3A Kabupaten Bima, Dra. Siti Aminah, M.Si., membuka kegiatan.\n"
        "Sosialisasi PUG digelar di Aula Kantor Bupati pada Selasa (11/10/2023).")


def needs_stanza() -> None:
    if not stanza_ner.available():
        if os.environ.get("CI"):
            pytest.fail("CI runs the stanza tests: install the extra (.ci/run does)")
        pytest.skip("the pugnlp[stanza] extra is not installed")


# -- without stanza ---------------------------------------------------------------------------


@pytest.mark.parametrize(("tags", "spans"), [
    (["B-PER", "E-PER", "O", "S-ORG"], [(0, 2, "PER"), (3, 4, "ORG")]),
    (["B-PER", "I-PER", "I-PER", "O"], [(0, 3, "PER")]),  # BIO
    (["I-LOC", "E-LOC", "B-PER"], [(0, 2, "LOC"), (2, 3, "PER")]),  # stray I- starts one
    (["B-PER", "I-ORG", "E-ORG"], [(0, 1, "PER"), (1, 3, "ORG")]),  # a change of label
    (["S-PER", "S-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["O", "O"], []),
])
def test_decode_bioes_and_bio(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert stanza_ner.decode(tags) == spans


def test_training_sentences_leave_out_missing_labels_and_spaces(nlp) -> None:  # noqa: ANN001
    doc = nlp.make_doc("Bupati Bima Ahmad Yani hadir.\n\nKegiatan di Kota Bima berjalan lancar.")
    per = doc.char_span(12, 22, label="PER")  # "Ahmad Yani"
    loc = doc.char_span(48, 52, label="LOC")  # the second "Bima"
    doc.set_ents([per], missing=[loc], default="outside")
    sentences, dropped = stanza_ner.to_sentences([doc])
    assert dropped == 1  # the second sentence holds a token of unknown label
    assert sentences == [[{"text": "Bupati", "ner": "O"}, {"text": "Bima", "ner": "O"},
                          {"text": "Ahmad", "ner": "B-PER"}, {"text": "Yani", "ner": "I-PER"},
                          {"text": "hadir", "ner": "O"}, {"text": ".", "ner": "O"}]]


def _without_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stanza_ner, "available", lambda: False)


def test_extract_with_stanza_without_the_extra_says_how_to_install(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _without_extra(monkeypatch)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / "r.jsonl"),
                                      "--entity-backend", "stanza", "--model-dir", str(SHIPPED)])
    assert result.exit_code == 1
    assert 'pip install -e ".[stanza]"' in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("backend", ["stanza", "both"])
def test_train_with_stanza_without_the_extra_fails_before_training(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: str) -> None:
    _without_extra(monkeypatch)
    result = CliRunner().invoke(cli, ["train", "--entity-backend", backend,
                                      "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert 'pip install -e ".[stanza]"' in result.output
    assert "annotations:" not in result.output  # nothing was trained
    assert not (tmp_path / "m").exists()


def test_auto_takes_spacy_when_both_are_there_and_stanza_when_alone(tmp_path: Path) -> None:
    from pugnlp.events.components.learned import choose_backend

    folder = tmp_path / "pug_entities"
    shutil.copytree(SHIPPED / "pug_entities", folder)
    shutil.rmtree(folder / stanza_ner.STANZA_DIR, ignore_errors=True)
    (folder / stanza_ner.STANZA_DIR).mkdir()
    (folder / stanza_ner.STANZA_DIR / stanza_ner.CARD_FILE).write_text("{}", encoding="utf-8")
    assert choose_backend(folder, "auto") == "spacy"
    (folder / "config.cfg").unlink()
    if stanza_ner.available():
        assert choose_backend(folder, "auto") == "stanza"
    else:
        with pytest.raises(stanza_ner.StanzaMissing, match="pip install"):
            choose_backend(folder, "auto")


def test_auto_without_the_extra_falls_back_to_spacy(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    from pugnlp.events.components.learned import choose_backend

    folder = tmp_path / "pug_entities"
    shutil.copytree(SHIPPED / "pug_entities", folder)  # the shipped pipeline has both
    assert stanza_ner.has_model(folder / stanza_ner.STANZA_DIR)
    _without_extra(monkeypatch)
    assert choose_backend(folder, "auto") == "spacy"
    with pytest.raises(stanza_ner.StanzaMissing, match="pip install"):
        choose_backend(folder, "stanza")


def test_a_pipeline_without_a_stanza_model_says_so(tmp_path: Path) -> None:
    needs_stanza()
    from pugnlp.events.loader import load

    target = tmp_path / "model"
    shutil.copytree(SHIPPED, target)
    shutil.rmtree(target / "pug_entities" / stanza_ner.STANZA_DIR, ignore_errors=True)
    with pytest.raises(ModelError, match="no stanza entity model here .*--entity-backend stanza"):
        load(target, entity_backend="stanza")


# -- with stanza: a tiny model trained here ---------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stanza model trained for a few steps on 30 annotated documents (about 30 s)."""
    needs_stanza()
    from pugnlp.annotations import load_annotations
    from pugnlp.nlp.train import build_corpora

    docs = load_annotations(ROOT / "anotasi")
    subset = [d for d in docs if d.split == "train"][:24] + [d for d in docs
                                                             if d.split == "dev"][:6]
    train, dev, _ = build_corpora(None, subset)
    folder = tmp_path_factory.mktemp("stanza") / "model"
    card = stanza_ner.train(train, dev, folder, steps=20)
    assert card["train_sentences"] > 100 and card["vectors"]["words"] > 100
    return folder


@pytest.fixture()
def tiny_copy(tiny: Path, tmp_path: Path) -> Path:
    target = tmp_path / "stanza"
    shutil.copytree(tiny, target)
    return target


def test_the_tiny_model_holds_every_file(tiny: Path) -> None:
    names = {p.name for p in tiny.iterdir()}
    assert names == {"ner.pt", "pretrain.pt", "resources.json", "stanza.json"}


def test_entities_are_offsets_into_the_text_given(tiny: Path) -> None:
    model = stanza_ner.load(tiny)
    texts = [TEXT, "  Dra. Siti Aminah\n\nmembuka   acara di Bima.", ""]
    docs = list(model.pipe(texts))
    assert [d.text for d in docs] == texts
    for text, doc in zip(texts, docs):
        for ent in doc.ents:
            assert text[ent.start_char:ent.end_char] == ent.text
            assert ent.label_ in ("PER", "ORG", "LOC")
            assert not ent.text[0].isspace() and not ent.text[-1].isspace()


def test_tagger_reads_pugnlp_tokens_sentence_by_sentence(tiny: Path) -> None:
    model = stanza_ner.load(tiny)
    seen: list[list[str]] = []
    run = model.pipeline

    def spy(words):  # noqa: ANN001, ANN202
        seen.extend(words)
        return run(words)

    model.pipeline = spy
    model(TEXT)
    assert len(seen) == 2  # one list of tokens per sentence, the line break is none
    assert seen[0][:4] == ["Kepala", "Dinas", "P3A", "Kabupaten"]
    assert all(w.strip() for sent in seen for w in sent)


def test_the_word_vectors_are_loaded_not_random(tiny: Path) -> None:
    """stanza loads a tagger without its vectors and makes them up (#1301): ours are read."""
    import torch

    first = stanza_ner.load(tiny)
    second = stanza_ner.load(tiny)
    out = [[e.text for e in d.ents] for d in first.pipe([TEXT] * 2)]
    assert out == [[e.text for e in d.ents] for d in second.pipe([TEXT] * 2)]
    saved = torch.load(tiny / "pretrain.pt", map_location="cpu", weights_only=False)
    processor = first.pipeline.processors["ner"]
    emb = processor.trainers[0].model.word_emb.weight.detach()
    assert torch.allclose(emb[: len(saved["emb"])], torch.as_tensor(saved["emb"]))


@pytest.mark.parametrize("name", ["ner.pt", "pretrain.pt"])
def test_a_corrupt_file_is_named(tiny_copy: Path, name: str) -> None:
    (tiny_copy / name).write_bytes(b"not a torch file at all")
    with pytest.raises(ModelError, match=f"{tiny_copy / name}: cannot load the stanza"):
        stanza_ner.load(tiny_copy)


def test_a_truncated_model_is_named(tiny_copy: Path) -> None:
    data = (tiny_copy / "ner.pt").read_bytes()
    (tiny_copy / "ner.pt").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="ner.pt: cannot load"):
        stanza_ner.load(tiny_copy)


@pytest.mark.parametrize("name", ["ner.pt", "pretrain.pt", "stanza.json"])
def test_a_missing_file_is_named(tiny_copy: Path, name: str) -> None:
    (tiny_copy / name).unlink()
    with pytest.raises(ModelError, match=f"{tiny_copy / name}: missing"):
        stanza_ner.load(tiny_copy)


def test_an_unreadable_card_is_named(tiny_copy: Path) -> None:
    (tiny_copy / "stanza.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(ModelError, match="stanza.json: unreadable"):
        stanza_ner.load(tiny_copy)


@pytest.fixture()
def pipeline_with_stanza(tiny: Path, tmp_path: Path) -> Path:
    """The shipped pipeline with the tiny stanza model beside its spaCy entity model."""
    target = tmp_path / "model"
    shutil.copytree(SHIPPED, target)
    stanza_dir = target / "pug_entities" / stanza_ner.STANZA_DIR
    if stanza_dir.exists():
        shutil.rmtree(stanza_dir)
    shutil.copytree(tiny, stanza_dir)
    return target


def test_the_pipeline_uses_the_backend_asked_for(pipeline_with_stanza: Path) -> None:
    from pugnlp.article.html import text_to_article
    from pugnlp.events.loader import describe, extract_articles, load

    for backend, expected in (("stanza", "stanza"), ("spacy", "spacy"), ("auto", "spacy")):
        nlp = load(pipeline_with_stanza, entity_backend=backend)
        assert describe(nlp).endswith(f"entity model ({expected})")
        records = list(extract_articles(nlp, [text_to_article(TEXT, "a")]))
        assert records[0].doc_id == "a"


def test_cli_extract_names_the_stanza_model(pipeline_with_stanza: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / "r.jsonl"),
                                      "--model-dir", str(pipeline_with_stanza),
                                      "--entity-backend", "stanza", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "entity model (stanza)" in result.output


def test_cli_names_a_corrupt_stanza_file(pipeline_with_stanza: Path, tmp_path: Path) -> None:
    bad = pipeline_with_stanza / "pug_entities" / "stanza" / "ner.pt"
    bad.write_bytes(b"\x00garbage")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / "r.jsonl"),
                                      "--model-dir", str(pipeline_with_stanza),
                                      "--entity-backend", "stanza", "--no-progress"])
    assert result.exit_code == 1
    assert f"Error: {bad}: cannot load the stanza entity model" in result.output
    assert "Traceback" not in result.output


def test_a_stanza_pipeline_round_trips_through_disk(pipeline_with_stanza: Path,
                                                    tmp_path: Path) -> None:
    from pugnlp.article.html import text_to_article
    from pugnlp.events.loader import extract_articles, load

    nlp = load(pipeline_with_stanza, entity_backend="stanza")
    nlp.to_disk(tmp_path / "again")
    assert stanza_ner.has_model(tmp_path / "again" / "pug_entities" / "stanza")
    assert (tmp_path / "again" / "pug_entities" / "config.cfg").is_file()  # spaCy's kept
    again = load(tmp_path / "again", entity_backend="stanza")
    articles = [text_to_article(TEXT, "a")]
    assert list(extract_articles(again, articles)) == list(extract_articles(nlp, articles))


def test_both_entity_models_are_written_and_each_can_be_chosen(tiny: Path,
                                                              tmp_path: Path) -> None:
    """``pugnlp train --entity-backend both``: the spaCy model in use, stanza beside it."""
    from pugnlp.article.html import text_to_article
    from pugnlp.events.components.learned import entity_backends, load_ner
    from pugnlp.events.loader import describe, extract_articles, load

    nlp = load(SHIPPED, entity_backend="spacy")
    entities = nlp.get_pipe("pug_entities")
    entities.initialize(ner=load_ner(SHIPPED / "pug_entities"), also=stanza_ner.load(tiny))
    nlp.to_disk(tmp_path / "both")
    assert entity_backends(tmp_path / "both" / "pug_entities") == ("stanza", "spacy")
    articles = [text_to_article(TEXT, "a")]
    records = {}
    for backend in ("auto", "spacy", "stanza"):
        again = load(tmp_path / "both", entity_backend=backend)
        assert describe(again).endswith("(stanza)" if backend == "stanza" else "(spacy)")
        records[backend] = list(extract_articles(again, articles))
    assert records["auto"] == records["spacy"] == list(extract_articles(nlp, articles))
    with pytest.raises(ModelError, match="must be of the other backend"):
        entities.initialize(ner=stanza_ner.load(tiny), also=stanza_ner.load(tiny))


def test_the_shipped_pipeline_extracts_the_bundled_corpus_with_stanza(tmp_path: Path) -> None:
    """The done-means of issue 13: the extra installed, `--entity-backend stanza` works on
    the bundled corpus with the shipped model."""
    needs_stanza()
    import json

    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(ROOT / "korpus" / "contoh" / "teks"),
                                      "-o", str(out), "--model-dir", str(SHIPPED),
                                      "--entity-backend", "stanza", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "entity model (stanza)" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list((ROOT / "korpus" / "contoh" / "teks").glob("*.txt")))
    assert sum(len(r["officials"]) for r in records) > len(records)


def test_the_default_pipeline_imports_neither_stanza_nor_gensim() -> None:
    """`import pugnlp`, the CLI and loading the spaCy pipeline stay free of the extra.
    (torch is another matter: spaCy's thinc imports it whenever it is installed.)"""
    import subprocess
    import sys

    code = ("import sys, pugnlp, pugnlp.cli; from pugnlp.events.loader import load; "
            f"load({str(SHIPPED)!r}, entity_backend='spacy'); "
            "print(sorted(m for m in ('stanza', 'gensim') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_import_pugnlp_and_the_cli_import_no_model_library() -> None:
    import subprocess
    import sys

    code = ("import sys, pugnlp, pugnlp.cli, pugnlp.nlp.stanza_ner; "
            "print(sorted(m for m in ('stanza', 'torch', 'gensim', 'spacy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip().splitlines()[-1] == "[]"
