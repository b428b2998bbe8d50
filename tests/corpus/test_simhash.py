import random

from pugnlp.corpus import simhash as sh

WORDS = ("rapat koordinasi pengarusutamaan gender dinas kota kabupaten peserta anggaran "
         "perencanaan evaluasi pelatihan perempuan anak daerah kegiatan aula kepala").split()


def _text(seed: int, n: int = 320) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_republished_text_is_within_distance_and_other_texts_are_far() -> None:
    base = _text(1)
    republished = "BANJARBARU - " + base.replace("aula", "aula balai kota", 1) + " Sumber: MC"
    assert sh.distance(sh.simhash(base), sh.simhash(republished)) <= sh.MAX_DISTANCE
    others = [sh.distance(sh.simhash(base), sh.simhash(_text(s))) for s in range(2, 12)]
    assert min(others) > 2 * sh.MAX_DISTANCE


def test_bands_guarantee_a_shared_band_within_max_distance() -> None:
    rng = random.Random(7)
    for _ in range(200):
        value = rng.getrandbits(64)
        flipped = value
        for bit in rng.sample(range(64), sh.MAX_DISTANCE):
            flipped ^= 1 << bit
        assert sh.distance(value, flipped) == sh.MAX_DISTANCE
        assert set(enumerate(sh.bands(value))) & set(enumerate(sh.bands(flipped)))


def test_signed_round_trip_and_empty_text() -> None:
    for value in (0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1):
        signed = sh.to_signed(value)
        assert -(1 << 63) <= signed < (1 << 63) and sh.from_signed(signed) == value
    assert sh.simhash("") == 0
    assert sh.simhash("satu dua") == sh.simhash("SATU dua")
