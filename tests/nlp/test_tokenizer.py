"""pugnlp.nlp.tokenizer: the blank Indonesian pipeline with pugnlp's tokenizer fixes."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import compile_prefix_regex

from pugnlp.nlp.tokenizer import ACRONYM_TOKEN, _fast_prefix_search


def _tokens(nlp, text: str) -> list[str]:  # noqa: ANN001
    return [t.text for t in nlp(text)]


@pytest.fixture(scope="module")
def blank():  # noqa: ANN201
    """spaCy's plain Indonesian pipeline, for contrast (the sentencizer does not touch tokens)."""
    plain = spacy.blank("id")
    plain.add_pipe("sentencizer")
    return plain


@pytest.mark.parametrize("acronym", ["DP3AP2KB", "DP2KBPMP2A", "P2TP2A", "DP3A"])
def test_acronyms_stay_whole(nlp, blank, acronym: str) -> None:  # noqa: ANN001
    assert _tokens(nlp, f"Kepala {acronym} Kota Banjarbaru") == ["Kepala", acronym, "Kota", "Banjarbaru"]


def test_the_plain_tokenizer_would_split_them(blank) -> None:  # noqa: ANN001
    assert "DP3AP2KB" not in _tokens(blank, "Kepala DP3AP2KB Kota Banjarbaru")


def test_acronym_token_shape() -> None:
    assert ACRONYM_TOKEN.match("DP3AP2KB") and ACRONYM_TOKEN.match("P2TP2A")
    for word in ("BAPPEDA", "2023", "Dp3a", "P3", "DP3A-KB"):
        assert not ACRONYM_TOKEN.match(word), word


def test_weekday_and_parenthesis_are_split(nlp, blank) -> None:  # noqa: ANN001
    assert _tokens(nlp, "rapat Selasa(31/10) di aula")[:4] == ["rapat", "Selasa", "(", "31"]
    assert "Selasa(31" in _tokens(blank, "rapat Selasa(31/10) di aula")


@pytest.mark.parametrize("abbreviation", ["Kab.", "Kec.", "Jl.", "Dr.", "Hj.", "M.Si."])
def test_abbreviations_stay_whole(nlp, abbreviation: str) -> None:  # noqa: ANN001
    assert abbreviation in _tokens(nlp, f"Rapat di {abbreviation} Kapuas hari ini")


def test_kab_does_not_end_a_sentence(nlp, blank) -> None:  # noqa: ANN001
    text = "Bupati Kab. Kapuas membuka rapat. Kemudian peserta berdiskusi."
    assert [s.text for s in nlp(text).sents] == [
        "Bupati Kab. Kapuas membuka rapat.", "Kemudian peserta berdiskusi."]
    assert len(list(blank(text).sents)) == 3  # without the fix: "Bupati Kab." is a sentence


def test_a_line_break_starts_a_sentence(nlp) -> None:  # noqa: ANN001
    text = "Rakor Pokja PUG Kota Bontang\n\nSekda membuka rapat tanpa titik\nPeserta hadir"
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ["Rakor Pokja PUG Kota Bontang", "Sekda membuka rapat tanpa titik",
                         "Peserta hadir"]


def test_no_line_break_no_extra_sentence(nlp) -> None:  # noqa: ANN001
    assert len(list(nlp("Sekda membuka rapat tanpa titik Peserta hadir").sents)) == 1


def test_hyphenated_reduplication_is_split(nlp) -> None:  # noqa: ANN001
    assert _tokens(nlp, "anak-anak") == ["anak", "-", "anak"]


def test_components(nlp) -> None:  # noqa: ANN001
    assert nlp.pipe_names == ["pug_paragraphs", "sentencizer"]
    assert nlp.lang == "id"


SAMPLES = [
    '"Kuncinya ada di data," tegasnya.', "(Yds/Hfz/MedCenBJB)", "Rp50.000", "US$5", "...dan",
    "'kata'", "Selasa(31/10)", "DP3AP2KB", "(DP3A)", "-Kuala Kurun", "#PUG", "+62", "Kab.",
    "Rp 1.500.000,-", "[Baca Juga]", "«kutipan»", "2023", "e-mail",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_prefix_search_finds_the_same_prefixes(nlp, text: str) -> None:  # noqa: ANN001
    search = compile_prefix_regex(nlp.Defaults.prefixes).search
    fast = _fast_prefix_search(search)
    slow_match, fast_match = search(text), fast(text)
    assert (slow_match and slow_match.group(0)) == (fast_match and fast_match.group(0))


def test_fast_prefix_search_gives_identical_tokens(nlp) -> None:  # noqa: ANN001
    from pugnlp.nlp.tokenizer import make_nlp

    slow = make_nlp()
    slow.tokenizer.prefix_search = compile_prefix_regex(slow.Defaults.prefixes).search
    text = " ".join(SAMPLES) + " Rakor PUG di Aula Bappeda, Senin (6/11/2023)."
    assert _tokens(nlp, text) == _tokens(slow, text)


@pytest.mark.parametrize(("text", "tokens"), [
    ("Ir.Heru Indra", ["Ir.", "Heru", "Indra"]),
    ("Bupati HM.Wardan membuka", ["Bupati", "HM.", "Wardan", "membuka"]),
    ("Kepala Dinas Drs.Ahmattullah", ["Kepala", "Dinas", "Drs.", "Ahmattullah"]),
    ("Iptu.Bertu", ["Iptu.", "Bertu"]),
    # not a title: stays whole
    ("S.Sos H.2 M.Stat", ["S.Sos", "H.2", "M.Stat"]),
    ("M.Subandi", ["M.", "Subandi"]),
])
def test_a_title_glued_to_the_name_is_its_own_token(nlp, text: str, tokens: list) -> None:  # noqa: ANN001
    assert [t.text for t in nlp.make_doc(text)] == tokens
