"""pugnlp.events.loader: loading the trained pipeline, with checks (missing, corrupt, other
versions), and what a loaded pipeline gives."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.errors import ModelError
from pugnlp.events.loader import (
    CARD_KEY,
    FINAL_PIPES,
    LEARNED_PIPES,
    RULE_PIPES,
    describe,
    extract_articles,
    load,
    read_card,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "model"
RELEVANCE = Path("pug_classifier") / "relevance.skops"
EVENT_TYPE = Path("pug_classifier") / "event_type.skops"


@pytest.fixture(scope="module")
def shipped():  # noqa: ANN201
    return load(SHIPPED)


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(SHIPPED, target)
    return target


def _edit_card(folder: Path, **changes: object) -> None:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta[CARD_KEY].update(changes)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_shipped_pipeline_loads_in_the_declared_order_and_is_small(shipped) -> None:  # noqa: ANN001
    assert tuple(shipped.pipe_names) == RULE_PIPES + LEARNED_PIPES + FINAL_PIPES
    assert describe(shipped) == "rules + classifier + entity model (spacy)"
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size <= 50_000_000


def test_rules_only_has_no_learned_component() -> None:
    nlp = load(SHIPPED, rules_only=True)
    assert tuple(nlp.pipe_names) == RULE_PIPES + FINAL_PIPES
    assert describe(nlp) == "rules"


def test_a_folder_without_a_pipeline_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="pugnlp train"):
        load(tmp_path)


def test_no_default_pipeline_means_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import pugnlp.events.loader as loader

    monkeypatch.setattr(loader, "default_model_dir", lambda: None)
    assert describe(load()) == "rules"


def test_loading_leaves_the_garbage_collector_as_it_found_it(model_copy: Path) -> None:
    (model_copy / RELEVANCE).write_bytes(b"not a zip")
    assert gc.isenabled()
    with pytest.raises(ModelError):
        load(model_copy)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # objects frozen while loading are thawed
    gc.disable()
    try:
        load(SHIPPED)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_corrupt_classifier_names_file_and_fix(model_copy: Path) -> None:
    (model_copy / EVENT_TYPE).write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError) as err:
        load(model_copy)
    assert "event_type.skops" in str(err.value) and "pugnlp train" in str(err.value)


@pytest.mark.parametrize("component", ["pug_agency_select", "pug_official_select"])
def test_selectors_are_loaded_with_their_threshold(shipped, component: str) -> None:  # noqa: ANN001
    card = read_card(SHIPPED)
    key = component.removeprefix("pug_").replace("select", "selector")
    assert shipped.get_pipe(component).threshold == card[key]["threshold"]


@pytest.mark.parametrize("component", ["pug_agency_select", "pug_official_select"])
def test_missing_selector_names_file_and_fix(model_copy: Path, component: str) -> None:
    (model_copy / component / "model.skops").unlink()
    with pytest.raises(ModelError) as err:
        load(model_copy)
    assert f"{component}/model.skops" in str(err.value) and "pugnlp train" in str(err.value)


def test_a_selector_without_threshold_is_refused(model_copy: Path) -> None:
    shutil.copy(model_copy / RELEVANCE, model_copy / "pug_agency_select" / "model.skops")
    with pytest.raises(ModelError, match="not a selector with a threshold"):
        load(model_copy)


def test_missing_entity_model(model_copy: Path) -> None:
    shutil.rmtree(model_copy / "pug_entities")
    with pytest.raises(ModelError, match="entity model missing"):
        load(model_copy)


def test_version_mismatch_is_refused(model_copy: Path) -> None:
    versions = dict(read_card(model_copy)["versions"], **{"scikit-learn": "0.24.2"})
    _edit_card(model_copy, versions=versions)
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        load(model_copy)


def test_untrusted_type_is_refused(tmp_path: Path) -> None:
    """A file holding a type outside skops' defaults and TRUSTED_TYPES refuses to load."""
    import zipfile
    from fractions import Fraction

    import skops.io as sio

    from pugnlp.events.classify import load_model

    path = tmp_path / "evil.skops"
    path.write_bytes(sio.dumps({"x": Fraction(1, 3)}, compression=zipfile.ZIP_DEFLATED))
    with pytest.raises(ModelError, match="untrusted types.*Fraction"):
        load_model(path)


def test_cli_reports_a_bad_model_without_traceback(model_copy: Path, tmp_path: Path) -> None:
    (model_copy / RELEVANCE).write_bytes(b"garbage")
    article = tmp_path / "a.txt"
    article.write_text("Rakor PUG di Aula Bappeda Sigi, Kamis (14/3/2024), dibuka Sekda Sigi.",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / "o.jsonl"),
                                      "--model-dir", str(model_copy), "--no-progress"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "relevance.skops" in result.output
    assert "Traceback" not in result.output


def test_learned_pipeline_fills_scores(shipped) -> None:  # noqa: ANN001
    from pugnlp.article.html import text_to_article

    text = ("Bimtek PPRG bagi Perencana OPD Kota Palu\n\nPALU – Dinas Pemberdayaan Perempuan dan "
            "Perlindungan Anak (DP3A) Kota Palu menggelar bimbingan teknis perencanaan dan "
            "penganggaran responsif gender (PPRG) bagi perencana perangkat daerah di Hotel "
            "Santika Palu, Selasa (7/5/2024). Kegiatan diikuti 40 peserta.")
    record = next(extract_articles(shipped, [text_to_article(text, "palu")]))
    assert record.relevant and record.event_type == "bimtek_pelatihan"
    assert 0.5 <= record.relevant_score <= 1.0 and 0.0 < record.event_type_score <= 1.0


# -- the pipeline as spaCy sees it -----------------------------------------------------------

