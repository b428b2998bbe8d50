"""Venues: the building or room where the activity took place."""

from __future__ import annotations

import re

from pugnlp.patterns._util import words

STRONG_VENUE_HEADS: tuple[str, ...] = (
    "Aula", "Hotel", "Ruang Rapat", "Ruang", "Ruangan", "Gedung", "Pendopo", "Pendapa",
    "Rumah Jabatan", "Rujab", "Rumdin", "Rumah Dinas", "Ballroom", "Balroom", "Auditorium",
    "Graha", "Wisma", "Convention Center", "Convention Hall", "Hall", "Command Center",
    "Meeting Room", "Baruga", "Bangsal", "Mess", "Resort", "Guest House", "Gedung Serbaguna",
    "Lamin", "Rumah Adat", "Sasana", "Bale", "Pondok", "Grand Ballroom", "Room",
)
"""Heads that name a venue wherever they occur ("Aula Bappeda", "Hotel Santika")."""

WEAK_VENUE_HEADS: tuple[str, ...] = (
    "Kantor", "Balai", "Lapangan", "Taman", "Alun-alun", "Kampus", "Masjid", "Gereja",
    "Rumah Makan", "Restoran", "Cafe", "Kafe", "Sekretariat", "Lobi", "Lobby", "Stadion",
    "Gor", "GOR", "Kediaman", "Puskesmas", "Sekolah", "Kompleks", "Komplek", "Gedung",
    "Studio", "Benteng", "Pantai", "Villa",
)
"""Heads that are venues only after a locative ("di Kantor Bupati", "di Balai Desa")."""

LOCATIVE = re.compile(
    r"(?:\b(?:bertempat|berlokasi|berlangsung|dilaksanakan|digelar|diselenggarakan|dipusatkan|"
    r"diadakan|bertempat\s+di|yang\s+berlangsung)\s+)?\b(?:di|ke|dari)\s+$",
    re.I,
)
"""Text right before a venue: "di", "bertempat di", "berlangsung di"."""

STRONG_HEAD_RE = re.compile(r"\b(?:" + words(STRONG_VENUE_HEADS) + r")\b")
LOWER_HEAD_RE = re.compile(r"\b(?:" + words(h.lower() for h in STRONG_VENUE_HEADS) + r")\b")
"""A strong head written in lowercase ("di ruang rapat DP3A"): a venue after a locative."""

HEADS_AFTER_NAME: tuple[str, ...] = (
    "Hotel", "Resort", "Room", "Hall", "Ballroom", "Convention Center", "Guest House", "Inn",
    "Homestay", "Cafe", "Resto",
)
"""Heads that may follow the name ("Fox Hotel", "Peace Room"): the capitalised words just
before them belong to the venue."""
HEAD_AFTER_NAME_RE = re.compile(r"\b(?:" + words(HEADS_AFTER_NAME) + r")\b")
NAME_BEFORE_HEAD = re.compile(r"(?:[A-Z][\w'’&-]*[ ]+){1,3}$")
"""Up to three capitalised words right before a head of :data:`HEADS_AFTER_NAME`."""

WHOLE_HEADS: frozenset[str] = frozenset({
    "Rumah Jabatan", "Rumah Dinas", "Rujab", "Rumdin", "Command Center", "Pendopo",
    "Pendapa", "Balai Kota",
})
"""Heads that name a venue with no word after them ("di Rumah Jabatan")."""
WEAK_HEAD_RE = re.compile(r"\b(?:" + words(WEAK_VENUE_HEADS) + r")\b")

VENUE_INNER_LOWER: frozenset[str] = frozenset({
    "lt.", "lt", "lantai", "no.", "no", "dan", "&", "of", "the", "aula", "rapat", "pertemuan",
    "serbaguna", "utama",
})
"""Lowercase tokens allowed inside a venue name ("Ruang Rapat lt. 2")."""

VIRTUAL = re.compile(r"\b(?:zoom|daring|virtual|online|google\s+meet|youtube|webinar)\b", re.I)

INNER_HEAD = re.compile(r"Aula|Gedung|Kantor|Ruang|Lantai|Balai|Wisma|Graha|Hotel|Lt\.?")
"""A head inside a venue name that starts a new part ("Aula ... Gedung B Kantor Bupati")."""

NEXT_WORD = re.compile(r"[ ]+(?P<w>[A-Z0-9][\w.'’\-]*|[a-z][\w.]*|&)")
"""The next word of a venue name: capitalised, a number, or a lowercase word of
:data:`VENUE_INNER_LOWER` (checked by the caller)."""

STOP_WORDS: frozenset[str] = frozenset({"Foto", "WIB", "WITA", "WIT"})
"""Capitalised words that end a venue name (a caption credit, a time zone); months and
weekdays end it too."""

ABBREVIATIONS: frozenset[str] = frozenset({"Lt", "lt", "No", "no", "Jl", "Jln", "Kab", "Kec",
                                           "Kel", "Prov", "H", "Hj", "Dr", "Ir", "St"})
"""Words whose dot inside a venue name is an abbreviation's, not a sentence end."""

# Venue words other modules look for around a mention. Three lists, not one: each is part of
# a decision already calibrated (two are features of trained selectors), and merging them
# would change what those models see.
BUILDING_WORDS: frozenset[str] = frozenset({
    "aula", "gedung", "ruang", "hotel", "balai", "pendopo", "pendapa", "kantor", "halaman",
    "lantai", "rumah", "wisma", "graha", "auditorium", "lapangan", "taman", "masjid", "gereja",
    "alun", "paseban",
})
"""Words after "di" that make a phrase a place, not a position ("dilakukan di Aula ...")."""

VENUE_BEFORE_AGENCY: frozenset[str] = frozenset({
    "aula", "kantor", "gedung", "ruang", "balai", "pendopo", "hotel", "halaman", "lantai",
})
"""A word right before an agency mention that makes it a building ("Aula Bappeda"): a feature
of the trained agency selector (:mod:`pugnlp.events.agency_select`)."""

VENUE_KEY_STOP: frozenset[str] = frozenset({
    "aula", "ruang", "rapat", "gedung", "kantor", "balai", "di", "lantai", "jalan", "jl", "hotel",
    "pendopo", "kota", "kabupaten", "kab", "provinsi", "dan", "the",
})
"""Generic words left out of a venue's key when venues of two articles are compared."""
