"""pugnlp.events.activity: the activity an article names and the type its head decides
(DOMAIN.md, "Deciding the event type"). Sentences written by the team."""

from __future__ import annotations

import pytest

from pugnlp.events.activity import find_activity

LEAD = "Pemerintah Kabupaten Sigi melalui DP3A Kabupaten Sigi "


@pytest.mark.parametrize(("text", "name", "event_type"), [
    # the verb, then the head; the name stops where the place begins
    (LEAD + "menggelar Rapat Koordinasi Persiapan Verifikasi APE di Aula Bappeda, Senin.",
     "Rapat Koordinasi Persiapan Verifikasi APE", "rapat_koordinasi"),
    # a verification visit is an evaluation, however much the article talks of the award
    (LEAD + "menerima tim verifikasi lapangan evaluasi PUG dari Kementerian PPPA.",
     "verifikasi lapangan evaluasi PUG", "evaluasi"),
    # the occasion: "saat membuka", "dalam ... yang digelar"
    ("Hal itu disampaikan Sekda Sigi saat membuka Bimbingan Teknis PPRG bagi perencana OPD.",
     "Bimbingan Teknis PPRG", "bimtek_pelatihan"),
    ("Bupati hadir dalam Diskusi Publik Rancangan Peraturan Daerah PUG yang digelar DPRD.",
     "Diskusi Publik Rancangan Peraturan Daerah PUG", "sosialisasi"),
    # a meeting that drafts a document produces it; a training on it teaches how to
    (LEAD + "menggelar rapat penyusunan Profil Gender dan Anak 2024 di ruang rapat.",
     "rapat penyusunan Profil Gender dan Anak 2024", "penyusunan_dokumen"),
    (LEAD + "menggelar Bimtek Penyusunan GAP dan GBS bagi perencana.",
     "Bimtek Penyusunan GAP dan GBS", "bimtek_pelatihan"),
    # a workshop that drafts a document writes it
    (LEAD + "melaksanakan Workshop Penyusunan Data Terpilah Gender 2024 di ruang rapat.",
     "Workshop Penyusunan Data Terpilah Gender 2024", "penyusunan_dokumen"),
    # drafting verbs: the document is the activity's product, unless it is a lesson
    ("Pemprov Sulteng mulai susun RAD Pembangunan Kesetaraan Gender 2025, Selasa.",
     "susun RAD Pembangunan Kesetaraan Gender 2025", "penyusunan_dokumen"),
    ("Sebanyak 40 perencana dilatih menyusun GAP dan GBS selama tiga hari.",
     "menyusun GAP dan GBS", "bimtek_pelatihan"),
    # a regulation after a verb is made here; the award ceremony is the award
    ("Bupati Bone Bolango tetapkan Perbup Data Terpilah Gender, Rabu.",
     "Perbup Data Terpilah Gender", "kebijakan"),
    (LEAD + "menerima penghargaan Anugerah Parahita Ekapraya kategori Madya di Jakarta.",
     "penghargaan Anugerah Parahita Ekapraya kategori Madya", "penghargaan"),
])
def test_the_activity_and_its_type(text: str, name: str, event_type: str) -> None:
    activity = find_activity(text, None)
    assert activity is not None
    assert (activity.name, activity.event_type) == (name, event_type)
    assert text[activity.start:activity.end] == activity.name


@pytest.mark.parametrize("text", [
    # a wish is not an activity
    "Pemprov Lampung optimistis kembali meraih APE tahun ini dari Kementerian PPPA.",
    "Provinsi Gorontalo berpeluang meraih APE tingkat Utama tahun ini.",
    # a regulation merely referred to is not made here
    "Kewajiban itu diatur dalam Perbup Nomor 12 Tahun 2023 tentang data gender.",
    # "evaluasi itu" points back to something named before
    "Hasilnya akan dipakai dalam evaluasi itu oleh kementerian tahun depan.",
    # a request to draft is not drafting
    "OPD diminta menyusun GAP dan GBS sebelum akhir bulan.",
])
def test_no_activity(text: str) -> None:
    assert find_activity(text, None) is None


def test_the_headline_comes_first() -> None:
    title = "Rakor Pokja PUG Tolitoli Bahas Jadwal Pengumpulan Data Terpilah"
    text = title + "\n\n" + LEAD + "menggelar sosialisasi data terpilah bagi seluruh OPD di " \
        "Aula Kantor Bupati Sigi, Selasa (4/6/2024), diikuti 40 peserta dari perangkat daerah."
    activity = find_activity(text, title)
    assert activity is not None
    assert (activity.name, activity.event_type) == ("Rakor Pokja PUG Tolitoli",
                                                     "rapat_koordinasi")


@pytest.mark.parametrize(("title", "head", "event_type"), [
    ("Wali Kota Kukuhkan Pokja PUG Kota Banjarbaru Periode 2024-2026", "kukuhkan", "kebijakan"),
    ("DP3A Ternate Sosialisasikan PUG kepada Lurah dan Kepala Desa", "sosialisasikan",
     "sosialisasi"),
    ("Bupati Tanggamus Presentasikan Pelaksanaan PUG di Depan Tim Evaluator", "presentasikan",
     "evaluasi"),
    # the noun after an activity verb is the activity, not a verb inside its name
    ("Kemen PPPA Selenggarakan Bimtek Evaluasi Penyelenggaraan PUG", "bimtek",
     "bimtek_pelatihan"),
])
def test_a_headline_verb_that_is_the_activity(title: str, head: str, event_type: str) -> None:
    text = title + "\n\nKegiatan itu dihadiri perwakilan perangkat daerah dan berlangsung sehari."
    activity = find_activity(text, title)
    assert activity is not None and (activity.head.lower(), activity.event_type) == (
        head, event_type)


def test_a_verb_that_is_an_activity_in_the_lead_is_a_side_act() -> None:
    text = ("Rakor Forum Perangkat Daerah PPPA 2026\n\nSebelum membuka acara, Sekda "
            "mengukuhkan Forum Partisipasi Publik untuk Kesejahteraan Perempuan dan Anak.")
    activity = find_activity(text, None)
    assert activity is None or activity.event_type != "kebijakan"
