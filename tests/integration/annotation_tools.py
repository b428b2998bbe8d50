"""Label Studio and doccano as real servers on 127.0.0.1, for the integration tests (issue 13).

Both tools pin packages that clash with pugnlp's (and with each other's), so each lives in
its own venv under ``.cache/annotation-tools/`` (or ``$PUGNLP_ANNOTATION_TOOLS``), installed
from the package registry the first time and reused while the pinned version matches (about
3 minutes once, nothing after). A template data dir per tool (Label Studio's migrations take
~45 s) is made once too; every server starts from a copy of it in a temporary folder.

The servers bind 127.0.0.1 on a free port, get a test user and token, and their outgoing
HTTP goes to a dead local proxy, so nothing leaves the machine. :meth:`Server.stop` ends the
whole process group. Measured commands and traps: ``../shared/design/PACKAGES.md`` §11.

Run the tools by hand the same way (docs/annotation.md)::

    .venv/bin/python tests/integration/annotation_tools.py install
    .venv/bin/python tests/integration/annotation_tools.py labelstudio   # or doccano
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("PUGNLP_ANNOTATION_TOOLS") or ROOT / ".cache" / "annotation-tools")

LABEL_STUDIO_REQUIREMENTS = ("label-studio==1.23.2",)
DOCCANO_REQUIREMENTS = ("doccano==1.8.4", "numpy<2", "marshmallow<4")  # broken without both
TOOLS: dict[str, tuple[str, ...]] = {"labelstudio": LABEL_STUDIO_REQUIREMENTS,
                                     "doccano": DOCCANO_REQUIREMENTS}

USER_EMAIL = "annotator@pugnlp.test"
USER_NAME = "annotator"
PASSWORD = "pugnlp-test-password"
LS_TOKEN = "pugnlp0test0token0labelstudio"
DEAD_PROXY = "http://127.0.0.1:9"   # the tools' outgoing HTTP fails here instead of leaving
START_TIMEOUT = 120.0


class ToolError(RuntimeError):
    """A tool could not be installed or started (the message says which and where the log is)."""


# -- install -------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked(name: str) -> Iterator[None]:
    """One installer at a time per tool (two pytest runs may share the cache)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def venv_dir(name: str) -> Path:
    return CACHE / name


def _stamp(name: str) -> str:
    return " ".join(TOOLS[name])


