"""Tunable settings with documented defaults (overridable by ``pugnlp.toml`` and CLI flags)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from pugnlp.errors import PugnlpError

MAX_INPUT_BYTES = 5 * 1024 * 1024
"""Inputs larger than this are refused: a release is 2-20 KB; 5 MB is a dump, not an article."""


@dataclass(frozen=True, slots=True)
class Settings:
    """All knobs in one frozen value, passed down explicitly (never read from a global)."""

    max_input_bytes: int = MAX_INPUT_BYTES
    # Politeness: PACKAGES.md section 8; Scrapy ignores robots Crawl-delay, so we apply it.
    download_delay: float = 5.0
    user_agent: str = "pugnlp/0.1 (+https://github.com/pugnlp/pugnlp; pugnlp@proton.me)"
    model_dir: Path = Path("model")
    store_path: Path = Path("korpus/korpus.sqlite")


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``pugnlp.toml`` (if given or present in the cwd), then explicit overrides."""
    settings = Settings()
    candidate = path if path is not None else Path("pugnlp.toml")
    if candidate.is_file():
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise PugnlpError(f"{candidate}: cannot read settings ({exc})") from exc
        known = {f.name: f for f in fields(Settings)}
        values = {}
        for key, value in data.get("pugnlp", data).items():
            if key not in known:
                raise PugnlpError(f"{candidate}: unknown setting {key!r}")
            values[key] = Path(value) if key.endswith(("_dir", "_path")) else value
        settings = replace(settings, **values)
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given) if given else settings
