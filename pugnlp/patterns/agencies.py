"""Agencies (perangkat daerah, ministries, organisations): known forms and the acronym grammar.

The women's-empowerment agency has a different acronym almost everywhere (DP3A, DP3AP2KB,
DP2KBPMP2A, DKP3A ...). :func:`decode_acronym` parses any such token by grammar: an
institution letter (D=Dinas, B=Badan) followed by affair units (P3A/PPPA, P2KB/PPKB, PM/PMD,
K, DALDUK ...), so variants never seen before are recognised and expanded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pugnlp.patterns._util import words

_INSTITUTION = {"D": "Dinas", "DIN": "Dinas", "B": "Badan", "KAN": "Kantor"}

# Affair units, longest first within the grammar's alternation (order matters for parsing).
AFFAIR_UNITS: dict[str, str] = {
    "P3AP2KB": "Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
    "PPPA": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "P3A": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "P2KB": "Pengendalian Penduduk dan Keluarga Berencana",
    "PPKB": "Pengendalian Penduduk dan Keluarga Berencana",
    "DALDUK": "Pengendalian Penduduk",
    "PMPD": "Pemberdayaan Masyarakat dan Pemerintahan Desa",
    "PMD": "Pemberdayaan Masyarakat dan Desa",
    "PMK": "Pemberdayaan Masyarakat dan Kelurahan",
    "P2A": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "PPA": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "PP": "Pemberdayaan Perempuan",
    "PA": "Perlindungan Anak",
    "PM": "Pemberdayaan Masyarakat",
    "P2": "Pengendalian Penduduk",
    "KB": "Keluarga Berencana",
    "KS": "Keluarga Sejahtera",
    "PKB": "Pengendalian Penduduk dan Keluarga Berencana",
    "CS": "Catatan Sipil",
    "DUKCAPIL": "Kependudukan dan Pencatatan Sipil",
    "MD": "Masyarakat dan Desa",
    "M": "Masyarakat",
    "K": "Kependudukan",
    "S": "Sosial",
    "SOS": "Sosial",
    "A": "Anak",
}
"""Letter groups of a women's-agency acronym and what they stand for (DOMAIN.md, Agencies)."""

_CORE_UNITS = frozenset({"P3AP2KB", "PPPA", "P3A", "P2A", "PPA", "P2KB", "PPKB", "PKB", "DALDUK"})
"""A decoded acronym must contain one of these to be a women's/population agency."""

_UNIT_RE = re.compile("|".join(sorted(AFFAIR_UNITS, key=len, reverse=True)))


@lru_cache(maxsize=4096)
def decode_acronym(token: str) -> str | None:
    """Expand a women's-agency acronym by grammar, or return None if it is not one.

    >>> decode_acronym("DP2KBP3A")
    'Dinas Pengendalian Penduduk dan Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak'
    """
    word = token.upper()
    if not re.fullmatch(r"[A-Z0-9]{3,14}", word) or token != word:
        return None
    for prefix in ("DIN", "KAN", "D", "B"):
        if not word.startswith(prefix):
            continue
        units = _parse_units(word[len(prefix):])
        if units and any(u in _CORE_UNITS for u in units):
            head = _INSTITUTION.get(prefix, "")
            parts = _merge_units(units)
            return (head + " " + ", ".join(parts)).strip()
    return None


def _parse_units(rest: str) -> list[str] | None:
    """Split the letters after the institution letter into affair units (greedy, longest first)."""
    units: list[str] = []
    pos = 0
    while pos < len(rest):
        match = _UNIT_RE.match(rest, pos)
        if not match:
            return None
        units.append(match.group(0))
        pos = match.end()
    return units or None


def _merge_units(units: list[str]) -> list[str]:
    out: list[str] = []
    for unit in units:
        text = AFFAIR_UNITS[unit]
        if out and unit in ("A", "PA") and out[-1] == AFFAIR_UNITS["PP"]:
            out[-1] = AFFAIR_UNITS["PPPA"]
            continue
        if text not in out:
            out.append(text)
    return out


