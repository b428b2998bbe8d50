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