def _run_logged(args: list[str], log: Path, env: dict[str, str] | None = None,
                what: str = "") -> None:
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(args)}\n")
        out.flush()
        done = subprocess.run(args, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    if done.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise ToolError(f"{what or args[0]} failed (exit {done.returncode}); log {log}:\n"
                        + "\n".join(tail))


def ensure_installed(name: str) -> Path:
    """The venv of tool ``name``, installed with its pinned requirements unless it already is.

    Raises:
        ToolError: pip failed (the message ends with the log's tail).
    """
    venv = venv_dir(name)
    stamp = venv / ".pugnlp-requirements"
    with _locked(name):
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == _stamp(name):
            return venv
        shutil.rmtree(venv, ignore_errors=True)
        log = CACHE / f"{name}-install.log"
        log.write_text("", encoding="utf-8")
        _run_logged([sys.executable, "-m", "venv", str(venv)], log, what=f"venv for {name}")
        _run_logged([str(venv / "bin" / "pip"), "install", "-q", *TOOLS[name]], log,
                    what=f"pip install {_stamp(name)}")
        stamp.write_text(_stamp(name), encoding="utf-8")
    return venv


def ensure_all() -> dict[str, Path]:
    """Both venvs, installed side by side when missing."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(TOOLS, pool.map(ensure_installed, TOOLS)))


# -- shared server plumbing ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _base_env(home: Path) -> dict[str, str]:
    """The environment of a tool process: no inherited HOST/PORT, HOME inside ``home``."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("HOST", "PORT", "USERNAME", "PASSWORD", "VIRTUAL_ENV", "PYTHONPATH")
           and not k.lower().endswith("_proxy") and not k.startswith(("LABEL_STUDIO_",
                                                                         "DOCCANO_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "share"), XDG_CACHE_HOME=str(home / "cache"),
               HTTP_PROXY=DEAD_PROXY, HTTPS_PROXY=DEAD_PROXY, http_proxy=DEAD_PROXY,
               https_proxy=DEAD_PROXY, NO_PROXY="127.0.0.1,localhost",
               no_proxy="127.0.0.1,localhost", PYTHONUNBUFFERED="1")
    return env


@dataclass(slots=True)
class Server:
    """A running tool: its URL, the auth header of the test user, and its processes."""

    name: str
    url: str
    auth: str
    workdir: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def request(self, method: str, path: str, body: Any = None, *, raw: bytes | None = None,
                content_type: str | None = None, timeout: float = 60.0) -> Any:
        """Call the API; JSON in and out (bytes out when the answer is not JSON).

        Raises:
            ToolError: the answer is an HTTP error (its status and body in the message).
        """
        data, headers = raw, {"Authorization": self.auth}
        if body is not None:
            data, content_type = json.dumps(body).encode("utf-8"), "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with _opener().open(req, timeout=timeout) as answer:
                payload = answer.read()
                kind = answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", errors="replace")[:2000]
            raise ToolError(f"{self.name}: {method} {path} -> {exc.code}: {detail}") from exc
        if "json" in kind:
            return json.loads(payload or b"null")
        return payload

    def log_tail(self, lines: int = 30) -> str:
        parts = []
        for log in self.logs:
            text = log.read_text(encoding="utf-8", errors="replace").splitlines()
            parts.append(f"--- {log}\n" + "\n".join(text[-lines:]))
        return "\n".join(parts)

    def stop(self) -> None:
        """SIGTERM each process group, SIGKILL what is still there after 10 s."""
        for proc in self.processes:
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in self.processes:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(proc, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)
        self.processes.clear()


def _opener() -> urllib.request.OpenerDirector:
    """urllib without proxies: the servers are on 127.0.0.1."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)


def _spawn(args: list[str], env: dict[str, str], log: Path,
           cwd: Path | None = None) -> subprocess.Popen[bytes]:
    out = open(log, "ab")  # noqa: SIM115 (closed with the process)
    try:
        return subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=cwd, start_new_session=True)
    finally:
        out.close()


def _wait_until(server: Server, check: Any, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        for proc in server.processes:
            if proc.poll() is not None:
                raise ToolError(f"{server.name}: {proc.args[0]} exited with {proc.returncode} "
                                f"before {what}\n{server.log_tail()}")
        with contextlib.suppress(OSError, ToolError, ValueError):
            if check():
                return
        time.sleep(0.3)
    raise ToolError(f"{server.name}: no {what} within {START_TIMEOUT:.0f} s\n{server.log_tail()}")


def _get(url: str) -> bytes:
    with _opener().open(url, timeout=5) as answer:
        return bytes(answer.read())


# -- Label Studio ----------------------------------------------------------------------------


def _labelstudio_env(venv: Path, data: Path, home: Path) -> dict[str, str]:
    env = _base_env(home)
    env.update(
        PATH=f"{venv / 'bin'}:{env.get('PATH', '')}",
        LABEL_STUDIO_BASE_DATA_DIR=str(data), LABEL_STUDIO_USERNAME=USER_EMAIL,
        LABEL_STUDIO_PASSWORD=PASSWORD, LABEL_STUDIO_USER_TOKEN=LS_TOKEN,
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true", LABEL_STUDIO_LATEST_VERSION_CHECK="false",
        LABEL_STUDIO_COLLECT_ANALYTICS="false", SENTRY_DSN="", FRONTEND_SENTRY_DSN="",
        LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true")
    return env


def _cached_template(name: str, build: Callable[[Path], Path]) -> Path:
    """``CACHE/name``, made once by ``build(work)`` in a temp folder (it returns the folder to
    keep) and renamed into place with a ``.ready`` mark; a half-built one is rebuilt."""
    template = CACHE / name
    with _locked(name):
        if (template / ".ready").is_file():
            return template
        shutil.rmtree(template, ignore_errors=True)
        work = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=CACHE))
        try:
            built = build(work)
            (built / ".ready").write_text("", encoding="utf-8")
            built.rename(template)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return template


def labelstudio_template(venv: Path) -> Path:
    """A migrated Label Studio data dir with the test user (made once, ~45 s)."""

    def build(work: Path) -> Path:
        data = work / "data"
        _run_logged([str(venv / "bin" / "label-studio"), "init", "--quiet", "--data-dir",
                     str(data)], CACHE / "labelstudio-init.log",
                    _labelstudio_env(venv, data, work), "label-studio init")
        return data

    return _cached_template(f"labelstudio-data-{_stamp('labelstudio').split('==')[1]}", build)


def start_labelstudio(workdir: Path) -> Server:
    """Label Studio on 127.0.0.1:<free port>, from a copy of the template data dir.

    Raises:
        ToolError: install, init or start failed, or another server answers on the port.
    """
    venv = ensure_installed("labelstudio")
    data = workdir / "data"
    shutil.copytree(labelstudio_template(venv), data)
    port = free_port()
    env = _labelstudio_env(venv, data, workdir)
    server = Server("Label Studio", f"http://127.0.0.1:{port}", f"Token {LS_TOKEN}", workdir)
    log = workdir / "labelstudio.log"
    server.logs.append(log)
    # --internal-host is the bind address (--host is only the public URL); a busy port is
    # silently replaced by port+1, so the check below asks the port we chose for our user
    server.processes.append(_spawn(
        [str(venv / "bin" / "label-studio"), "start", "--data-dir", str(data), "--no-browser",
         "--internal-host", "127.0.0.1", "--port", str(port), "--host", server.url], env, log,
        cwd=workdir))
    try:
        _wait_until(server, lambda: b'"UP"' in _get(server.url + "/health"), "/health UP")
        whoami = server.request("GET", "/api/current-user/whoami")
        if whoami.get("email") != USER_EMAIL:
            raise ToolError(f"Label Studio on {server.url} is not ours: {whoami!r}")
    except BaseException:
        server.stop()
        raise
    return server


# -- doccano ---------------------------------------------------------------------------------


def _doccano_env(venv: Path, home: Path) -> dict[str, str]:
    env = _base_env(home)
    env.update(PATH=f"{venv / 'bin'}:{env.get('PATH', '')}", DOCCANO_HOME=str(home),
               STANDALONE="True", DJANGO_SETTINGS_MODULE="config.settings.production",
               DATABASE_URL=f"sqlite:///{home / 'db.sqlite3'}", MEDIA_ROOT=str(home / "media"),
               DEBUG="False")
    return env


def doccano_template(venv: Path) -> Path:
    """A migrated doccano home with the test user (made once, ~15 s)."""

    def build(home: Path) -> Path:
        env = _doccano_env(venv, home)
        doccano = str(venv / "bin" / "doccano")
        log = CACHE / "doccano-init.log"
        _run_logged([doccano, "init"], log, env, "doccano init")
        _run_logged([doccano, "createuser", "--username", USER_NAME, "--password", PASSWORD,
                     "--email", USER_EMAIL], log, env, "doccano createuser")
        return home

    return _cached_template(f"doccano-home-{_stamp('doccano').split()[0].split('==')[1]}",
                            build)


def start_doccano(workdir: Path) -> Server:
    """doccano (gunicorn on 127.0.0.1:<free port> + its Celery worker) from the template home.

    ``doccano webserver`` binds 0.0.0.0, so gunicorn is started directly; imports and exports
    are Celery tasks, hence the worker.

    Raises:
        ToolError: install, init, start or login failed.
    """
    venv = ensure_installed("doccano")
    home = workdir / "doccano"
    shutil.copytree(doccano_template(venv), home)
    # the template's absolute paths do not matter: DATABASE_URL and MEDIA_ROOT point here
    env = _doccano_env(venv, home)
    backend = next((venv / "lib").glob("python3*/site-packages/backend"))
    port = free_port()
    server = Server("doccano", f"http://127.0.0.1:{port}", "", workdir)
    web_log, task_log = workdir / "doccano-web.log", workdir / "doccano-task.log"
    server.logs += [web_log, task_log]
    server.processes.append(_spawn(
        [str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--timeout", "120", "--chdir", str(backend), "config.wsgi"], env, web_log, workdir))
    server.processes.append(_spawn(
        [str(venv / "bin" / "doccano"), "task", "--concurrency", "1"], env, task_log, workdir))
    try:
        _wait_until(server, lambda: _get(server.url + "/v1/health/") is not None, "web server")
        token = server.request("POST", "/v1/auth/login/",
                               {"username": USER_NAME, "password": PASSWORD})["key"]
        server.auth = f"Token {token}"
    except BaseException:
        server.stop()
        raise
    return server


def multipart(field_name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body with one file (doccano's upload endpoint)."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field_name}\"; "
            f"filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


# -- command line ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["install", "labelstudio", "doccano"])
    args = parser.parse_args(argv)
    if args.what == "install":
        started = time.monotonic()
        for name, venv in ensure_all().items():
            print(f"{name}: {venv}")
        print(f"templates: {labelstudio_template(venv_dir('labelstudio'))}, "
              f"{doccano_template(venv_dir('doccano'))} ({time.monotonic() - started:.0f} s)")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix=f"pugnlp-{args.what}-"))
    server = (start_labelstudio if args.what == "labelstudio" else start_doccano)(workdir)
    user = USER_EMAIL if args.what == "labelstudio" else USER_NAME
    print(f"{server.name} at {server.url} (user {user}, password {PASSWORD}; data in "
          f"{workdir}); Ctrl-C stops it")
    try:
        while all(p.poll() is None for p in server.processes):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
