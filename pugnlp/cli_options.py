"""Options shared by several commands, spelled once (as sqlite-utils' ``output_options``).

Each flag defaults to None where a setting backs it, so that the precedence is explicit: the
flag, else ``pugnlp.toml``, else the default of :class:`pugnlp.settings.Settings`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> None:
    """Stop the command with ``Error: message`` and exit code 1."""
    raise click.ClickException(message)


def rules_only_option(func: F) -> F:
    return click.option("--rules-only", is_flag=True,
                        help="Leave the trained components out; the rules decide alone.")(func)


def model_dir_option(func: F) -> F:
    return click.option(
        "--model-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Trained pipeline folder (default: model_dir of pugnlp.toml, else ./model, "
             "else the one installed with pugnlp).")(func)


def progress_option(func: F) -> F:
    return click.option("--progress/--no-progress", default=True,
                        help="Show progress as it goes.")(func)


def workers_option(func: F) -> F:
    return click.option(
        "--workers", type=click.IntRange(min=1), default=None,
        help="Processes running the pipeline (nlp.pipe n_process; same records). "
             "Default: workers of pugnlp.toml, else 1.")(func)


STORE_DEFAULT = " (default: store_path of pugnlp.toml, else korpus/korpus.sqlite)."


def store_option(*, exists: bool = False, help: str = "Corpus store",
                 default: str = STORE_DEFAULT) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--store", type=click.Path(exists=exists, dir_okay=False, path_type=Path),
            default=None, help=help + default)(func)

    return decorate


def model_options(func: F) -> F:
    """``--rules-only`` and ``--model-dir``: which pipeline to load."""
    return rules_only_option(model_dir_option(func))


def entity_backend_option(func: F) -> F:
    return click.option(
        "--entity-backend", type=click.Choice(["auto", "spacy", "stanza"]), default="auto",
        metavar="NAME",
        help="Entity model: spacy, stanza (needs the pugnlp[stanza] extra and a stanza model "
             "in the pipeline folder; the shipped one has both) or auto (default: spacy when "
             "the folder has a spaCy model, else its stanza model). The summary names the "
             "one used.")(func)


def engine_options(func: F) -> F:
    """``--engine`` and ``--scheduler``: run here, or on a Dask cluster (docs/scale.md)."""
    func = click.option(
        "--scheduler", metavar="ADDRESS", default=None,
        help="With --engine dask: the address of a running Dask scheduler (e.g. "
             "tcp://10.0.0.5:8786) whose workers have pugnlp (and its model) installed and "
             "see the inputs and the output at the same paths. Default: a local cluster on "
             "127.0.0.1 of --workers processes (default 2), stopped at the end.")(func)
    return click.option(
        "--engine", type=click.Choice(["local", "dask"]), default="local",
        help="local (default): run in this process. dask: run on a Dask cluster (needs the "
             "pugnlp[dask] extra): the same results, spread over its workers (docs/scale.md)."
        )(func)


def check_engine(engine: str, scheduler: str | None) -> None:
    """Refuse ``--scheduler`` without ``--engine dask``; with it, check that Dask is there."""
    if engine != "dask":
        if scheduler:
            fail("--scheduler needs --engine dask")
        return
    from pugnlp.cluster import require_dask

    require_dask()
