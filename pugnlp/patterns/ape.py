"""Anugerah Parahita Ekapraya categories and whether they were achieved or targeted."""

from __future__ import annotations

import re

from pugnlp.schema import APE_CATEGORIES

APE_CATEGORY = re.compile(
    r"\b(?:kategori|predikat|tingkat|level|kelas|klaster|peringkat|penghargaan|APE|ekapraya)"
    r"\s+(?:(?:APE|Anugerah\s+Parahita\s+Ekapraya|Parahita\s+Ekapraya)\s+)?"
    r"(?:(?:tingkat|kategori|predikat)\s+)?(?P<cat>" + "|".join(APE_CATEGORIES) + r")\b",
    re.I,
)
"""A category named after its cue word ("kategori Madya", "APE Utama", "predikat Nindya")."""

ACHIEVED = re.compile(
    r"\b(?:meraih|diraih|memperoleh|diperoleh|mendapatkan|mendapat|menerima|diterima|"
    r"menyabet|berhasil|dianugerahi|dianugerahkan|menyandang|telah|sudah|dinobatkan|"
    r"raihan|penerima|mempertahankan|kembali\s+meraih)\b",
    re.I,
)
TARGETED = re.compile(
    r"\b(?:target|menargetkan|ditargetkan|naik\s+kelas|naik\s+ke|naik\s+menjadi|menuju|"
    r"mudah-mudahan|semoga|harapkan|berharap|diharapkan|bisa|dapat\s+meraih|akan|ingin|"
    r"berupaya|upaya|meningkat\s+ke|minimal|mengejar|membidik|bidik|cita-cita)\b",
    re.I,
)
"""Cue words before a category: achieved vs targeted ("mendapatkan ... Madya" / "naik kelas
minimal di kategori Nindya")."""

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
