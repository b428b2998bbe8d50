"""A fake regional media centre (and a second portal) served on 127.0.0.x for crawl tests.

Texts are written by us: article bodies are built from a fixed Indonesian vocabulary by a
seeded generator, so every article is distinct (SimHash 20+ bits apart) yet reproducible.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

VOCAB = (
    "pemerintah kota kabupaten dinas kegiatan rapat koordinasi peserta narasumber daerah "
    "program anggaran perencanaan pembangunan masyarakat perempuan anak keluarga desa kelurahan "
    "kecamatan pelatihan sosialisasi evaluasi penghargaan dokumen kebijakan data aula hotel gedung "
    "kepala sekretaris bidang seksi bupati wali gubernur asisten staf ahli komitmen kelembagaan "
    "sumber daya manusia analisis jejaring forum diskusi pendampingan verifikasi lapangan laporan "
    "capaian target indikator tahun bulan minggu hari pagi siang sore ruang pendopo balai "
    "pelayanan publik kesehatan pendidikan ekonomi sosial budaya lingkungan infrastruktur teknologi"
).split()
GLUE = "yang dan di dengan untuk dalam pada ini oleh para juga dari ke".split()


def body_text(seed: int, words: int = 220, topic: str = "pengarusutamaan gender") -> str:
    """A reproducible Indonesian-looking body (about 8 paragraphs) mentioning ``topic``."""
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        n = rng.randint(9, 16)
        tokens = [rng.choice(VOCAB) if i % 3 else rng.choice(GLUE) for i in range(n)]
        sentences.append(" ".join(tokens).capitalize() + ".")
    sentences[1] = f"Kegiatan {topic} ini dibuka oleh kepala dinas di aula kantor."
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def article_html(title: str, body: str, date: str = "2023-10-11") -> str:
    """A WordPress-like page: nav, article with a 'Baca Juga' insert, related list, footer."""
    paras = body.split("\n\n")
    inner = "".join(f"<p>{p}</p>" for p in paras[:2])
    inner += "<p><strong>Baca Juga: Bupati resmikan jembatan desa</strong></p>"
    inner += "".join(f"<p>{p}</p>" for p in paras[2:])
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{title}</title><meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{date}T09:00:00+08:00'></head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/kategori/berita'>Berita</a></nav>"
        f"<article><h1>{title}</h1><time datetime='{date}'>{date}</time>"
        f"<div class='entry-content'>{inner}</div></article>"
        "<div class='related'><h3>Berita Terkait</h3><ul><li><a href='/x'>Lomba PUG 2019</a>"
        "</li></ul></div><footer>Media Center</footer></body></html>"
    )


@dataclass
class Hit:
    at: float
    path: str
    user_agent: str


@dataclass
class FakeSite:
    """One HTTP server with a route table; every request is recorded in ``hits``."""

    host: str = "127.0.0.1"
    routes: dict[str, Callable[["FakeSite", BaseHTTPRequestHandler], tuple[int, dict, bytes]]] = \
        field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def start(self) -> "FakeSite":
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.hits.append(Hit(time.monotonic(), self.path,
                                     self.headers.get("User-Agent", "")))
                site.counts[self.path] = site.counts.get(self.path, 0) + 1
                route = site.routes.get(self.path)
                status, headers, body = route(site, self) if route else (404, {}, b"not found")
                try:
                    self.send_response(status)
                    headers.setdefault("Content-Type", "text/html; charset=utf-8")
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.05})  # quick stop()
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, status: int = 200, ctype: str = "text/html; charset=utf-8"
             ) -> None:
        self.routes[path] = lambda s, h: (status, {"Content-Type": ctype}, html.encode("utf-8"))

    def times(self, prefix: str = "") -> list[float]:
        return [h.at for h in self.hits if h.path.startswith(prefix)]

    def requested(self, path: str) -> int:
        return self.counts.get(path, 0)


def free_port() -> int:
    """A port with nothing listening (a dead site)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
