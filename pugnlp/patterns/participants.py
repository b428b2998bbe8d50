"""Stated participant counts ("diikuti 30 peserta", "sebanyak 60 orang peserta")."""

from __future__ import annotations

import re

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "lima belas": 15, "dua puluh": 20, "dua puluh lima": 25, "tiga puluh": 30, "empat puluh": 40,
    "lima puluh": 50, "enam puluh": 60, "tujuh puluh": 70, "delapan puluh": 80,
    "sembilan puluh": 90, "seratus": 100, "dua ratus": 200, "tiga ratus": 300,
}

_NUM = r"(?P<n>\d{1,3}(?:[.,]\d{3})*|\d+|" + "|".join(
    sorted((w.replace(" ", r"\s+") for w in NUMBER_WORDS), key=len, reverse=True)) + r")"
_PEOPLE = (r"(?:orang\s+)?(?:peserta|orang|undangan|perwakilan|anggota|pejabat|ASN|kader|"
           r"focal\s+point|tamu|hadirin|perempuan|pegawai|guru|siswa|mahasiswa|kepala\s+desa|"
           r"camat|lurah|aparatur|personel)")

PARTICIPANT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:diikuti|dihadiri|melibatkan|menghadirkan|mengundang)\s+(?:oleh\s+)?(?:sebanyak\s+|sekitar\s+|kurang\s+lebih\s+|"
               r"lebih\s+dari\s+|±\s*)?" + _NUM + r"\s+" + _PEOPLE + r"\b", re.I),
    re.compile(r"\bpeserta\s+(?:yang\s+hadir\s+|kegiatan\s+(?:ini\s+)?)?(?:sebanyak|berjumlah|"
               r"mencapai|ada)\s+" + _NUM + r"(?:\s+orang)?\b", re.I),
    re.compile(r"\b" + _NUM + r"\s+(?:orang\s+)?peserta\b", re.I),
    # "diikuti 35 operator data", "melibatkan 60 kader": any noun that is not a unit
    re.compile(r"\b(?:diikuti|dihadiri|melibatkan|menghadirkan)\s+(?:oleh\s+)?(?:sebanyak\s+|"
               r"sekitar\s+|kurang\s+lebih\s+|lebih\s+dari\s+)?" + _NUM + r"\s+(?P<noun>[a-z]+)\b",
               re.I),
    # "Sebanyak 70 perbekel dan lurah ... mengikuti": needs a verb of taking part after it
    re.compile(r"\b(?:sebanyak|sekitar|kurang\s+lebih)\s+" + _NUM + r"\s+(?P<noun>[a-z]+)\b"
               r"(?=[^.]{0,160}\b(?:mengikuti|ikut|hadir|menghadiri|berpartisipasi|dilatih)\b)",
               re.I),
)
"""Counts of people taking part; "28 organisasi wanita" is not a participant count."""


NOT_PEOPLE: frozenset[str] = frozenset({
    "opd", "perangkat", "organisasi", "lembaga", "instansi", "desa", "kelurahan", "kecamatan",
    "kabupaten", "kota", "provinsi", "sekolah", "unit", "dinas", "badan", "rupiah", "juta",
    "miliar", "ribu", "persen", "hari", "tahun", "bulan", "minggu", "jam", "kali", "kegiatan",
    "program", "dokumen", "indikator", "kelompok", "tim", "paket", "item", "poin", "kampung",
    "nagari", "gampong", "distrik", "skpd", "pd", "titik", "lokasi", "sesi", "materi", "menit",
    "narasumber", "pemateri", "pembicara", "fasilitator", "instruktur", "pelatih", "moderator",
})
"""Nouns after a number that count things, not people ("diikuti 12 OPD", "28 organisasi"), or
people who speak rather than take part ("menghadirkan dua narasumber")."""

TRIGGER = re.compile(r"peserta|diikuti|dihadiri|melibatkan|menghadirkan|mengundang|sebanyak|"
                     r"sekitar|kurang\s+lebih", re.I)
"""Words near which a participant count is looked for."""
