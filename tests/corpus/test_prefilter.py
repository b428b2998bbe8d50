import pytest

from pugnlp.corpus.scrapy_pipeline import (
    REJECT_LANGUAGE,
    REJECT_OFFTOPIC,
    indonesian_share,
    reject_reason,
)
from pugnlp.patterns.prefilter import PUG_KEYWORDS
from pugnlp.schema import Article

FILLER = " Kegiatan ini dihadiri oleh para kepala dinas dan camat di wilayah kota tersebut." * 5


@pytest.mark.parametrize("text", [
    "Rapat koordinasi Pengarusutamaan Gender (PUG) digelar.",
    "Kepala DP3AP2KB membuka kegiatan.", "DP2KBPMP2A Kota Banjarbaru", "Kepala DKP3A hadir",
    "DPMPPA Kabupaten", "sosialisasi PPRG", "penghargaan Anugerah Parahita Ekapraya",
    "anggaran responsif gender", "Deputi KemenPPPA", "pemberdayaan perempuan desa",
])
def test_pug_signals_match(text: str) -> None:
    assert PUG_KEYWORDS.search(text)


@pytest.mark.parametrize("text", [
    "Harga cabai naik di pasar", "genderang perang ditabuh", "pug anjing lucu",
    "Dinas Pekerjaan Umum (DPU) memperbaiki jalan", "ape-ape saja",
])
def test_unrelated_text_does_not_match(text: str) -> None:
    assert not PUG_KEYWORDS.search(text)


def test_reject_reason() -> None:
    pug = Article("d", "Rapat PUG di aula." + FILLER, title="Rakor PUG")
    assert reject_reason(pug) is None
    bola = Article("d", "Final piala wali kota berlangsung meriah." + FILLER, title="Bola")
    assert reject_reason(bola) == REJECT_OFFTOPIC
    english = Article("d", "The city held a gender mainstreaming workshop for the agencies. " * 8)
    assert indonesian_share(english.text) < 0.05 < indonesian_share(pug.text)
    assert reject_reason(english) == REJECT_LANGUAGE
    assert reject_reason(english, bahasa="en") is None  # the check is for id sources only
    assert reject_reason(Article("d", "Workshop on gender.")) is None  # too short to judge
