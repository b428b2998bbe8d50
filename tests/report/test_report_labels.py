"""Indonesian dates, numbers and labels."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from pugnlp.report import labels


def test_tanggal():
    assert labels.tanggal("2023-10-11") == "11 Oktober 2023"
    assert labels.tanggal(pd.Timestamp("2024-08-01")) == "1 Agustus 2024"
    assert labels.tanggal(dt.date(2022, 3, 5)) == "5 Maret 2022"
    assert labels.tanggal(None) == labels.tanggal(pd.NaT) == ""


def test_rentang():
    assert labels.rentang("2024-11-21", "2024-11-22") == "21–22 November 2024"
    assert labels.rentang("2024-11-30", "2024-12-02") == "30 November – 2 Desember 2024"
    assert labels.rentang("2024-12-31", "2025-01-01") == "31 Desember 2024 – 1 Januari 2025"
    assert labels.rentang("2024-11-21", None) == "21 November 2024"


def test_numbers_and_months():
    assert labels.angka(1234567) == "1.234.567"
    assert labels.persen(1, 3) == "33,3%" and labels.persen(1, 0) == "–"
    assert labels.bulan("2023-10") == "Oktober 2023"
    assert labels.bulan("2023-08", short=True) == "Agu 2023"
    assert labels.jenis("bimtek_pelatihan") == "Bimtek & pelatihan"
    assert labels.jenis(None) == "Tanpa jenis"
