"""Anugerah Parahita Ekapraya categories and whether they were achieved or targeted."""

from __future__ import annotations

import re

from pugnlp.schema import APE_CATEGORIES

_CATEGORIES = "|".join(APE_CATEGORIES)

APE_CATEGORY = re.compile(
    r"\b(?:kategori|predikat|tingkatan|tingkat|level|kelas|klaster|peringkat|penghargaan|APE|"
    r"ekapraya|naik\s+ke|meningkat\s+ke|dari|ke)"
    r"\s+(?:(?:APE|Anugerah\s+Parahita\s+Ekapraya|Parahita\s+Ekapraya)\s+)?"
    r"(?:(?:tingkat|kategori|predikat)\s+)?(?P<cat>" + _CATEGORIES + r")\b",
    re.I,
)
"""A category named after its cue word ("kategori Madya", "APE Utama", "predikat Nindya",
"naik ke Utama", "dari pratama ke madya"); "dari"/"ke" only before a category word."""

NEXT_CATEGORY = re.compile(r"\s*(?:,\s*(?:dan\s+)?|\s+(?:dan|serta|atau)\s+)"
                           r"(?:kategori\s+|tingkat\s+)?(?P<cat>" + _CATEGORIES + r")\b", re.I)
"""A category joined to a cued one ("kategori Madya dan Nindya"): cued too."""

_LISTED = (r"(?:tingkat\s+|kategori\s+)?(?:" + _CATEGORIES + r")(?:\s*\([^()]{0,60}\))?")
CATEGORY_LIST = re.compile(
    r"\b" + _LISTED + r"(?:\s*,\s*(?:dan\s+)?" + _LISTED + r"){1,}\s*,?\s*(?:dan|serta)\s+"
    + _LISTED, re.I)
"""Three or more categories listed one after another ("tingkat Pratama (pemula), tingkat
Madya (pengembangan), tingkat Utama dan tingkat Mentor", "pratama, madya, utama dan mentor"):
the award's scale described, not a region's category. None of them is taken."""

ACHIEVED = re.compile(
    r"\b(?:meraih|diraih|memperoleh|diperoleh|mendapatkan|mendapat|menerima|diterima|"
    r"menyabet|berhasil|dianugerahi|dianugerahkan|menyandang|telah|sudah|dinobatkan|"
    r"raihan|penerima|mempertahankan|kembali\s+meraih)\b",
    re.I,
)
TARGETED = re.compile(
    r"\b(?:target|targetkan|menargetkan|ditargetkan|naik\s+kelas|naik\s+ke|naik\s+menjadi|menuju|"
    r"mudah-mudahan|semoga|harapkan|berharap|diharapkan|bisa|dapat\s+meraih|akan|ingin|"
    r"berupaya|upaya|meningkat\s+ke|minimal|mengejar|membidik|bidik|cita-cita|berpeluang|"
    r"peluang|optimistis\s+meraih|optimis\s+meraih|optimistis|optimis|mengincar|incar|menyasar)\b",
    re.I,
)
"""Cue words before a category: achieved vs targeted ("mendapatkan ... Madya" / "naik kelas
minimal di kategori Nindya")."""

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