TEXTS = ROOT / "korpus" / "contoh" / "teks"


def _articles(n: int = 12) -> list:  # type: ignore[type-arg]
    from pugnlp.article.load import iter_articles

    return [a for a in iter_articles([TEXTS])][:n]


@pytest.mark.parametrize("rules_only", [True, False])
def test_analyze_pipes_reports_no_problems(rules_only: bool) -> None:
    nlp = load(SHIPPED, rules_only=rules_only)
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    # every pugnlp component declares what it assigns
    assert all(analysis["summary"][n]["assigns"] for n in nlp.pipe_names if n.startswith("pug_"))


def test_a_component_out_of_order_is_reported() -> None:
    from pugnlp.events.loader import build

    nlp = build()
    nlp.remove_pipe("pug_venues")
    nlp.add_pipe("pug_venues")  # now after pug_places, which requires it
    problems = nlp.analyze_pipes()["problems"]
    assert "doc._.venues" in problems["pug_places"]


def test_n_process_gives_the_same_records(shipped) -> None:  # noqa: ANN001
    articles = _articles()
    one = list(extract_articles(shipped, articles, n_process=1))
    two = list(extract_articles(shipped, articles, n_process=2, batch_size=4))
    assert [r.doc_id for r in two] == [a.doc_id for a in articles]
    assert two == one


def test_nlp_pipe_on_article_texts_carries_the_articles(rules_nlp) -> None:  # noqa: ANN001
    from pugnlp.events.loader import ArticleText
    from pugnlp.events.record import record_from_doc

    articles = _articles(4)
    docs = list(rules_nlp.pipe((ArticleText(a) for a in articles), n_process=2, batch_size=1))
    assert [d._.article for d in docs] == articles
    assert [record_from_doc(d).doc_id for d in docs] == [a.doc_id for a in articles]


def test_a_bare_text_is_its_own_article(rules_nlp) -> None:  # noqa: ANN001
    from pugnlp.events.record import record_from_doc

    text = "Rakor PUG Kota Palu\n\nPALU – DP3A Kota Palu menggelar rakor Pokja PUG, Rabu (11/10/2023)."
    record = record_from_doc(rules_nlp(text))
    assert record.relevant and record.event_date == "2023-10-11"
    assert record.kab_kota_code == "72.71" and len(record.doc_id) == 16


def test_record_from_doc_refuses_an_unprocessed_doc(rules_nlp) -> None:  # noqa: ANN001
    from pugnlp.events.record import record_from_doc

    with pytest.raises(ValueError, match="pugnlp.load"):
        record_from_doc(rules_nlp.make_doc("Teks tanpa pipeline."))


def test_rules_pipeline_round_trips_through_disk(tmp_path: Path, rules_nlp) -> None:  # noqa: ANN001
    import spacy

    rules_nlp.to_disk(tmp_path / "rules")
    assert not (tmp_path / "rules" / "tokenizer").exists()  # the tokenizer is code
    loaded = spacy.load(tmp_path / "rules")
    assert loaded.pipe_names == rules_nlp.pipe_names
    articles = _articles(6)
    assert list(extract_articles(loaded, articles)) == list(extract_articles(rules_nlp, articles))


def test_spacy_load_after_import_pugnlp_in_a_fresh_process() -> None:
    """``import pugnlp; spacy.load("model")`` gives the pipeline pugnlp.load gives."""
    import subprocess
    import sys

    code = ("import json, spacy, pugnlp\n"
            "from pugnlp.article.load import iter_articles\n"
            f"nlp = spacy.load({str(SHIPPED)!r})\n"
            f"a = [x for x in iter_articles([__import__('pathlib').Path({str(TEXTS)!r})])][:3]\n"
            "docs = nlp.pipe(pugnlp.ArticleText(x) for x in a)\n"
            "print(json.dumps({'pipes': nlp.pipe_names,\n"
            "                  'records': [pugnlp.record_from_doc(d).as_dict() for d in docs]}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd="/").stdout
    result = json.loads(out.strip().splitlines()[-1])
    shipped = load(SHIPPED)
    assert result["pipes"] == shipped.pipe_names
    expected = [r.as_dict() for r in extract_articles(shipped, _articles(3))]
    assert result["records"] == expected


def test_wheel_installs_every_file_of_the_shipped_pipeline() -> None:
    """pyproject's data-files (the pipeline of an installed wheel) cover every file of model/."""
    import tomllib
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = [p for ps in config["tool"]["setuptools"]["data-files"].values() for p in ps]
    files = [p.relative_to(ROOT).as_posix() for p in SHIPPED.rglob("*") if p.is_file()]
    missing = [f for f in files if not any(fnmatch(f, p) and f.count("/") == p.count("/")
                                           for p in patterns)]
    assert missing == []


def test_the_trained_pipeline_round_trips_through_disk(tmp_path: Path, shipped) -> None:  # noqa: ANN001
    """Every learned component writes what it reads back: the same records after to_disk."""
    shipped.to_disk(tmp_path / "again")
    for name in LEARNED_PIPES:
        assert any((tmp_path / "again" / name).iterdir()), name
    again = load(tmp_path / "again")
    articles = _articles(8)
    assert list(extract_articles(again, articles)) == list(extract_articles(shipped, articles))


def test_a_pipeline_of_an_older_pugnlp_gets_the_missing_rule_components(
        model_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    import spacy

    old = spacy.load(model_copy)
    for name in ("pug_region", "pug_event_type"):
        old.remove_pipe(name)
    old.to_disk(model_copy)
    nlp = load(model_copy)
    assert tuple(nlp.pipe_names) == RULE_PIPES + LEARNED_PIPES + FINAL_PIPES
    assert "pug_region, pug_event_type" in caplog.text and "pugnlp train" in caplog.text