KNOWN_AGENCIES: dict[str, str] = {
    "Bappeda": "Badan Perencanaan Pembangunan Daerah",
    "Bappedalitbang": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Bappelitbangda": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Bapelitbangda": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Bappelitbang": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan",
    "Bapperida": "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
    "Bappeda Litbang": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Balitbang": "Badan Penelitian dan Pengembangan",
    "Balitbangda": "Badan Penelitian dan Pengembangan Daerah",
    "Brida": "Badan Riset dan Inovasi Daerah",
    "BRIDA": "Badan Riset dan Inovasi Daerah",
    "Bappenas": "Kementerian PPN/Badan Perencanaan Pembangunan Nasional",
    "Inspektorat": "Inspektorat Daerah",
    "BPKAD": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "BPKD": "Badan Pengelolaan Keuangan Daerah",
    "BKAD": "Badan Keuangan dan Aset Daerah",
    "BPKPD": "Badan Pengelolaan Keuangan dan Pendapatan Daerah",
    "Bapenda": "Badan Pendapatan Daerah",
    "BKPSDM": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "BKD": "Badan Kepegawaian Daerah",
    "Setda": "Sekretariat Daerah",
    "Setdaprov": "Sekretariat Daerah Provinsi",
    "Setdakab": "Sekretariat Daerah Kabupaten",
    "Setdako": "Sekretariat Daerah Kota",
    "Setdakot": "Sekretariat Daerah Kota",
    "Setkab": "Sekretariat Kabupaten",
    "Setprov": "Sekretariat Daerah Provinsi",
    "Setdaprov.": "Sekretariat Daerah Provinsi",
    "Setkot": "Sekretariat Kota",
    "Diskominfo": "Dinas Komunikasi dan Informatika",
    "Diskominfotik": "Dinas Komunikasi, Informatika dan Statistik",
    "Diskominfosandi": "Dinas Komunikasi, Informatika dan Persandian",
    "Diskominfostandi": "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "Dinkes": "Dinas Kesehatan",
    "Disdik": "Dinas Pendidikan",
    "Disdikbud": "Dinas Pendidikan dan Kebudayaan",
    "Dinsos": "Dinas Sosial",
    "Disnaker": "Dinas Tenaga Kerja",
    "Disnakertrans": "Dinas Tenaga Kerja dan Transmigrasi",
    "Disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "Dukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "Diskop": "Dinas Koperasi",
    "DPMD": "Dinas Pemberdayaan Masyarakat dan Desa",
    "DPMPD": "Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa",
    "DPMK": "Dinas Pemberdayaan Masyarakat dan Kelurahan",
    "DPPKB": "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "BKKBN": "Badan Kependudukan dan Keluarga Berencana Nasional",
    "BPS": "Badan Pusat Statistik",
    "DPRD": "Dewan Perwakilan Rakyat Daerah",
    "PKK": "Pemberdayaan dan Kesejahteraan Keluarga",
    "TP PKK": "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga",
    "TP-PKK": "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga",
    "GOW": "Gabungan Organisasi Wanita",
    "DWP": "Dharma Wanita Persatuan",
    "Dharma Wanita": "Dharma Wanita Persatuan",
    "Dharma Wanita Persatuan": "Dharma Wanita Persatuan",
    "PUSPA": "Partisipasi Publik untuk Kesejahteraan Perempuan dan Anak",
    "LPLPP": "Lembaga Penyedia Layanan Pemberdayaan Perempuan",
    "P2TP2A": "Pusat Pelayanan Terpadu Pemberdayaan Perempuan dan Anak",
    "UPTD PPA": "Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak",
    "PSW": "Pusat Studi Wanita",
    "PSGA": "Pusat Studi Gender dan Anak",
    "PSG": "Pusat Studi Gender",
    "PSGAD": "Pusat Studi Gender, Anak dan Disabilitas",
    "Kemendagri": "Kementerian Dalam Negeri",
    "Kemenkeu": "Kementerian Keuangan",
    "Kemenag": "Kementerian Agama",
    "Kemenkes": "Kementerian Kesehatan",
    "Kemensos": "Kementerian Sosial",
    "KPAI": "Komisi Perlindungan Anak Indonesia",
    "Komnas Perempuan": "Komisi Nasional Anti Kekerasan terhadap Perempuan",
    "LPA": "Lembaga Perlindungan Anak",
    "KPI": "Koalisi Perempuan Indonesia",
    "Kowani": "Kongres Wanita Indonesia",
    "IBI": "Ikatan Bidan Indonesia",
    "IWAPI": "Ikatan Wanita Pengusaha Indonesia",
    "Fatayat NU": "Fatayat Nahdlatul Ulama",
    "Muslimat NU": "Muslimat Nahdlatul Ulama",
    "Aisyiyah": "Aisyiyah",
    "Forum Anak": "Forum Anak",
    "Bawaslu": "Badan Pengawas Pemilihan Umum",
    "KPU": "Komisi Pemilihan Umum",
    "Ombudsman": "Ombudsman Republik Indonesia",
    "BPKP": "Badan Pengawasan Keuangan dan Pembangunan",
    "RSUD": "Rumah Sakit Umum Daerah",
    "Satpol PP": "Satuan Polisi Pamong Praja",
    "Polres": "Kepolisian Resor",
    "Polda": "Kepolisian Daerah",
    "BPBD": "Badan Penanggulangan Bencana Daerah",
    "Bakesbangpol": "Badan Kesatuan Bangsa dan Politik",
    "Kesbangpol": "Badan Kesatuan Bangsa dan Politik",
    "Dispar": "Dinas Pariwisata",
    "Disperindag": "Dinas Perindustrian dan Perdagangan",
    "DPUPR": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Disperkim": "Dinas Perumahan dan Kawasan Permukiman",
    "DLH": "Dinas Lingkungan Hidup",
    "Distan": "Dinas Pertanian",
    "Dispora": "Dinas Pemuda dan Olahraga",
}
"""Agency names/acronyms seen across regions, with their expansion (facts, DOMAIN.md)."""

