"""Indonesian date expressions: "Rabu (11/10/2023)", "Selasa(31/10)", "21-22 November 2024"."""

from __future__ import annotations

import re

from pugnlp.patterns._util import words

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agst": 8, "ags": 8, "agus": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11, "nov": 11,
    "nop": 11, "desember": 12, "des": 12, "dec": 12,
}
"""Month names and the abbreviations news uses (Nop, Agt, Peb, Mrt)."""

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
"""Weekday names -> Python weekday number (Monday = 0)."""

_MONTH = r"(?:" + words(MONTHS) + r")(?![A-Za-z])\.?"
_WEEKDAY = r"(?:" + words(WEEKDAYS) + r")"
_RANGE_SEP = r"(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan|sd)"

_START = r"(?<!\w)(?=[0-9SsRrKkJjMmAaTt(])"
"""Cheap guard: a date starts with a digit, a weekday, "tanggal"/"tgl" or "(" (speed: the
engine skips the alternations at every other position)."""

NUMERIC_DATE = re.compile(
    _START + r"(?:(?P<wd>" + _WEEKDAY + r")\s*,?\s*(?:tanggal\s+|tgl\.?\s*)?\(?\s*"
    r"|(?P<tg>tanggal|tgl\.?)\s*\(?\s*|\(\s*)"
    r"(?P<d>\d{1,2})(?:\s*[-–]\s*(?P<d2>\d{1,2})(?=\s*/))?"
    r"\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}|\d{2}))?"
    r"(?![\d/])\s*\)?",
    re.I,
)
"""Numeric day/month[/year] after a weekday, "tanggal" or an opening parenthesis."""

TEXT_DATE = re.compile(
    _START + r"(?:(?P<wd>" + _WEEKDAY + r")\s*,?\s*(?:\(\s*)?(?:tanggal\s+|tgl\.?\s*)?)?"
    r"(?:(?:tanggal|tgl\.?)\s+)?"
    r"(?P<d1>\d{1,2})(?:\s+(?P<m1>" + _MONTH + r"))?(?:\s+(?P<y1>\d{4}))?"
    r"(?:\s*" + _RANGE_SEP + r"\s*(?:(?:tanggal|tgl\.?)\s+)?(?P<d2>\d{1,2}))?"
    r"\s+(?P<m>" + _MONTH + r")(?:\s*,?\s*(?P<y>\d{4}))?(?!\d)\)?",
    re.I,
)
"""Day (or day range) with a month name and optional year: "Rabu 6 Desember 2023",
"21-22 November 2024", "5 s.d. 7 Juli 2023", "30 Oktober - 1 November 2023"."""

PUBLICATION_CUES = re.compile(
    r"\b(?:diterbitkan|dipublikasikan|diposting|diunggah|posted\s+on|published|terbit|"
    r"dipublish|update|diperbarui|kategori\s*:|admin)\b\s*:?|[-|]\s*oleh\b",
    re.I,
)
"""Words that mark a publication date line rather than the activity date."""

TIME_OF_DAY = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)\b", re.I)
"""A clock time with an Indonesian time zone: typical of publication lines."""

EVENT_DATE_CONTEXT = re.compile(
    r"\b(?:digelar|menggelar|dilaksanakan|melaksanakan|diselenggarakan|menyelenggarakan|"
    r"berlangsung|bertempat|dibuka|membuka|mengadakan|diadakan|mengikuti|diikuti|pada\s+hari|"
    r"hari\s+ini|kegiatan|rapat|rakor|bimtek|sosialisasi|pelatihan|evaluasi|verifikasi|"
    r"menerima|meraih|penyerahan|dihadiri|menghadiri|dipimpin|memimpin)\b",
    re.I,
)
"""Words near an activity date (the lead sentence of a release)."""

PAST_REFERENCE = re.compile(r"\b(?:sejak|semenjak|sebelumnya|lalu|silam|kemarin\s+tahun)\b", re.I)

RELATIVE_DATE = re.compile(
    r"\b(?:(?P<wd>" + _WEEKDAY + r")\s+)?(?:\(\s*)?(?P<rel>kemarin|hari\s+ini|tadi\s+pagi|"
    r"tadi\s+siang|tadi\s+malam|pagi\s+ini|siang\s+ini|sore\s+ini)\b(?:\s*\))?",
    re.I,
)
"""A day named relative to the publication date ("kemarin", "hari ini", "Senin kemarin")."""
RELATIVE_DAYS: dict[str, int] = {
    "kemarin": -1, "hari ini": 0, "tadi pagi": 0, "tadi siang": 0, "tadi malam": 0,
    "pagi ini": 0, "siang ini": 0, "sore ini": 0,
}
"""Days from the publication date of each relative word ("pekan lalu" names no day)."""

