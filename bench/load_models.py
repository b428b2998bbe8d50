"""Time to load every trained model in model/ (fresh process; library imports included).

    python bench/load_models.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    t0 = time.perf_counter()
    from pugnlp.models import load_models

    classifier, entity_model = load_models(ROOT / "model", required=True)
    seconds = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in (ROOT / "model").rglob("*") if p.is_file())
    print(json.dumps({"load_s": round(seconds, 2), "model_dir_mb": round(size / 1e6, 1),
                      "classifier": classifier is not None,
                      "entity_model": entity_model is not None}, indent=1))


if __name__ == "__main__":
    main()
