"""pugnlp.events.training: the learned components are fitted, initialised and written as one
pipeline folder (nlp.to_disk), atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from pugnlp.events.loader import build, load

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "model"


def test_official_selector_trains_on_the_entity_models_persons() -> None:
    from pugnlp.annotations import load_annotations
    from pugnlp.events.training import _train_official_selector

    docs = load_annotations(ROOT / "anotasi")
    subset = ([d for d in docs if d.split == "train"]
              + [d for d in docs if d.split == "dev"][:30]
              + [d for d in docs if d.split == "test"][:20])
    ner = load(SHIPPED).get_pipe("pug_entities").ner
    messages: list[str] = []
    card = _train_official_selector(subset, build(), ner, messages.append)
    assert 0.3 <= card["threshold"] <= 0.9
    assert set(card["scores"]) == {"dev", "test"}
    for split in card["scores"].values():
        assert split["documents"] > 0
    # the selector only adds officials, and its threshold is chosen on dev
    assert card["scores"]["dev"]["with_selected_officials_f1"] >= \
        card["scores"]["dev"]["rules_officials_f1"]
    assert list(card["model"].classes_) == [False, True]
    assert any("persons the entity model finds" in m for m in messages)


def test_save_pipeline_replaces_the_folder_only_when_complete(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from pugnlp.events.training import save_pipeline

    out = tmp_path / "model"
    save_pipeline(build(), out)
    assert (out / "config.cfg").is_file()
    before = sorted(p.name for p in out.iterdir())
    nlp = build()

    def broken(path: Path, **kwargs: object) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "config.cfg").write_text("half", encoding="utf-8")
        raise OSError("No space left on device")

    monkeypatch.setattr(nlp, "to_disk", broken)
    with pytest.raises(OSError, match="No space"):
        save_pipeline(nlp, out)
    assert sorted(p.name for p in out.iterdir()) == before
    assert (out / "config.cfg").read_text(encoding="utf-8") != "half"
    assert [p.name for p in tmp_path.iterdir()] == ["model"]  # no temp folder left behind


def _small_anotasi(path: Path) -> Path:
    """A small annotation file cut from the repository's own: per split and event type a
    few documents (54 in all), so that every class is there to learn."""
    import collections
    import json

    from pugnlp.annotations import split_of

    caps = {"train": 4, "dev": 1, "test": 1}
    taken: collections.Counter[tuple[str, str]] = collections.Counter()
    lines = []
    for line in (ROOT / "anotasi" / "dokumen.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = (split_of(row["id"]), row.get("event_type") or "none")
        if taken[key] < caps[key[0]]:
            taken[key] += 1
            lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_fresh_clone_trains_from_the_annotated_documents_alone(tmp_path: Path) -> None:
    from pugnlp.events.loader import extract_text
    from pugnlp.events.training import train_all

    anotasi = _small_anotasi(tmp_path / "small.jsonl")
    out = tmp_path / "model"
    messages: list[str] = []
    card = train_all(anotasi, None, out, ner_steps=300, progress=messages.append)
    assert card["data"]["public_ner"] == {}
    assert card["data"]["ner_corpus"]["public_sets"] == []
    assert list(card["data"]["anotasi"]) == ["small.jsonl"]
    assert set(card["scores"]["entities"]) == {"anotasi test"}
    assert card["scores"]["entities"]["anotasi test"]["ents_f"] > 0.5
    assert any("anotasi train" in m for m in messages)
    nlp = load(out)
    record = extract_text("Rakor Pokja PUG Kabupaten Sigi\n\nDP3A Kabupaten Sigi menggelar "
                          "rapat koordinasi Pokja PUG di aula Bappeda, Selasa (5/3/2024).",
                          nlp, doc_id="sigi")
    assert record.relevant and record.kab_kota == "Kabupaten Sigi"


def test_a_missing_public_corpus_stops_before_any_training(tmp_path: Path) -> None:
    from pugnlp.events.training import train_all
    from pugnlp.nlp.train import CorpusMissing

    out = tmp_path / "model"
    with pytest.raises(CorpusMissing, match=r"idner-news-2k/train\.txt: missing.*github\.com"):
        train_all(ROOT / "anotasi", tmp_path, out, progress=lambda _: None)
    with pytest.raises(CorpusMissing, match="--extra-ner nerui needs --ner-corpora"):
        train_all(ROOT / "anotasi", None, out, extra_ner=("nerui",), progress=lambda _: None)
    assert not out.exists()


def test_too_few_persons_for_the_official_selector_is_a_clear_error(tmp_path: Path) -> None:
    from pugnlp.events.training import TrainingError, train_all

    anotasi = _small_anotasi(tmp_path / "small.jsonl")
    out = tmp_path / "model"
    with pytest.raises(TrainingError, match="official selector: the entity model found"):
        train_all(anotasi, None, out, ner_steps=20, progress=lambda _: None)
    assert not out.exists()
