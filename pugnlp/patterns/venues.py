"""Venues: the building or room where the activity took place."""

from __future__ import annotations

import re

from pugnlp.patterns._util import words

STRONG_VENUE_HEADS: tuple[str, ...] = (
    "Aula", "Hotel", "Ruang Rapat", "Ruang", "Ruangan", "Gedung", "Pendopo", "Pendapa",
    "Rumah Jabatan", "Rujab", "Rumdin", "Rumah Dinas", "Ballroom", "Balroom", "Auditorium",
    "Graha", "Wisma", "Convention Center", "Convention Hall", "Hall", "Command Center",
    "Meeting Room", "Baruga", "Bangsal", "Mess", "Resort", "Guest House", "Gedung Serbaguna",
    "Lamin", "Rumah Adat", "Sasana", "Bale", "Pondok", "Grand Ballroom",
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
WEAK_HEAD_RE = re.compile(r"\b(?:" + words(WEAK_VENUE_HEADS) + r")\b")

VENUE_INNER_LOWER: frozenset[str] = frozenset({"lt.", "lt", "lantai", "no.", "no", "dan", "&"})
"""Lowercase tokens allowed inside a venue name ("Ruang Rapat lt. 2")."""

VIRTUAL = re.compile(r"\b(?:zoom|daring|virtual|online|google\s+meet|youtube|webinar)\b", re.I)
