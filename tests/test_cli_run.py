"""`pugnlp run` and `pugnlp extract --store` as scheduled, incremental runs over a growing
corpus store (issue 14 part 1; `run --store` of issue 15): what is extracted again, the
stable ids, the change log, the run log, untouched files, and SIGKILL at fixed points."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pugnlp.cli import cli
from pugnlp.corpus.store import CorpusStore, Page
from pugnlp.schema import Article

ROOT = Path(__file__).resolve().parents[1]
TEKS = ROOT / "korpus" / "contoh" / "teks"

REWRITE = """Pokja PUG Banjar Rapat Koordinasi, Data Terpilah Jadi Sorotan

MARTAPURA – Sekretaris Daerah Kabupaten Banjar Muhammad Riduan Arsyad meminta seluruh \
organisasi perangkat daerah (OPD) segera melengkapi data terpilah menurut jenis kelamin. \
Permintaan itu disampaikan saat membuka Rapat Koordinasi Kelompok Kerja Pengarusutamaan Gender \
(Pokja PUG) Kabupaten Banjar di Aula Mahligai Sultan Adam, Martapura, Selasa (14/3/2023).

Rapat yang digelar Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan \
Keluarga Berencana (DP3AP2KB) Kabupaten Banjar itu dihadiri 40 peserta, mulai dari focal point \
PUG, para camat hingga perwakilan instansi vertikal.

Menurut Riduan, tanpa data yang lengkap, analisis gender di setiap program tidak akan tepat \
sasaran. Ia juga mengingatkan bahwa tim evaluasi dari provinsi akan segera turun ke daerah.

Sementara itu Kepala DP3AP2KB Kabupaten Banjar Nurhayati Baseri mengatakan pemerintah daerah \
menargetkan kenaikan kategori Anugerah Parahita Ekapraya dari Pratama ke Madya tahun ini. Untuk \
itu, kata dia, OPD diminta menyusun dokumen Gender Analysis Pathway dan Gender Budget Statement.

