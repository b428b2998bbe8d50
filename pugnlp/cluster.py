"""Dask clusters for the ``--engine dask`` commands: a local one on 127.0.0.1, or an existing one.

Dask (``dask`` and ``distributed``) is the optional extra ``pugnlp[dask]``; without it,
:func:`require_dask` says how to install it. A shared leaf: the distributed extraction
(:mod:`pugnlp.events.distributed`) and dataset build (:mod:`pugnlp.dataset.distributed`) both
get their client here.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from pugnlp.errors import PugnlpError

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

log = logging.getLogger(__name__)

ENGINES: tuple[str, ...] = ("local", "dask")
"""``local``: this process (``--workers`` processes for the pipeline); ``dask``: a Dask cluster."""

DEFAULT_WORKERS = 2
"""Worker processes of the local cluster when ``--workers`` is not given: one per core of the
2-core machines pugnlp is measured on (docs/scale.md)."""

WORKER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}
"""Dask settings of the local cluster's workers, measured on 1,000 articles
(bench/extract_speed.py): no statistical profiler (it samples the running task every 10 ms
for a dashboard pugnlp does not start; off, the workers spent 13 % less CPU time); and the
environment Dask gives worker processes without its ``MALLOC_TRIM_THRESHOLD_=65536`` (with
it, extraction took 20.6 s of CPU in a worker against 18.7 s; one thread per numeric library
is kept)."""

CONNECT_TIMEOUT = "20s"
"""How long to wait for an existing scheduler to answer."""


P = ParamSpec("P")
T = TypeVar("T")


def gc_paused(func: Callable[P, T]) -> Callable[P, T]:
    """Run ``func`` with the cyclic garbage collector paused (then restored).

    For the tasks of the distributed dataset build, which make and drop millions of small
    acyclic objects (record dicts, rows): the collector's passes over them cost a quarter of
    the CPU time (100k synthetic records, the four rounds run in one process: 48.5 s with the
    collector, 35.6 s paused). Reference counting still frees everything they drop.
    """

    @functools.wraps(func)
    def paused(*args: P.args, **kwargs: P.kwargs) -> T:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


class DaskMissing(PugnlpError):
    """``--engine dask`` without the ``pugnlp[dask]`` extra installed."""


def require_dask() -> None:
    """Check that the Dask extra is installed.

    Raises:
        DaskMissing: naming the command that installs it.
    """
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskMissing(f"--engine dask needs the dask extra ({exc.name} is not installed): "
                          'pip install -e ".[dask]" in a checkout, or pip install '
                          '"pugnlp[dask]"') from None


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int = DEFAULT_WORKERS
                ) -> Iterator[Client]:
    """A Dask client: of the cluster at ``scheduler``, else of a new local cluster.

    The local cluster listens on 127.0.0.1 only and runs ``workers`` worker processes of one
    thread each (the pipeline and the merging are pure Python: threads would share one core);
    it is shut down when the block ends. An existing cluster is left running.

    Args:
        scheduler: address of a running scheduler (``tcp://host:8786``), or None.
        workers: worker processes of the local cluster.

    Raises:
        DaskMissing: the extra is not installed.
        PugnlpError: the scheduler cannot be reached.
    """
    require_dask()
    from distributed import Client

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise PugnlpError(f"{scheduler}: cannot reach the Dask scheduler ({exc}); start "
                              "one with `dask scheduler` (docs/scale.md), or leave --scheduler "
                              "out for a local cluster") from exc
        with client:
            log.info("dask: %s, %d workers", scheduler, len(client.scheduler_info()["workers"]))
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        log.info("dask: local cluster %s, %d workers", cluster.scheduler_address, workers)
        yield client


def local_cluster(workers: int = DEFAULT_WORKERS) -> LocalCluster:
    """The local cluster of :func:`dask_client` (use it as a context manager): ``workers``
    processes of one thread, listening on 127.0.0.1 only, without a dashboard.

    Raises:
        DaskMissing: the extra is not installed.
    """
    require_dask()
    import dask
    from distributed import LocalCluster

    # no dashboard; the scheduler's health/metrics server on a free loopback port
    http = {"dashboard": False, "dashboard_address": "127.0.0.1:0"}
    with dask.config.set(WORKER_CONFIG):  # the nannies hand it to the worker processes
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            host="127.0.0.1", scheduler_kwargs=http, silence_logs=logging.ERROR)


def worker_main() -> None:
    """``python -m pugnlp.cluster SCHEDULER [dask worker options]``: ``dask worker`` with the
    settings of the local cluster's workers (:data:`WORKER_CONFIG`), for a cluster's
    machines (docs/scale.md)."""
    require_dask()
    import dask
    from distributed.cli.dask_worker import main

    dask.config.set(WORKER_CONFIG)
    main(prog_name="python -m pugnlp.cluster")


if __name__ == "__main__":
    worker_main()
