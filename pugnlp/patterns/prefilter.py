"""Cheap relevance pre-filter for the crawler: does a page talk about gender mainstreaming at all?

Recall first: this only keeps a portal's unrelated news (football, traffic, prices) out of the
store; the trained classifier decides relevance later. A page that matches none of
:data:`PUG_KEYWORDS` is kept as a stub row with the reason instead of in full.
Also holds the function words that tell an Indonesian page from a page in another language.
"""

from __future__ import annotations

import re

from pugnlp.patterns._util import alt, words

PUG_PHRASES: tuple[str, ...] = (
    "pengarusutamaan gender", "pengarus utamaan gender", "pengarusutamaan hak anak",
    "gender mainstreaming", "kesetaraan gender", "keadilan gender", "responsif gender",
    "perencanaan dan penganggaran responsif gender", "anggaran responsif gender",
    "parahita ekapraya", "pemberdayaan perempuan", "perlindungan perempuan",
    "indeks pembangunan gender", "indeks pemberdayaan gender", "indeks ketimpangan gender",
    "data terpilah", "analisis gender", "gender analysis pathway", "gender budget statement",
    "focal point", "pokja pug", "kelompok kerja pug", "gender",
)
"""Phrases matched case-insensitively (``gender`` alone keeps recall high: it is rare in
unrelated regional news)."""

PUG_ACRONYMS: tuple[str, ...] = ("PUG", "PPRG", "ARG", "APE", "KemenPPPA", "KPPPA", "PUSPA",
                                 "PUHA", "IPG", "IDG", "IKG")
"""Acronyms matched case-sensitively as whole words (DOMAIN.md)."""

WOMEN_AGENCY_SHAPE = r"\bD(?:[A-Z0-9]{0,8})(?:P3A|PPPA|PPA|P2A)(?:[A-Z0-9]{0,8})\b"
"""DP3A-family acronyms by shape: D(inas) ... P3A/PPPA ... (DP3A, DP3AP2KB, DP2KBP3A, DKP3A,
DPMPPA, DP2KBPMP2A ...), so unseen regional variants match too."""

PUG_KEYWORDS = re.compile(
    r"(?i:\b(?:" + words(PUG_PHRASES) + r")\b)"
    r"|\b(?:" + alt(re.escape(a) for a in PUG_ACRONYMS) + r")\b"
    r"|" + WOMEN_AGENCY_SHAPE
)
"""Any sign that a page is about gender mainstreaming."""

INDONESIAN_FUNCTION_WORDS: frozenset[str] = frozenset({
    "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "dalam", "pada", "ini", "itu",
    "adalah", "akan", "oleh", "para", "juga", "tidak", "atau", "sebagai", "kepada", "bahwa",
    "telah", "serta", "karena", "tersebut", "kami", "kita", "agar", "dapat", "bagi", "sudah",
    "ada", "saat", "secara", "dalam", "kegiatan", "menjadi", "lebih", "masyarakat",
})
"""Frequent Indonesian words; in regional releases they make up 15-25 % of the tokens, in an
English or Javanese page well under 5 %."""

TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
