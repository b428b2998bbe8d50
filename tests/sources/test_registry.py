from pathlib import Path

import pytest

from pugnlp.errors import SourceError
from pugnlp.sources.registry import load_sources, parse_sources, select_sources

HEADER = "name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan\n"
GOOD = (
    "mc-banjarbaru,https://mc.banjarbarukota.go.id/,63.72,media_center,sitemap,"
    "https://mc.banjarbarukota.go.id/sitemap.xml,id,\n"
    "dp3a-kalsel,https://dp3a.kalselprov.go.id/,63,dinas,listing,"
    "https://dp3a.kalselprov.go.id/berita?page={page},id,\"listing, newest first\"\n"
    "portal-x,https://portal.example.id/,,portal_berita,feed,https://portal.example.id/feed/,,\n"
)


def test_good_rows_are_read_with_their_line_numbers() -> None:
    sources = parse_sources(HEADER + GOOD)
    assert [s.name for s in sources] == ["mc-banjarbaru", "dp3a-kalsel", "portal-x"]
    assert [s.line for s in sources] == [2, 3, 4]
    assert sources[1].catatan == "listing, newest first"
    assert sources[0].province_code == "63"
    assert sources[2].kode_wilayah == "" and sources[2].province_code is None
    assert sources[2].bahasa == "id"  # empty language -> Indonesian


def test_sitemap_without_url_falls_back_to_robots() -> None:
    row = "mc,https://mc.example.go.id/,63.72,media_center,sitemap,,id,\n"
    assert parse_sources(HEADER + row)[0].discovery_url == "https://mc.example.go.id/robots.txt"


@pytest.mark.parametrize("row, message", [
    ("Bad Name,https://x.go.id/,63,dinas,feed,https://x.go.id/feed,id,", "name 'Bad Name'"),
    ("a,ftp://x.go.id/,63,dinas,feed,https://x.go.id/feed,id,", "not an http(s) URL"),
    ("a,https://x.go.id/,6372,dinas,feed,https://x.go.id/feed,id,", "not a Kemendagri code"),
    ("a,https://x.go.id/,99.99,dinas,feed,https://x.go.id/feed,id,", "not a known province"),
    ("a,https://x.go.id/,63,koran,feed,https://x.go.id/feed,id,", "kind 'koran'"),
    ("a,https://x.go.id/,63,dinas,crawl,https://x.go.id/,id,", "discovery 'crawl'"),
    ("a,https://x.go.id/,63,dinas,listing,https://x.go.id/berita,id,", "{page} placeholder"),
    ("a,https://x.go.id/,63,dinas,feed,,id,", "empty discovery_url"),
    ("a,https://x.go.id/,63,dinas,feed,https://x.go.id/feed,Indonesia,", "bahasa"),
    ("a,https://x.go.id/,63,dinas,feed,https://x.go.id/feed,id,note,extra", "fields, expected 8"),
])
def test_a_malformed_row_is_named_by_its_line(row: str, message: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_sources(HEADER + GOOD + row + "\n", where="sumber.csv")
    assert "sumber.csv:5:" in str(info.value)
    assert message in str(info.value)


def test_all_bad_rows_are_reported_at_once_and_duplicates_name_the_first_line() -> None:
    text = HEADER + GOOD + GOOD.splitlines()[0] + "\n" + "x,notaurl,63,dinas,feed,,id,\n"
    with pytest.raises(SourceError) as info:
        parse_sources(text, where="s.csv")
    message = str(info.value)
    assert "s.csv:5: name 'mc-banjarbaru' already used on line 2" in message
    assert "s.csv:6:" in message


def test_bad_header_blank_and_comment_lines() -> None:
    with pytest.raises(SourceError, match="bad header"):
        parse_sources("nama,url\nx,y\n")
    with pytest.raises(SourceError, match="no sources"):
        parse_sources(HEADER + "\n#commented,,,,,,,\n")
    assert len(parse_sources(HEADER + "\n" + GOOD + "#old,https://x,,,,,,\n")) == 3


def test_load_sources_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        load_sources(tmp_path / "nope.csv")
    path = tmp_path / "s.csv"
    path.write_text("\ufeff" + HEADER + GOOD, encoding="utf-8")  # BOM from a spreadsheet
    assert len(load_sources(path)) == 3


def test_select_sources_keeps_order_and_rejects_unknown_names() -> None:
    sources = parse_sources(HEADER + GOOD)
    assert [s.name for s in select_sources(sources, ["portal-x", "mc-banjarbaru"])] == [
        "portal-x", "mc-banjarbaru"]
    assert len(select_sources(sources, [])) == 3
    with pytest.raises(SourceError, match="unknown source"):
        select_sources(sources, ["nope"])