MINISTRY_FORMS: tuple[str, ...] = (
    "KemenPPPA", "Kemen PPPA", "Kemen-PPPA", "KemenPPA", "KPPPA", "KPP-PA", "KPPPA RI",
    "Kementerian PPPA", "Kementrian PPPA", "Kementerian PP dan PA", "Kementrian PP dan PA",
    "Kementerian PP-PA", "Kementerian PPPA RI", "Kementrian PPPA RI", "KemenPPPA RI",
    "Kemen PPPA RI", "Kementerian PP&PA", "Kementerian PPA", "Kementrian PPA", "Kemen PPA", "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
    "Kementrian Pemberdayaan Perempuan dan Perlindungan Anak",
)
"""Ways news writes the women's-empowerment ministry (DOMAIN.md)."""

MINISTRY_EXPANSION = "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"

GOVERNMENT_PREFIXES: dict[str, str] = {
    "Pemerintah Provinsi": "provinsi", "Pemerintah Kabupaten": "kabupaten",
    "Pemerintah Kota": "kota", "Pemprov": "provinsi", "Pemkab": "kabupaten", "Pemkot": "kota",
    "Pemko": "kota", "Pemda": "", "Pemerintah Daerah": "", "Pemerintah": "",
}
"""Government forms ("Pemko Banjarbaru" = "Pemerintah Kota Banjarbaru") and the level they imply."""

AGENCY_HEADS: tuple[str, ...] = (
    "Dinas", "Badan", "Kementerian", "Kementrian", "Kantor", "Lembaga", "Dewan", "Sekretariat",
    "Inspektorat", "Gabungan", "Organisasi", "Tim Penggerak", "Pusat Studi", "Pusat Pelayanan",
    "Forum", "Perkumpulan", "Ikatan", "Himpunan", "Yayasan", "Universitas", "Institut",
    "Sekolah Tinggi", "Politeknik", "Komisi", "Majelis", "Persatuan", "Unit Pelaksana",
    "Biro", "Bagian", "Direktorat", "Deputi", "Asosiasi", "Koalisi", "Aliansi", "Jaringan",
    "Rumah Sakit", "Puskesmas", "Kepolisian", "Pengadilan", "Kejaksaan", "Suku Dinas",
    "Suku Badan", "Dinsos",
)
"""First words of a spelled-out organisation name ("Dinas Pemberdayaan ...", "Gabungan ...")."""

