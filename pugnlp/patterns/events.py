"""Cues of PUG relevance and of the eight event types (DOMAIN.md, Event types)."""

from __future__ import annotations

import re

from pugnlp.patterns._util import PhraseTable, alt

PUG_CORE = re.compile(
    r"\b(?:" + alt((
        r"peng[ae]r[ua]?s\s?u?ta?maan\s+gender", r"PUG", r"pokja\s+PUG", r"PPRG",
        r"perencanaan\s+dan\s+penganggaran\s+(?:yang\s+)?responsif\s+gender",
        r"anggaran\s+responsif\s+gender", r"ARG", r"responsif\s+gender",
        r"parahita\s+ekapraya", r"anugerah\s+parahita", r"focal\s+point", r"data\s+terpilah",
        r"gender\s+analysis\s+pathway", r"gender\s+budget\s+statement", r"profil\s+gender",
        r"analisis\s+gender", r"indeks\s+pembangunan\s+gender", r"indeks\s+pemberdayaan\s+gender",
        r"indeks\s+ketimpangan\s+gender", r"gender\s+mainstreaming", r"driver\s+PUG",
        r"strategi\s+pengarusutamaan",
    )) + r")\b",
    re.I,
)
"""Terms that mark PUG itself (case-insensitive except the acronyms, checked by caller)."""

PUG_WEAK = re.compile(
    r"\b(?:kesetaraan\s+gender|keadilan\s+gender|kesetaraan\s+dan\s+keadilan\s+gender|"
    r"isu\s+gender|perspektif\s+gender|berperspektif\s+gender|IPG|IDG|IKG|GAP|GBS|APE)\b",
    re.I,
)
"""Terms that often accompany PUG but also occur in stories about other things."""

ACTIVITY = PhraseTable((w, 1) for w in (
    "menggelar", "digelar", "melaksanakan", "dilaksanakan", "menyelenggarakan",
    "diselenggarakan", "mengadakan", "diadakan", "membuka", "dibuka", "mengikuti", "diikuti",
    "menghadiri", "dihadiri", "berlangsung", "bertempat", "menerima", "meraih", "memperoleh",
    "diserahkan", "menyerahkan", "mengukuhkan", "dikukuhkan", "menetapkan", "ditetapkan",
    "menandatangani", "ditandatangani", "membentuk", "dibentuk", "menyusun", "disusun",
    "memimpin", "dipimpin", "peserta", "narasumber", "kegiatan", "acara", "rapat",
    "verifikasi", "launching", "meluncurkan", "diluncurkan", "kunjungan", "audiensi",
))
"""Words that report something happening (an activity, not an opinion)."""

DISTRACTOR_CUES = PhraseTable((w, 1) for w in (
    "tersangka", "pelaku", "ditangkap", "diamankan", "penganiayaan", "pencabulan",
    "pemerkosaan", "persetubuhan", "polres", "polsek", "kapolres", "visum", "akseptor",
    "pelayanan KB", "KB gratis", "vasektomi", "IUD", "implan", "HUT PKK",
    "hari kesatuan gerak", "HKG PKK", "lomba", "turnamen", "piala", "bazar", "bazaar",
    "posyandu", "balita", "stunting", "imunisasi", "pernikahan dini", "pernikahan anak",
    "perkawinan anak", "caleg", "kuota 30 persen",
))
"""Words typical of stories that mention women or gender but report no PUG activity."""

