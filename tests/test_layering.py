"""The import graph runs one way: sources -> fetch -> article -> corpus -> nlp -> events ->
annotate -> dataset -> report, with shared leaves below them all and the CLI above.

A module may import from its own stage, from an earlier stage and from the leaves, never from
a later stage; and no import cycle exists between modules. Imports inside functions count
(they are still a dependency), ``TYPE_CHECKING`` imports too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pugnlp"

LEAVES = ("errors", "settings", "schema", "dataclass_json", "records_io", "patterns", "scoring",
          "wilayah", "ioutil", "annotations", "keys", "cluster")
"""Shared leaves: the record contract, the pattern registry, the gazetteer, the scorer."""
STAGES = ("sources", "fetch", "article", "corpus", "nlp", "events", "annotate", "dataset",
          "report")
TOP = ("cli", "cli_annotate", "cli_crawl", "cli_options", "cli_docs", "__main__", "__init__")


def rank(module: str) -> int:
    """0 for a leaf, 1.. for the stages in data-flow order, above them the CLI."""
    part = module.split(".")[1] if module.count(".") else "__init__"
    if part in LEAVES:
        return 0
    if part in STAGES:
        return 1 + STAGES.index(part)
    if part in TOP:
        return 1 + len(STAGES)
    raise AssertionError(f"{module}: not placed in a stage; add it to tests/test_layering.py")


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """pugnlp modules imported by the file (resolved to the longest known module name)."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("pugnlp") and target != "pugnlp" and target != name:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(path, name, known) for name, path in found.items()}


def test_every_module_has_a_place() -> None:
    for name in modules():
        rank(name)


def test_no_import_from_a_later_stage() -> None:
    upward = sorted(f"{a} -> {b}" for a, deps in graph().items() for b in deps
                    if rank(b) > rank(a))
    assert upward == []


def test_no_import_cycle() -> None:
    deps = graph()
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(deps.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(deps):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from pugnlp.report.build import x\n", encoding="utf-8")
    found = imports(source, "pugnlp.events.x", {"pugnlp.report.build", "pugnlp.events.x"})
    assert found == {"pugnlp.report.build"}
    assert rank("pugnlp.report.build") > rank("pugnlp.events.x")