NOT_AGENCIES: frozenset[str] = frozenset({
    "PUG", "PPRG", "ARG", "GAP", "GBS", "IPG", "IDG", "IKG", "APE", "SDM", "SDG", "SDGs", "OPD",
    "SKPD", "RPJMD", "RKPD", "RPJPD", "RAD", "RAN", "TOT", "FGD", "BIMTEK", "RAKOR", "APBD",
    "APBN", "DAK", "DAU", "KDRT", "TPPO", "PPKS", "UMKM", "ASN", "PNS", "WIB", "WITA", "WIT",
    "HUT", "RI", "NKRI", "PAUD", "KIA", "KLA", "DRPPA", "PKH", "BLT", "ODGJ", "HIV", "AIDS",
    "COVID", "ATM", "KTP", "NIK", "TPS", "ABK", "PMT", "TV", "LED", "PT", "CV", "UU", "PP",
    "SK", "MOU", "MoU", "PKS", "ATK", "SOP", "PDF", "IT", "IKM", "PPKM", "KLA", "TPA",
})
"""Acronyms that are concepts, documents or units, not agencies."""

ORG_WORDS: frozenset[str] = frozenset({"inspektorat", "dinas", "badan", "kementerian",
                                       "universitas"})
"""Folded words that make a capitalised phrase a body ("<name> dari Inspektorat ...")."""

BODIES_NAMED_AFTER: frozenset[str] = frozenset({
    "universitas", "institut", "politeknik", "akademi", "sekolah", "stikes", "stie", "stai",
    "yayasan", "gereja", "klasis", "jemaat", "majelis", "pondok", "pesantren", "paguyuban",
    "sanggar", "padepokan",
})
"""Bodies whose own name follows them ("Universitas Mulawarman", "Majelis Taklim", "Gereja
Injili"): capitalised words right after them are that name, not a person's."""

NAMED_HEADS = re.compile(
    r"^(?:Universitas|Institut|Sekolah\s+Tinggi|Politeknik|Yayasan|Rumah\s+Sakit)")
"""Agency heads whose spelled-out name may hold region words ("Universitas Sumatera Utara").
Narrower than :data:`BODIES_NAMED_AFTER` (used to tell a body's name from a person's): widening
it would let more spelled-out agency names run on over a region."""

UNIT_WORDS: frozenset[str] = frozenset({"KB", "RI", "PPA", "PP", "PPR", "PA", "SDM"})
"""Capitalised units that continue a spelled-out agency name ("Dinas ... dan KB")."""

GENERIC_MENTION_WORDS: frozenset[str] = frozenset({
    "setiap", "seluruh", "semua", "para", "tiap", "masing-masing", "berbagai", "antara", "lain",
    "seperti", "misalnya",
})
"""Words before an agency mention that make it generic or an example ("setiap LPLPP")."""

KNOWN_RE = re.compile(
    r"(?<![\w-])(?:" + words(list(KNOWN_AGENCIES) + list(MINISTRY_FORMS)) + r")(?![\w-])")
"""A known agency name or a form of the ministry's name."""

ACRONYM_RE = re.compile(
    r"(?<![\w-])(?:(?P<dinas>Dinas|Badan)\s+)?(?P<acr>[A-Z][A-Z0-9]{2,13})(?![\w-])")
"""An all-caps acronym, with "Dinas"/"Badan" written before it."""

GOVERNMENT_RE = re.compile(
    r"(?<![\w-])(?P<gov>" + words(GOVERNMENT_PREFIXES)
    + r")(?:\s*\(\s*(?:Pemprov|Pemkab|Pemkot|Pemko|Pemda)\s*\))?(?:\s+Administrasi)?"
    r"\s+(?P<rest>[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})")
"""A government form and the capitalised words after it ("Pemko Banjarbaru"), its short form
in brackets ("Pemerintah Provinsi (Pemprov) Lampung") and the DKI "Administrasi" ("Pemerintah
Kota Administrasi Jakarta Timur") allowed between."""

HEAD_RE = re.compile(r"(?<![\w-])(?P<head>" + words(AGENCY_HEADS) + r")(?=\s+[A-Z])")
"""An agency head before a capitalised word: the start of a spelled-out name."""

