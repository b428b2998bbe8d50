"""pugnlp.patterns.agencies: the women's-agency acronym grammar and the agency word lists."""

from __future__ import annotations

import pytest

from pugnlp.patterns.agencies import (
    AFFAIR_UNITS,
    GOVERNMENT_PREFIXES,
    KNOWN_AGENCIES,
    MINISTRY_EXPANSION,
    MINISTRY_FORMS,
    NOT_AGENCIES,
    decode_acronym,
)

PPPA = "Pemberdayaan Perempuan dan Perlindungan Anak"
P2KB = "Pengendalian Penduduk dan Keluarga Berencana"


@pytest.mark.parametrize("acronym, expansion", [
    ("DP3A", f"Dinas {PPPA}"),
    ("DPPPA", f"Dinas {PPPA}"),
    ("DP3AP2KB", f"Dinas {PPPA}, {P2KB}"),
    ("DP2KBP3A", f"Dinas {P2KB}, {PPPA}"),
    ("DP3APPKB", f"Dinas {PPPA}, {P2KB}"),
    ("DPPKBP3A", f"Dinas {P2KB}, {PPPA}"),
    ("DKP3A", f"Dinas Kependudukan, {PPPA}"),
    ("DP2KBPMP2A", f"Dinas {P2KB}, Pemberdayaan Masyarakat, {PPPA}"),
    ("DP3APMP2KB", f"Dinas {PPPA}, Pemberdayaan Masyarakat, {P2KB}"),
    ("DP3AMD", f"Dinas {PPPA}, Masyarakat dan Desa"),
    ("BP3A", f"Badan {PPPA}"),
    ("DINP3A", f"Dinas {PPPA}"),
])
def test_decode_acronym_expands_known_variants(acronym: str, expansion: str) -> None:
    assert decode_acronym(acronym) == expansion


@pytest.mark.parametrize("acronym", [
    "DP3AP2KBPMD", "DP3APPKBPMD", "DP3AKS", "DSP3A", "DPPKBPM",
])
def test_decode_acronym_recognises_unseen_variants_by_shape(acronym: str) -> None:
    expansion = decode_acronym(acronym)
    assert expansion is not None and expansion.startswith("Dinas ")


def test_decode_acronym_joins_pp_and_a_into_one_affair() -> None:
    assert decode_acronym("DPPA") == f"Dinas {PPPA}"


@pytest.mark.parametrize("token", [
    "DPRD", "BPKAD", "DPMD", "BAPPEDA", "BKKBN", "DPA", "PUG", "P3A", "PPPA",
    "Dp3a",            # not all capitals
    "DP",              # too short
    "DP3AP2KBPMDPMDX",  # too long
    "DP5A",            # no such unit
])
def test_decode_acronym_rejects_other_tokens(token: str) -> None:
    assert decode_acronym(token) is None


def test_decode_acronym_rejects_a_tax_office() -> None:
    """KPP (Kantor Pelayanan Pajak, "KPP Pratama Samarinda") is not a women's agency: the
    grammar accepts it with no institution letter as K(ependudukan) + PP."""
    assert decode_acronym("KPP") is None


def test_not_agencies_are_concepts_not_agencies() -> None:
    for concept in ("PUG", "PPRG", "ARG", "GAP", "GBS", "APE", "OPD", "APBD", "RAD"):
        assert concept in NOT_AGENCIES
    assert not set(KNOWN_AGENCIES) & NOT_AGENCIES


def test_known_agencies_have_expansions() -> None:
    assert KNOWN_AGENCIES["Bappeda"] == "Badan Perencanaan Pembangunan Daerah"
    assert "Penelitian dan Pengembangan" in KNOWN_AGENCIES["Bappedalitbang"]
    assert "Riset dan Inovasi" in KNOWN_AGENCIES["Bapperida"]
    assert KNOWN_AGENCIES["GOW"] == "Gabungan Organisasi Wanita"
    assert all(v.strip() for v in KNOWN_AGENCIES.values())


def test_ministry_forms_include_the_domain_spellings() -> None:
    for form in ("KemenPPPA", "KPPPA", "Kemen PPPA", "Kementerian PPPA", "Kementerian PP dan PA"):
        assert form in MINISTRY_FORMS
    assert MINISTRY_EXPANSION == "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"


def test_government_prefixes_imply_a_level() -> None:
    assert GOVERNMENT_PREFIXES["Pemko"] == GOVERNMENT_PREFIXES["Pemkot"] == \
        GOVERNMENT_PREFIXES["Pemerintah Kota"] == "kota"
    assert GOVERNMENT_PREFIXES["Pemkab"] == "kabupaten"
    assert GOVERNMENT_PREFIXES["Pemprov"] == "provinsi"


def test_affair_units_cover_the_domain_letters() -> None:
    for unit in ("P3A", "PPPA", "P2KB", "PPKB", "PM", "PMD", "K"):
        assert unit in AFFAIR_UNITS
