"""Tunable settings with documented defaults, overridden by ``pugnlp.toml``, then CLI flags.

The CLI group builds one :class:`Settings` (``pugnlp --config FILE``, else ``./pugnlp.toml``
when present) and passes it to every command; the library takes it as an argument and never
reads a global. Every default path of the tool lives here. Example ``pugnlp.toml``::

    [pugnlp]
    model_dir = "model"
    store_path = "korpus/korpus.sqlite"
    output_dir = "keluaran"
    download_delay = 8.0
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from pugnlp.errors import PugnlpError

MAX_INPUT_BYTES = 5 * 1024 * 1024
"""Inputs larger than this are refused: a release is 2-20 KB; 5 MB is a dump, not an article."""
CONFIG_FILE = Path("pugnlp.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    """All knobs in one frozen value, passed down explicitly (never read from a global)."""

    max_input_bytes: int = MAX_INPUT_BYTES
    # Politeness: PACKAGES.md section 8; Scrapy ignores robots Crawl-delay, so we apply it.
    download_delay: float = 5.0
    user_agent: str = "pugnlp/0.1 (+https://github.com/pugnlp/pugnlp; pugnlp@proton.me)"
    model_dir: Path | None = None
    """Trained pipeline; None: ``./model``, the checkout's ``model/``, or the one a wheel
    installed in ``<prefix>/share/pugnlp/model`` (``pugnlp.events.loader.default_model_dir``)."""
    store_path: Path = Path("korpus/korpus.sqlite")
    sources_path: Path = Path("korpus/sumber.csv")
    corpus_dir: Path = Path("korpus/contoh/teks")
    """What ``pugnlp run`` reads when given no input: the bundled example releases."""
    output_dir: Path = Path("keluaran")
    anotasi_dir: Path = Path("anotasi")
    anotasi_file: Path = Path("anotasi/dokumen.jsonl")
    drafts_dir: Path = Path("anotasi/draft")
    ner_corpora: Path | None = None
    """Folder of the public NER corpora ``pugnlp train`` adds to the annotated documents
    (idner-news-2k, ...: docs/models.md "Training data"); None: the annotated documents alone."""
    workers: int = 1
    """Processes running the extraction pipeline (``nlp.pipe(n_process=...)``)."""


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``pugnlp.toml`` (if given or present in the cwd), then explicit overrides
    (None values are ignored).

    Raises:
        PugnlpError: the file is unreadable, or names an unknown setting.
    """
    settings = Settings()
    candidate = path if path is not None else CONFIG_FILE
    if path is not None and not candidate.is_file():
        raise PugnlpError(f"{candidate}: settings file not found")
    if candidate.is_file():
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise PugnlpError(f"{candidate}: cannot read settings ({exc})") from exc
        known = {f.name for f in fields(Settings)}
        values = {}
        for key, value in data.get("pugnlp", data).items():
            if key not in known:
                raise PugnlpError(f"{candidate}: unknown setting {key!r} (known: "
                                  f"{', '.join(sorted(known))})")
            values[key] = Path(value) if key.endswith(("_dir", "_path", "_file", "_corpora")) \
                else value
        settings = replace(settings, **values)
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given) if given else settings