SPELLED_LOWER_WORDS: tuple[str, ...] = (
    "anak", "perempuan", "pemberdayaan", "perlindungan", "pengendalian", "penduduk",
    "keluarga", "berencana", "kependudukan", "masyarakat", "desa",
)
"""Words of a women's-agency name that releases sometimes write in lowercase ("Dinas
Pemberdayaan Perempuan dan Perlindungan anak Provinsi Maluku"): the name goes on."""

SPELLED_WORD = re.compile(
    r"(?P<sep>,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|&|serta)[ \t]+|[ \t]+)"
    r"(?P<w>[A-Z][\w'\-]*|RI|(?:" + words(SPELLED_LOWER_WORDS) + r")(?![\w-]))")
"""The next word of a spelled-out name, with its separator (space, comma, "dan", "serta")."""

ACRONYM_CONTINUATION = re.compile(
    r"[ \t]+(?:dan|serta)[ \t]+(?:[A-Z][\w'\-]*[ \t]+){1,4}\(\s*[A-Z][A-Za-z0-9\-]{1,14}\s*\)")
"""A name that goes on after its bracketed acronym with a second unit and its own acronym:
"Dinas Pemberdayaan Perempuan, Perlindungan Anak (DP3A) dan Keluarga Berencana (KB) ..."."""

PAREN_ACRONYM = re.compile(
    r"\s*\(\s*(?P<acr>[A-Z][A-Za-z0-9\-]{1,14}"
    r"(?:(?:\s+dan\s+|\s*&\s*|\s+)[A-Z][A-Z0-9\-]{0,14}){0,3})\s*\)")
"""An acronym in brackets after a spelled-out name, also a short form of a few words
("(DP3AP2KB)", "(Sudin PPAPP)", "(Dinsos PPR dan PA)")."""

UNIT_HEADS: frozenset[str] = frozenset({"Deputi", "Direktorat"})
"""Heads of a unit inside a ministry: "Deputi Bidang Kesetaraan Gender" written right before
"Kemen PPPA" is the ministry's unit, and the agency is the ministry."""

BRANCH = re.compile(r"\s+(?P<b>[Cc]abang)\s+(?P<rest>(?:[\w.]+\s*){1,3})")
"""A branch after an agency name ("... Cabang Kabupaten X")."""

NOT_SPELLED = re.compile(r"^(?:Organisasi\s+Perangkat\s+Daerah|Badan\s+Usaha|Dinas\s+Luar|"
                         r"Kantor\s+Berita|Forum\s+Group|Lembaga\s+Swadaya\s+Masyarakat$)", re.I)
"""Spelled-out phrases with an agency head that name no agency."""

MINISTRY_NAME = re.compile(r"Kement?e?rian\s+Pemberdayaan\s+Perempuan")
"""The ministry's name spelled out (also misspelled "Kementrian")."""

KEY_FOLDS: tuple[tuple[str, str], ...] = (("PPRPA", "P3A"), ("PPPA", "P3A"), ("PPKB", "P2KB"))
"""Spellings of one affair unit inside an agency key (DPPPA = DP3A, DPPKB = DP2KB, "Dinas PPR
dan PA" = DP3A)."""

KEY_ALIASES: dict[str, str] = {"KP3A": "KEMENP3A", "KEMENTERIANP3A": "KEMENP3A",
                               "KEMENPP": "KEMENP3A", "KPP": "KEMENP3A"}
"""Whole agency keys that name the ministry (after :data:`KEY_FOLDS`)."""

NATIONAL_KEYS: frozenset[str] = frozenset({"KEMENP3A"})
"""Agency keys of national bodies: regional releases cite them as context."""

GENERIC_GOVERNMENT_KEYS: tuple[str, ...] = ("PEMERINTAH", "PEMKAB", "PEMKOT", "PEMKO",
                                            "PEMPROV", "PEMDA", "SETDA", "SEKRETARIATDAERAH")
"""Starts of agency keys that name a whole government (Pemkab, Setda ...): nothing specific."""

KEY_CONNECTORS: frozenset[str] = frozenset({"dan", "serta", "&", "dengan", "untuk", "atau"})
"""Words left out when an agency name is reduced to initials for its key."""
