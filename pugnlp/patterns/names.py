"""Person names: the words that never belong to one, and the words that do (name particles).

:func:`not_name_words` collects the registry's domain vocabulary (agency heads, venue heads,
event cues) that a capitalised word in a press release may be without being a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pugnlp.patterns.agencies import AGENCY_HEADS
from pugnlp.patterns.dates import MONTHS, WEEKDAYS
from pugnlp.patterns.events import EVENT_CUES
from pugnlp.patterns.honorifics import fold
from pugnlp.patterns.venues import STRONG_VENUE_HEADS, WEAK_VENUE_HEADS

CALENDAR_WORDS: frozenset[str] = frozenset(fold(w) for w in list(MONTHS) + list(WEEKDAYS))
"""Month and weekday names, folded ("Agus" and "Juni" are also given names: callers that
know the name lexicon take those out)."""

CHUNK_BREAK_WORDS: frozenset[str] = CALENDAR_WORDS | {
    "wib", "wita", "wit", "foto", "sumber", "baca", "ia", "beliau", "dia", "mereka", "kami",
    "kita", "saya", "menurut", "namun", "selain", "sementara", "sebelumnya", "selanjutnya",
    "kemudian", "adapun", "turut", "hadir", "para", "seluruh",
}
"""Capitalised words (folded) that end a run of position/name words."""

NOT_NAME_CAPS: frozenset[str] = CHUNK_BREAK_WORDS | {
    "juga", "dalam", "pada", "untuk", "dengan", "acara", "kegiatan", "rapat", "rakor", "bimtek",
    "pokja", "tim", "pug", "hal", "bapak", "ibu", "kota", "kabupaten", "provinsi", "pemerintah",
    "desa", "kecamatan",
}
"""Capitalised words (folded) that are never part of a person's name: every chunk break, and
words that may sit inside a run ("Rakor", "Kota") but not inside a name."""

NAME_PARTICLES: frozenset[str] = frozenset({
    "I", "Ni", "Made", "Wayan", "Nyoman", "Ketut", "Gede", "Putu", "Komang", "Kadek", "Nengah",
    "Luh", "Gusti", "Agung", "Ayu", "Bagus", "Ida", "Desak", "Dewa", "Cokorda", "La", "Wa", "Ode",
    "Teuku", "Cut", "Raden", "Rr", "Andi", "Daeng", "Tengku", "Teungku", "Lalu", "Baiq",
})
"""Name-internal words of Balinese, Bugis/Buton, Acehnese and Javanese names (I Made, Ni Luh,
La Ode, Wa Ode, Andi, Teuku, Cut, Sasak Lalu/Baiq): part of the name, never a position or an
honorific."""

NAME_PARTICLES_LOWER: frozenset[str] = frozenset({"br", "boru", "bin", "binti", "van", "de"})
"""Lowercase name-internal words ("Rosmawati br Simanjuntak")."""

NAME_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}|Moh\.|Muh\.|Mhd\.|Muh|Moh|M\.")
"""An initial or a shortened Muhammad ("Josefintje B. Wandosa", "Moh. Imran"); fullmatch."""

_NOT_NAME_EXTRA: frozenset[str] = frozenset({
    "gender", "pengarusutamaan", "pengerustamaan", "kesetaraan", "keadilan", "perempuan", "anak",
    "responsif", "focal", "point", "driver", "inovasi", "pembangunan", "parahita", "ekapraya",
    "anugerah", "penghargaan", "ibukota",
})
"""PUG vocabulary not already in the heads and cues below (awards, "focal point")."""


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Words of the pattern registry that are never a person's name (Aula, Rakor, Gender...):
    the words of agency and venue heads, of event cues, and :data:`_NOT_NAME_EXTRA`, folded."""
    vocab: set[str] = set()
    for phrase in list(AGENCY_HEADS) + list(STRONG_VENUE_HEADS) + list(WEAK_VENUE_HEADS):
        vocab.update(fold(w) for w in phrase.split())
    for cues in EVENT_CUES.values():
        for pattern, _ in cues:
            vocab.update(fold(w) for w in pattern.replace(r"\s+", " ").split() if w.isalpha())
    vocab.update(_NOT_NAME_EXTRA)
    return frozenset(v for v in vocab if v)
