"""pugnlp.article.load: inputs -> Articles, with one InputError (naming file/line) per bad item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pugnlp.article.load import iter_articles, list_inputs
from pugnlp.errors import InputError
from pugnlp.schema import Article

BODY = ("Samarinda - Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak (DKP3A) "
        "Kaltim menggelar rapat koordinasi PUG di Aula Bappeda, Senin (6/11/2023). Rapat diikuti "
        "35 peserta dari perangkat daerah.")
PAGE = ("<html><head><title>Rakor PUG Kaltim Digelar</title></head><body><article>"
        "<h1>Rakor PUG Kaltim Digelar</h1><p>" + BODY + "</p><p>Kepala DKP3A Kaltim menyampaikan "
        "bahwa data terpilah harus dilengkapi seluruh perangkat daerah.</p></article></body></html>")


def _one(path: Path, **kwargs: int) -> Article | InputError:
    items = list(iter_articles([path], **kwargs))
    assert len(items) == 1
    return items[0]


def _error(path: Path, **kwargs: int) -> InputError:
    item = _one(path, **kwargs)
    assert isinstance(item, InputError), item
    assert item.where == str(path)
    assert str(path) in str(item)
    return item


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "rakor-kaltim.txt"
    path.write_text("Rakor PUG Kaltim Digelar\n\n" + BODY + "\nBaca Juga: Sekda Buka Pameran\n",
                    encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert article.doc_id == "rakor-kaltim"
    assert article.title == "Rakor PUG Kaltim Digelar"
    assert article.source_path == str(path)
    assert "DKP3A" in article.text and "Baca Juga" not in article.text


def test_text_file_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ("Rakor PUG Kaltim Digelar\n\n" + BODY).encode())
    article = _one(path)
    assert isinstance(article, Article) and article.text.startswith("Rakor")


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "halaman.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert article.title == "Rakor PUG Kaltim Digelar"
    assert "Aula Bappeda" in article.text


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "halaman.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert "<p>" not in article.text and "Aula Bappeda" in article.text


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "kosong.txt"
    path.write_text("  \n\n\t\n", encoding="utf-8")
    assert "empty" in _error(path).reason


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "gambar.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert "binary" in _error(path).reason


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Rapat PUG di Aula Bappeda dibuka Bupati Pak Andr\xe9 hari ini."
    path.write_bytes(text.encode("latin-1"))
    reason = _error(path).reason
    assert "UTF-8" in reason and f"byte {text.index(chr(0xE9))}" in reason


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Beranda</a> <a href='/p'>Profil</a></nav>"
                    "</body></html>", encoding="utf-8")
    assert "HTML without article text" in _error(path).reason


def test_file_above_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    path.write_text("Rakor PUG Kaltim Digelar\n\n" + BODY * 20, encoding="utf-8")
    assert "too large" in _error(path, max_bytes=1000).reason
    assert isinstance(_one(path, max_bytes=100_000), Article)


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "laporan.pdf"
    path.write_bytes(b"%PDF-1.4")
    reason = _error(path).reason
    assert "unsupported" in reason and ".pdf" in reason


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read" in _error(tmp_path / "tidak-ada.txt").reason


def test_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Rakor PUG Kaltim Digelar\n\n" + BODY,
                    "url": "https://contoh.go.id/a1", "published": "2023-11-07"}),
        "{bukan json",
        json.dumps({"id": "a3", "title": "Tanpa isi"}),
        "",
        json.dumps(["bukan", "objek"]),
        json.dumps({"id": "a6", "html": PAGE}),
        json.dumps({"id": "a7", "html": "<html><body><p>Pendek.</p></body></html>"}),
        json.dumps({"text": "Rakor PUG Kaltim Digelar\n\n" + BODY}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert len(items) == 7  # the blank line is skipped
    good = {i.doc_id: i for i in items if isinstance(i, Article)}
    bad = {i.where: i.reason for i in items if isinstance(i, InputError)}
    assert set(good) == {"a1", "a6", "batch-8"}
    assert good["a1"].url == "https://contoh.go.id/a1" and good["a1"].published == "2023-11-07"
    assert good["a1"].source_path == f"{path}:1"
    assert good["a6"].title == "Rakor PUG Kaltim Digelar"
    assert set(bad) == {f"{path}:2", f"{path}:3", f"{path}:5", f"{path}:7"}
    assert "malformed JSON" in bad[f"{path}:2"]
    assert "no `text` or `html`" in bad[f"{path}:3"]
    assert "JSON object" in bad[f"{path}:5"]
    assert "HTML without article text" in bad[f"{path}:7"]


def test_folder_mixing_good_and_bad_files_yields_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a_baik.txt").write_text("Rakor PUG Kaltim Digelar\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b_kosong.txt").write_text("", encoding="utf-8")
    (tmp_path / "c_biner.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "d_halaman.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "e_baik.txt").write_text("Judul Berita Rakor PUG\n\n" + BODY, encoding="utf-8")
    (tmp_path / ".tersembunyi.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "catatan.docx").write_bytes(b"PK\x03\x04")
    items = list(iter_articles([tmp_path]))
    assert [i.doc_id for i in items if isinstance(i, Article)] == ["a_baik", "d_halaman", "e_baik"]
    assert sorted(Path(i.where).name for i in items if isinstance(i, InputError)) == \
        ["b_kosong.txt", "c_biner.txt"]


def test_list_inputs_expands_folders_and_keeps_explicit_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.HTML").write_text("x", encoding="utf-8")
    (tmp_path / "c.csv").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("x", encoding="utf-8")
    explicit = tmp_path / "c.csv"
    assert list_inputs([tmp_path, explicit]) == [tmp_path / "a.HTML", tmp_path / "b.txt", explicit]


def _parquet(path: Path, rows: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)
    return path


def test_parquet_rows_are_articles_like_jsonl_lines(tmp_path: Path) -> None:
    rows = [{"id": "a1", "text": BODY, "html": None, "title": "Rakor PUG", "url": "https://x.id/1",
             "published": "2023-11-06"},
            {"id": None, "text": None, "html": PAGE, "title": None, "url": None,
             "published": None},
            {"id": "a3", "text": None, "html": None, "title": None, "url": None,
             "published": None}]
    path = _parquet(tmp_path / "artikel.parquet", rows)
    (tmp_path / "artikel.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert items[0].doc_id == "a1" and items[0].published == "2023-11-06"
    assert items[0].source_path == f"{path}:row 1"
    assert items[1].doc_id == "artikel-2" and items[1].title == "Rakor PUG Kaltim Digelar"
    assert str(items[2]) == f"{path}:row 3: no `text` or `html` field"
    lines = list(iter_articles([tmp_path / "artikel.jsonl"]))
    assert [(a.doc_id, a.text) for a in items[:2]] == [(a.doc_id, a.text) for a in lines[:2]]
    assert path in list_inputs([tmp_path])


def test_parquet_row_ranges_cover_the_file_once(tmp_path: Path) -> None:
    from pugnlp.article.load import iter_file, parquet_rows

    rows = [{"id": f"a{n}", "text": BODY.replace("35", str(n + 10))} for n in range(5)]
    path = _parquet(tmp_path / "a.parquet", rows)
    assert parquet_rows(path) == 5
    parts = [list(iter_file(path, rows=(a, min(a + 2, 5)))) for a in (0, 2, 4)]
    assert [[a.doc_id for a in p] for p in parts] == [["a0", "a1"], ["a2", "a3"], ["a4"]]
    assert parts[2][0].source_path == f"{path}:row 5"


def test_a_broken_parquet_file_is_one_clear_error(tmp_path: Path) -> None:
    from pugnlp.article.load import parquet_rows

    path = tmp_path / "rusak.parquet"
    path.write_bytes(b"PAR1 not really")
    error = _error(path)
    assert "not a readable Parquet file" in str(error)
    with pytest.raises(InputError, match="rusak.parquet: not a readable Parquet file"):
        parquet_rows(path)
