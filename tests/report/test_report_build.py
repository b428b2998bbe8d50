"""The report HTML: self-contained, complete, in Indonesian, escaped."""

from __future__ import annotations

import re

from pugnlp.report.build import build_report


def test_self_contained_no_network(html):
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "@import" not in html and "url(" not in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert all(".example/berita/" in url for url in external)  # only the articles' own links


def test_sections_and_regions(html, report_tables):
    for anchor in ("peta", "bulan", "jenis", "ape", "instansi", "kualitas", "daftar"):
        assert f'id="{anchor}"' in html
    assert html.count('class="tile"') == 38
    assert len(re.findall(r'<div class="panel" id="wil-\d\d"', html)) == 38
    assert len(re.findall(r'<tr class="[^"]*" data-code="\d\d\.\d\d">', html)) == 514
    assert html.count('<details class="event"') == len(report_tables["events"])


def test_indonesian_dates_and_labels(html):
    assert "11 Oktober 2023" in html and "21–22 November 2024" in html
    assert "Rapat koordinasi" in html and "tanggal terbit" in html
    assert "15 Januari 2025" in html  # dataset date in the footer
    assert 'lang="id"' in html


def test_events_link_sources_and_evidence(html, report_tables):
    e01 = report_tables["mentions"].query("doc_id == 'mediacenter-banjarbaru-e01-1'")
    event_id = e01["event_id"].iloc[0]
    block = html[html.index(f'id="{event_id}"'):]
    block = block[:block.index("</details>")]
    assert block.count("<li><a href=\"https://") == 4
    assert "<mark>Rabu (11/10/2023)</mark>" in block
    assert "<mark>Puspa Kencana</mark>" in block
    assert "4 sumber" in block


def test_ape_table_and_quality_panel(html):
    ape = html[html.index('id="ape"'):html.index('id="instansi"')]
    assert "Kabupaten Kutai Kartanegara" in ape and "Utama" in ape and "diraih" in ape
    assert "ditargetkan" in ape
    quality = html[html.index('id="kualitas"'):html.index('id="daftar"')]
    assert "Artikel dinilai tidak relevan: 2" in quality
    assert "Tempat tidak diketahui: 2 artikel relevan" in quality


def test_text_is_escaped(report_tables, gaz):
    tables = dict(report_tables)
    events = tables["events"].copy()
    events.loc[0, "title"] = "<script>alert(1)</script>"
    tables["events"] = events
    out = build_report(tables, gaz)
    assert "<script>alert(1)</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_empty_dataset_renders(report_tables, gaz):
    empty = {name: frame.head(0) for name, frame in report_tables.items()}
    out = build_report(empty, gaz)
    assert "Belum ada kegiatan" in out and out.count('class="tile"') == 38


def test_the_activity_and_where_it_was_held_are_shown(report_tables, gaz):
    tables = dict(report_tables)
    events = tables["events"].copy()
    events.loc[0, "activity"] = "Rapat Koordinasi Persiapan Verifikasi APE"
    events.loc[0, "kab_kota"] = None
    events.loc[0, "held_in_kab_kota"] = "Kota Samarinda"
    tables["events"] = events
    out = build_report(tables, gaz)
    assert "<dt>Kegiatan</dt><dd>Rapat Koordinasi Persiapan Verifikasi APE</dd>" in out
    assert "Kota Samarinda</dd>" in out
