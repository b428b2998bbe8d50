"""wilayah_summary: 552 region rows per period, zeros included, counts and APE right;
wilayah: the 552 regions every region code refers to."""

from __future__ import annotations

import pandas as pd

from pugnlp.dataset.summary import periods


def test_exactly_552_valid_regions_per_period(tables, gaz):
    summary = tables["wilayah_summary"]
    valid = {r.code for r in gaz.provinces} | {r.code for r in gaz.kab_kota}
    assert len(valid) == 552
    for _, rows in summary.groupby(["period_type", "period"]):
        assert len(rows) == 552 and set(rows["region_code"]) == valid
    assert (summary["level"] == "provinsi").sum() == 38 * summary["period"].nunique()


def test_wilayah_holds_every_region_of_the_gazetteer(tables, gaz):
    wilayah = tables["wilayah"]
    assert len(wilayah) == 552 and wilayah["region_code"].is_unique
    assert wilayah["level"].value_counts().to_dict() == {"provinsi": 38, "kabupaten": 416,
                                                         "kota": 98}
    row = wilayah.set_index("region_code").loc["63.72"]
    assert (row["region_name"], row["level"], row["province_code"], row["province"]) == (
        "Kota Banjarbaru", "kota", "63", "Kalimantan Selatan")
    provinces = wilayah[wilayah["level"] == "provinsi"]
    assert (provinces["region_code"] == provinces["province_code"]).all()
    assert set(wilayah["region_code"]) == set(gaz.regions)
    # every region code of the other tables is one of its rows (the package's foreign keys)
    codes = set(wilayah["region_code"])
    for name, frame in tables.items():
        for column in frame.columns:
            if column.endswith("_code"):
                assert set(frame[column].dropna()) <= codes, (name, column)


def test_periods_cover_every_year_and_month_without_gaps(tables):
    summary = tables["wilayah_summary"]
    years = sorted(summary.loc[summary["period_type"] == "year", "period"].unique())
    months = sorted(summary.loc[summary["period_type"] == "month", "period"].unique())
    assert years == ["2022", "2023", "2024"]
    assert months[0] == "2022-03" and months[-1] == "2024-12" and len(months) == 34


def test_periods_fill_gaps():
    spans = periods([2022, 2024], [(2022, 11), (2023, 2)])
    assert [p[1] for p in spans] == ["2022", "2023", "2024", "2022-11", "2022-12", "2023-01",
                                     "2023-02"]


def test_counts_match_events(tables):
    summary, events = tables["wilayah_summary"], tables["events"]
    year_rows = summary[summary["period_type"] == "year"]
    kab = year_rows[year_rows["level"] != "provinsi"]
    prov = year_rows[year_rows["level"] == "provinsi"]
    placed = events.dropna(subset=["province_code"])
    assert prov["n_events"].sum() == len(placed)
    assert kab["n_events"].sum() == events["kab_kota_code"].notna().sum()
    banjarbaru = year_rows[(year_rows["region_code"] == "63.72") & (year_rows["period"] == "2023")]
    assert banjarbaru.iloc[0]["n_events"] == 3
    assert banjarbaru.iloc[0]["n_rapat_koordinasi"] == 1
    assert banjarbaru.iloc[0]["n_sosialisasi"] == 2
    assert banjarbaru.iloc[0]["n_sources"] == 7
    zero = year_rows[(year_rows["region_code"] == "11.01") & (year_rows["period"] == "2023")]
    assert zero.iloc[0]["n_events"] == 0 and zero.iloc[0]["n_sources"] == 0


def test_ape_is_the_latest_award_known_by_the_end_of_the_period(tables):
    summary = tables["wilayah_summary"]

    def ape(code, period):
        row = summary[(summary["region_code"] == code) & (summary["period"] == period)].iloc[0]
        return (None if pd.isna(row["ape_category"]) else row["ape_category"],
                None if pd.isna(row["ape_year"]) else int(row["ape_year"]))

    assert ape("63.72", "2023-09") == (None, None)  # the article came out in October
    assert ape("63.72", "2023-10") == ("Madya", 2021)  # Nindya was only targeted
    assert ape("63.72", "2024") == ("Madya", 2021)
    assert ape("64.02", "2023") == (None, None)  # the 2023 award was handed over in 2024
    assert ape("64.02", "2024") == ("Utama", 2023)  # not the earlier Nindya
