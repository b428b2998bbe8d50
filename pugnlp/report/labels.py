"""Indonesian labels and number/date formats used by the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pugnlp.dataset.merge import parse_date

BULAN: tuple[str, ...] = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                          "Agustus", "September", "Oktober", "November", "Desember")
BULAN_SINGKAT: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu",
                                  "Sep", "Okt", "Nov", "Des")

TYPE_LABELS: dict[str, str] = {
    "rapat_koordinasi": "Rapat koordinasi",
    "bimtek_pelatihan": "Bimtek & pelatihan",
    "sosialisasi": "Sosialisasi",
    "evaluasi": "Evaluasi",
    "penghargaan": "Penghargaan",
    "penyusunan_dokumen": "Penyusunan dokumen",
    "kebijakan": "Kebijakan",
    "lainnya": "Lainnya",
}
STATUS_LABELS: dict[str, str] = {"achieved": "diraih", "targeted": "ditargetkan"}
PRECISION_LABELS: dict[str, str] = {"kab_kota": "kab/kota", "province": "provinsi",
                                    "national": "nasional", "unresolved": "tidak diketahui"}


def as_date(value: Any) -> dt.date | None:
    """A date from a date, datetime, pandas Timestamp or ISO string; None for null/NaT."""
    if value is None or value != value:  # None, NaN, NaT
        return None
    if hasattr(value, "to_pydatetime"):
        try:
            return value.to_pydatetime().date()
        except ValueError:
            return None
    return parse_date(value)


def tanggal(value: Any) -> str:
    """``11 Oktober 2023``; empty string when there is no date."""
    day = as_date(value)
    return f"{day.day} {BULAN[day.month - 1]} {day.year}" if day else ""


def rentang(start: Any, end: Any) -> str:
    """A date or a range: ``21–22 November 2024``, ``30 November – 2 Desember 2024``."""
    a, b = as_date(start), as_date(end)
    if a is None:
        return ""
    if b is None or b <= a:
        return tanggal(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{tanggal(b)}"
    if a.year == b.year:
        return f"{a.day} {BULAN[a.month - 1]} – {tanggal(b)}"
    return f"{tanggal(a)} – {tanggal(b)}"


def bulan(period: str, short: bool = False) -> str:
    """``2023-10`` -> ``Oktober 2023`` (or ``Okt 2023``)."""
    year, month = period.split("-")
    names = BULAN_SINGKAT if short else BULAN
    return f"{names[int(month) - 1]} {year}"


def angka(value: float | int | None) -> str:
    """``1234`` -> ``1.234`` (Indonesian thousands separator); empty for null."""
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".")


def persen(part: float, whole: float) -> str:
    """``85,3%``; ``–`` when the whole is zero."""
    if not whole:
        return "–"
    return f"{100.0 * part / whole:.1f}%".replace(".", ",")


def jenis(event_type: Any) -> str:
    """The Indonesian label of an event type (the raw value when unknown)."""
    if not isinstance(event_type, str):
        return "Tanpa jenis"
    return TYPE_LABELS.get(event_type, event_type)