EVENT_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "rapat_koordinasi": (
        ("rakor", 3), ("rapat koordinasi", 3), ("rapat pokja", 3), ("rapat penguatan", 3),
        ("rapat kerja", 2), ("rapat", 1.5), ("audiensi", 2), ("rapat teknis", 2),
        ("pertemuan koordinasi", 3), ("koordinasi", 1), ("rapat tim", 2), ("rapat pleno", 2),
        ("rapat anggota", 2), ("coffee morning", 2), ("rakortek", 3),
    ),
    "bimtek_pelatihan": (
        ("bimtek", 3), ("bimbingan teknis", 3), ("pelatihan", 3), ("workshop", 3),
        ("lokakarya", 3), ("TOT", 3), ("training", 3), ("peningkatan kapasitas", 2.5),
        ("diklat", 3), ("coaching", 2.5), ("mentoring", 2), ("asistensi", 1.5),
        ("penguatan kapasitas", 2.5), ("orientasi", 1.5), ("kelas", 0.5),
    ),
    "sosialisasi": (
        ("sosialisasi", 3), ("advokasi", 2.5), ("seminar", 3), ("talkshow", 3),
        ("talk show", 3), ("kampanye", 2.5), ("FGD", 2.5), ("focus group discussion", 2.5),
        ("dialog", 2), ("webinar", 3), ("diseminasi", 2.5), ("edukasi", 2), ("penyuluhan", 2.5),
        ("podcast", 1.5), ("diskusi publik", 2.5), ("sarasehan", 2.5), ("temu wicara", 2),
    ),
    "evaluasi": (
        ("evaluasi pug", 3.5), ("evaluasi pelaksanaan pug", 3.5), ("evaluasi pengarusutamaan", 3.5),
        ("evaluasi mandiri", 3), ("verifikasi lapangan", 3.5), ("verifikasi", 2),
        ("penilaian", 2.5), ("monitoring", 2), ("monev", 2.5), ("pendampingan evaluasi", 3),
        ("evaluasi", 1.5), ("paparan capaian", 2), ("paparan hasil", 2), ("presentasi", 1),
        ("wawancara", 1.5), ("pengisian instrumen", 2), ("pengisian aplikasi", 2),
        ("audit gender", 3),
    ),
    "penghargaan": (
        ("anugerah parahita ekapraya", 4), ("parahita ekapraya", 3.5), ("APE", 2),
        ("penghargaan", 3), ("trofi", 3), ("piagam", 2), ("kategori pratama", 2),
        ("kategori madya", 2), ("kategori nindya", 2), ("kategori utama", 2),
        ("kategori mentor", 2), ("meraih", 1.5), ("menerima penghargaan", 3),
        ("penganugerahan", 3), ("predikat", 1.5), ("anugerah", 2.5),
    ),
    "penyusunan_dokumen": (
        ("penyusunan", 2.5), ("menyusun", 2), ("PPRG", 1.5), ("GAP", 1.5), ("GBS", 1.5),
        ("gender analysis pathway", 2), ("gender budget statement", 2), ("rencana aksi", 2.5),
        ("profil gender", 3), ("data terpilah", 2.5), ("RAD", 2), ("dokumen", 1.5),
        ("anggaran responsif gender", 2), ("ARG", 1.5), ("roadmap", 2), ("peta jalan", 2),
        ("pendataan", 1.5), ("analisis gender", 2), ("instrumen", 1),
    ),
    "kebijakan": (
        ("perda", 3), ("perbup", 3), ("perwali", 3), ("perwalkot", 3), ("pergub", 3),
        ("peraturan daerah", 3), ("peraturan bupati", 3), ("peraturan wali kota", 3),
        ("peraturan walikota", 3), ("peraturan gubernur", 3), ("sk pokja", 3),
        ("surat keputusan", 2.5), ("pengukuhan", 3), ("dikukuhkan", 3), ("mengukuhkan", 3),
        ("pembentukan", 2), ("dibentuk", 2), ("MoU", 2.5), ("nota kesepahaman", 3),
        ("perjanjian kerja sama", 2.5), ("penandatanganan", 2.5), ("ranperda", 3),
        ("pelantikan", 2.5), ("dilantik", 2.5), ("regulasi", 1.5), ("deklarasi", 2),
        ("komitmen bersama", 1.5), ("instruksi", 1.5),
    ),
    "lainnya": (
        ("kunjungan kerja", 2.5), ("studi banding", 2.5), ("kunker", 2.5), ("launching", 2),
        ("peluncuran", 2), ("meluncurkan", 2), ("lomba", 1.5), ("festival", 1.5),
        ("peresmian", 2), ("jambore", 2), ("gerakan", 1),
    ),
}
"""Cue phrases and their weights per event type. Phrases in capitals (TOT, APE, GAP) match
case-sensitively as written; the others ignore case."""

EVENT_PRIORITY: tuple[str, ...] = (
    "penghargaan", "evaluasi", "bimtek_pelatihan", "kebijakan", "penyusunan_dokumen",
    "sosialisasi", "rapat_koordinasi", "lainnya",
)
"""Tie-break order when two types score the same."""

MAIN_VERB = re.compile(
    r"\b(?:menggelar|mengadakan|melaksanakan|menyelenggarakan|mengikuti|membuka|gelar|"
    r"melakukan|menerima|meraih|mengukuhkan|menetapkan|menandatangani|meluncurkan|"
    r"memperoleh|menyusun|dilaksanakannya|pelaksanaan|kegiatan)\b",
    re.I,
)
"""Verbs whose object names the reported event in the lead sentence."""

CUE_TABLE = PhraseTable((phrase, (label, weight)) for label, cues in EVENT_CUES.items()
                        for phrase, weight in cues)
"""Event cues by phrase: values are (label, weight)."""

CASE_SENSITIVE_ACRONYMS: frozenset[str] = frozenset({"pug", "pprg", "arg"})
"""PUG terms of :data:`PUG_CORE` that count only in capitals ("arg" is not ARG)."""