Di akhir rapat, anggota Pokja PUG menandatangani komitmen bersama untuk mempercepat pelaksanaan \
PUG di Kabupaten Banjar.
"""
"""Another outlet's own report of the event of 01_kalsel_rakor (written by us): different
words (SimHash distance 28, so stored as an article of its own), the same activity."""


def page(url: str, text: str, outlet: str) -> Page:
    title = text.splitlines()[0]
    return Page(url=url, source=outlet, html=f"<html><body><p>{text}</p></body></html>",
                article=Article(doc_id="x", text=text, title=title, url=url, outlet=outlet))


def add(store: Path, *names: str, outlet: str = "mc.example.go.id") -> None:
    with CorpusStore(store) as db:
        for name in names:
            text = (TEKS / f"{name}.txt").read_text(encoding="utf-8")
            assert db.add_page(page(f"https://{outlet}/{name}", text, outlet)).outcome == "article"


def files(folder: Path) -> dict[str, tuple[str, int]]:
    """Every (non-hidden) file of the folder: SHA-1 of its bytes and its mtime in ns."""
    return {p.name: (hashlib.sha1(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


@pytest.fixture()
def counted(monkeypatch):
    """How many articles went through the pipeline, and how often it was loaded."""
    from pugnlp.events import loader

    seen = {"articles": [], "loads": 0}
    real_extract, real_load = loader.extract_articles, loader.load

    def extract_articles(nlp, articles, **kwargs):
        articles = list(articles)
        seen["articles"] += [a.doc_id for a in articles]
        return real_extract(nlp, articles, **kwargs)

    def load(*args, **kwargs):
        seen["loads"] += 1
        return real_load(*args, **kwargs)

    monkeypatch.setattr(loader, "extract_articles", extract_articles)
    monkeypatch.setattr(loader, "load", load)

    def take() -> dict:
        out = {"articles": list(seen["articles"]), "loads": seen["loads"]}
        seen["articles"], seen["loads"] = [], 0
        return out

    return take


def run(store: Path, out: Path, *extra: str):
    result = CliRunner().invoke(cli, ["run", "--store", str(store), "-o", str(out),
                                      "--rules-only", "--no-progress", *extra])
    assert result.exit_code == 0, result.output
    return result


def changes(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "perubahan.csv", dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")


def event_of(out: Path) -> dict[str, str]:
    mentions = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False,
                           encoding="utf-8-sig")
    return dict(zip(mentions["doc_id"], mentions["event_id"]))


def doc_ids(store: Path) -> dict[str, str]:
    """URL -> doc_id of the stored articles."""
    with CorpusStore(store) as db:
        return dict(db.conn.execute("SELECT url, doc_id FROM articles"))


def test_three_scheduled_runs_over_a_growing_store(tmp_path, counted):
    store, out = tmp_path / "korpus.sqlite", tmp_path / "keluaran"
    first = ["01_kalsel_rakor", "02_kalteng_rakor", "03_kaltim_bimtek",
             "37_banten_distraktor-kb"]
    add(store, *first)

    # Run 1: everything is new.
    run(store, out)
    assert len(counted()["articles"]) == 4
    log1 = changes(out)
    assert list(log1["change"]) == ["baru"] * 3  # the distractor is no event
    ids1 = event_of(out)
    docs = doc_ids(store)
    kalsel = ids1[docs["https://mc.example.go.id/01_kalsel_rakor"]]

    # Run 2: two new releases, and another outlet's own report of the Banjar rakor.
    add(store, "04_sumut_rakor", "05_sumbar_bimtek")
    with CorpusStore(store) as db:
        assert db.add_page(page("https://banjarmasinpost.example.id/pokja-pug-banjar",
                                REWRITE, "banjarmasinpost.example.id")).outcome == "article"
    result = run(store, out)
    seen = counted()
    docs = doc_ids(store)
    rewrite = docs["https://banjarmasinpost.example.id/pokja-pug-banjar"]
    assert sorted(seen["articles"]) == sorted([docs["https://mc.example.go.id/04_sumut_rakor"],
                                               docs["https://mc.example.go.id/05_sumbar_bimtek"],
                                               rewrite])
    assert "extracted: 3; reused unchanged: 4" in result.output
    ids2 = event_of(out)
    assert ids2[rewrite] == kalsel  # the event gained an outlet and kept its id
    assert all(ids2[doc] == event for doc, event in ids1.items())
    log2 = changes(out)
    assert log2.iloc[:3].equals(log1)  # the log grows; earlier rows stay as they were
    new = log2.iloc[3:]
    assert set(new["run_at"]) != set(log1["run_at"]) and new["run_at"].nunique() == 1
    assert sorted(new[new["change"] == "baru"]["event_id"]) == sorted(
        {ids2[docs[f"https://mc.example.go.id/{n}"]] for n in ("04_sumut_rakor",
                                                               "05_sumbar_bimtek")})
    updated = new[new["change"] == "diperbarui"]
    assert list(updated["event_id"]) == [kalsel]
    columns = updated.iloc[0]["changed_columns"].split(" | ")
    assert {"n_sources", "n_outlets", "outlets", "urls", "doc_ids", "mentions"} <= set(columns)
    assert "n_outlets: 1 -> 2" in updated.iloc[0]["what_changed"]
    assert f"mentions: + {rewrite}" in updated.iloc[0]["what_changed"]

    # Run 3: a release corrected at its URL (60 -> 65 participants).
    url = "https://mc.example.go.id/03_kaltim_bimtek"
    text = (TEKS / "03_kaltim_bimtek.txt").read_text(encoding="utf-8")
    assert "60 orang peserta" in text
    with CorpusStore(store) as db:
        assert db.correct(page(url, text.replace("60 orang peserta", "65 orang peserta"),
                               "mc.example.go.id")).outcome == "corrected"
    result = run(store, out)
    assert counted()["articles"] == [docs[url]]  # only the corrected article
    assert "extracted: 1; reused unchanged: 6" in result.output
    ids3 = event_of(out)
    assert ids3 == ids2  # the corrected article keeps its doc_id and its event its id
    new = changes(out).iloc[len(log2):]
    assert list(new["change"]) == ["diperbarui"] and list(new["event_id"]) == [ids2[docs[url]]]
    assert "participants: 60 -> 65" in new.iloc[0]["what_changed"]
    assert "mentions.text_sha1" in new.iloc[0]["changed_columns"]

    # The run log: one entry per run, with what each extracted and changed.
    runs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["runs"]
    assert [(r["articles_extracted"], r["articles_reused"]) for r in runs] == [
        (4, 0), (3, 4), (1, 6)]
    assert [(r["events_new"], r["events_updated"], r["events_removed"]) for r in runs] == [
        (3, 0, 0), (2, 1, 0), (0, 1, 0)]
    assert all(r["pipeline_version"].endswith(", rules") for r in runs)
    assert runs[2]["at"] == new.iloc[0]["run_at"]

    # The updated dataset, the change log included, is still a valid data package.
    import frictionless

    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])[:5]
    checked = {task.name: task.stats["rows"] for task in report.tasks}
    assert checked["perubahan"] == checked["perubahan-jsonl"] == len(changes(out)) == 7


def test_a_run_with_nothing_new_extracts_nothing_and_changes_only_the_manifest(
        tmp_path, counted, monkeypatch):
    store, out = tmp_path / "korpus.sqlite", tmp_path / "keluaran"
    add(store, "01_kalsel_rakor", "14_bali_rakor", "40_sumut_distraktor-kekerasan")
    run(store, out)
    assert counted()["loads"] == 1
    before = files(out)
    assert {"events.csv", "perubahan.csv", "laporan.html", "rekaman.jsonl"} <= set(before)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))

    time.sleep(0.01)  # a rewrite would show in the mtimes
    result = run(store, out)
    assert counted() == {"articles": [], "loads": 0}  # no extraction, no model loaded
    assert "extracted: 0; reused unchanged: 3" in result.output
    after = files(out)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"manifest.json"}
    again = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert again["created"] == manifest["created"]  # the tables did not change
    assert len(again["runs"]) == 2 and again["runs"][1]["files_written"] == 0
    assert again["runs"][1]["events_new"] == again["runs"][1]["events_updated"] == 0


def test_run_store_without_sources_reads_the_store(tmp_path, monkeypatch):
    """Issue 15: it used to process the bundled examples instead, silently."""
    monkeypatch.chdir(ROOT)  # where korpus/contoh/teks would be found
    store, out = tmp_path / "korpus.sqlite", tmp_path / "keluaran"
    add(store, "14_bali_rakor")
    result = run(store, out)
    assert "1 articles" in result.output
    records = (out / "rekaman.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["url"] for line in records] == [
        "https://mc.example.go.id/14_bali_rakor"]
    assert not (out / ".rekaman.sqlite").exists()  # the store keeps the records


def test_run_with_a_missing_store_is_a_clear_error(tmp_path):
    missing = tmp_path / "nope" / "korpus.sqlite"
    result = CliRunner().invoke(cli, ["run", "--store", str(missing), "-o",
                                      str(tmp_path / "k"), "--rules-only"])
    assert result.exit_code == 1
    assert f"{missing}: no corpus store there" in result.output and "pugnlp crawl" in result.output
    assert not missing.exists() and not (tmp_path / "k").exists()


def test_run_on_folders_keeps_its_records_beside_the_output(tmp_path, counted):
    inputs, out = tmp_path / "teks", tmp_path / "keluaran"
    inputs.mkdir()
    for name in ("01_kalsel_rakor", "14_bali_rakor"):
        (inputs / f"{name}.txt").write_bytes((TEKS / f"{name}.txt").read_bytes())
    args = ["run", str(inputs), "-o", str(out), "--rules-only", "--no-progress"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert len(counted()["articles"]) == 2 and (out / ".rekaman.sqlite").is_file()
    (inputs / "14_bali_rakor.txt").write_text(
        (TEKS / "14_bali_rakor.txt").read_text(encoding="utf-8").replace(
            "Ruang Rapat Sekda", "Ruang Rapat Utama Sekda"), encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert counted()["articles"] == ["14_bali_rakor"]  # the changed file only
    assert changes(out).iloc[-1]["change"] == "diperbarui"


def test_extract_store_is_incremental_and_follows_the_pipeline_version(tmp_path, counted):
    store = tmp_path / "korpus.sqlite"
    add(store, "01_kalsel_rakor", "02_kalteng_rakor")

    def extract(*extra: str) -> str:
        result = CliRunner().invoke(cli, ["extract", "--store", str(store), "-o",
                                          str(tmp_path / "r.jsonl"), "--no-progress", *extra])
        assert result.exit_code == 0, result.output
        return result.output

    extract("--rules-only")
    assert len(counted()["articles"]) == 2
    rules = (tmp_path / "r.jsonl").read_bytes()
    extract("--rules-only")
    assert counted() == {"articles": [], "loads": 0}
    assert (tmp_path / "r.jsonl").read_bytes() == rules  # reused records == extracted ones
    output = extract()  # the trained pipeline: another version, so everything again
    assert len(counted()["articles"]) == 2 and "extracted: 2; reused unchanged: 0" in output
    extract()
    assert counted()["articles"] == []


def test_extract_needs_a_path_or_a_store(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 1 and "no PATH given" in result.output


# --- SIGKILL at fixed points --------------------------------------------------------------


def anotasi_pages(n: int) -> list[Page]:
    """``n`` distinct team-written documents of anotasi/ as pages of one outlet."""
    pages = []
    for line in (ROOT / "anotasi" / "dokumen.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        pages.append(page(f"https://anotasi.example.id/{doc['id']}", doc["text"],
                          "anotasi.example.id"))
    return pages[:n]


def run_killed_at(point: str, store: Path, out: Path, tmp_path: Path) -> None:
    """Start `pugnlp run` in a process, SIGKILL it once it reaches ``point``."""
    marker = tmp_path / f"{point}.reached"
    env = {**os.environ, "PUGNLP_TEST_PAUSE": point, "PUGNLP_TEST_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen([sys.executable, "-m", "pugnlp", "run", "--store", str(store),
                             "-o", str(out), "--rules-only", "--no-progress"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    reached = marker.exists()
    proc.send_signal(signal.SIGKILL)
    output = proc.communicate()[0].decode("utf-8", "replace")
    assert reached, f"{point} not reached:\n{output}"
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("point", ["extracting", "dataset-staged"])
def test_sigkill_during_a_run_leaves_the_previous_dataset(tmp_path, point):
    from pugnlp.corpus.extractions import Extractions
    from pugnlp.dataset.files import read_dataset

    store, out = tmp_path / "korpus.sqlite", tmp_path / "keluaran"
    add(store, "01_kalsel_rakor", "14_bali_rakor")
    run(store, out)
    published = files(out)
    events = read_dataset(out)["events"]
    with CorpusStore(store) as db:
        for p in anotasi_pages(70):  # more than one batch of records (64)
            db.add_page(p)
        total = db.count()

    run_killed_at(point, store, out, tmp_path)
    assert files(out) == published  # not a byte or an mtime changed
    pd.testing.assert_frame_equal(read_dataset(out)["events"], events)
    with Extractions(store) as kept:
        saved = kept.count()
    assert saved == (2 + 64 if point == "extracting" else total)  # finished batches are kept

    result = run(store, out)  # the next run completes, reusing what was kept
    assert f"extracted: {total - saved}; reused unchanged: {saved}" in result.output
    assert not list(out.glob(".dataset-*"))  # the killed run's staging folder is gone
    runs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["runs"]
    assert len(runs) == 2 and runs[1]["records"] == total


def test_sigkill_while_renaming_is_finished_by_the_next_run(tmp_path):
    from pugnlp.dataset.files import read_dataset

    store, out = tmp_path / "korpus.sqlite", tmp_path / "keluaran"
    add(store, "01_kalsel_rakor")
    run(store, out)
    add(store, "14_bali_rakor", "03_kaltim_bimtek")
    run_killed_at("dataset-installing", store, out, tmp_path)
    committed = [d for d in out.glob(".dataset-*.tmp") if (d / "COMMIT").is_file()]
    assert len(committed) == 1  # complete, marked; beside it the run's emptied scratch folder
    listed = (committed[0] / "COMMIT").read_text(encoding="utf-8").split()
    still = [name for name in listed if (committed[0] / name).exists()]
    assert 0 < len(still) == len(listed) - 1  # killed after the first rename: a mixed folder

    result = run(store, out)  # installs the killed run's files first, then runs
    assert "extracted: 0; reused unchanged: 3" in result.output
    assert not list(out.glob(".dataset-*"))
    assert len(read_dataset(out)["events"]) == 3
    log = changes(out)
    assert list(log["change"]) == ["baru"] * 3  # the killed run's rows arrived, once
    runs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["runs"]
    assert [r["events_new"] for r in runs] == [1, 2, 0]
