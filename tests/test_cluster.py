"""pugnlp.cluster: the Dask extra, the local cluster's workers, the garbage collector pause."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from pugnlp.cluster import DaskMissing, gc_paused, require_dask


def test_without_the_extra_the_message_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(DaskMissing, match=r'\(dask is not installed\): pip install -e "\.\[dask\]"'):
        require_dask()


@pytest.fixture()
def collector_on():
    """The collector on during the test (an earlier test may have left it off: srsly's
    msgpack_loads does when it raises), then as it was."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_gc_paused_runs_the_function_and_restores_the_collector(collector_on):
    @gc_paused
    def inside(x: int) -> tuple[int, bool]:
        return x + 1, gc.isenabled()

    assert inside(1) == (2, False)
    assert gc.isenabled()
    gc.disable()
    try:
        assert inside(2) == (3, False)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()

    @gc_paused
    def failing() -> None:
        raise ValueError("x")

    with pytest.raises(ValueError):
        failing()
    assert gc.isenabled()


def test_local_cluster_workers_have_pugnlps_settings(dask_cluster):
    import os

    import dask
    from distributed import Client

    def settings() -> tuple:
        return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"),
                dask.config.get("distributed.worker.profile.enabled"))

    with Client(dask_cluster) as client:
        found = client.run(settings)
        assert client.scheduler_info()["address"].startswith("tcp://127.0.0.1:")
        threads = {w["nthreads"] for w in client.scheduler_info()["workers"].values()}
    assert list(found.values()) == [(None, "1", False)] * 2
    assert threads == {1}


def test_the_worker_launcher_is_dask_worker():
    result = subprocess.run([sys.executable, "-m", "pugnlp.cluster", "--help"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("Usage: python -m pugnlp.cluster [OPTIONS] [SCHEDULER]")
    assert "--nworkers" in result.stdout
