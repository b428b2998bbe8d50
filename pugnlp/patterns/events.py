"""Cues of PUG relevance and of the eight event types (DOMAIN.md, Event types)."""

from __future__ import annotations

import re

from pugnlp.patterns._util import alt

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

ACTIVITY = re.compile(
    r"\b(?:menggelar|digelar|melaksanakan|dilaksanakan|menyelenggarakan|diselenggarakan|"
    r"mengadakan|diadakan|membuka|dibuka|mengikuti|diikuti|menghadiri|dihadiri|berlangsung|"
    r"bertempat|menerima|meraih|memperoleh|diserahkan|menyerahkan|mengukuhkan|dikukuhkan|"
    r"menetapkan|ditetapkan|menandatangani|ditandatangani|membentuk|dibentuk|menyusun|"
    r"disusun|memimpin|dipimpin|peserta|narasumber|kegiatan|acara|rapat|verifikasi|"
    r"launching|meluncurkan|diluncurkan|kunjungan|audiensi)\b",
    re.I,
)
"""Words that report something happening (an activity, not an opinion)."""

DISTRACTOR_CUES = re.compile(
    r"\b(?:tersangka|pelaku|ditangkap|diamankan|penganiayaan|pencabulan|pemerkosaan|"
    r"persetubuhan|polres|polsek|kapolres|visum|akseptor|pelayanan\s+KB|KB\s+gratis|"
    r"vasektomi|IUD|implan|HUT\s+PKK|hari\s+kesatuan\s+gerak|HKG\s+PKK|lomba|turnamen|"
    r"piala|bazar|bazaar|posyandu|balita|stunting|imunisasi|pernikahan\s+dini|"
    r"pernikahan\s+anak|perkawinan\s+anak|caleg|kuota\s+30\s+persen)\b",
    re.I,
)
"""Words typical of stories that mention women or gender but report no PUG activity."""

EVENT_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "rapat_koordinasi": (
        (r"rakor", 3), (r"rapat\s+koordinasi", 3), (r"rapat\s+pokja", 3), (r"rapat\s+penguatan", 3),
        (r"rapat\s+kerja", 2), (r"rapat", 1.5), (r"audiensi", 2), (r"rapat\s+teknis", 2),
        (r"pertemuan\s+koordinasi", 3), (r"koordinasi", 1), (r"rapat\s+tim", 2),
        (r"rapat\s+pleno", 2), (r"rapat\s+anggota", 2), (r"coffee\s+morning", 2),
    ),
    "bimtek_pelatihan": (
        (r"bimtek", 3), (r"bimbingan\s+teknis", 3), (r"pelatihan", 3), (r"workshop", 3),
        (r"lokakarya", 3), (r"TOT", 3), (r"training", 3), (r"peningkatan\s+kapasitas", 2.5),
        (r"diklat", 3), (r"coaching", 2.5), (r"mentoring", 2), (r"asistensi", 1.5),
        (r"penguatan\s+kapasitas", 2.5), (r"orientasi", 1.5), (r"kelas", 0.5),
    ),
    "sosialisasi": (
        (r"sosialisasi", 3), (r"advokasi", 2.5), (r"seminar", 3), (r"talk\s?show", 3),
        (r"kampanye", 2.5), (r"FGD", 2.5), (r"focus\s+group\s+discussion", 2.5), (r"dialog", 2),
        (r"webinar", 3), (r"diseminasi", 2.5), (r"edukasi", 2), (r"penyuluhan", 2.5),
        (r"podcast", 1.5), (r"diskusi\s+publik", 2.5), (r"sarasehan", 2.5), (r"temu\s+wicara", 2),
    ),
    "evaluasi": (
        (r"evaluasi\s+(?:pelaksanaan\s+)?(?:PUG|pengarusutamaan)", 3.5), (r"evaluasi\s+mandiri", 3),
        (r"verifikasi\s+lapangan", 3.5), (r"verifikasi", 2), (r"penilaian", 2.5),
        (r"monitoring", 2), (r"monev", 2.5), (r"pendampingan\s+evaluasi", 3), (r"evaluasi", 1.5),
        (r"paparan\s+(?:capaian|hasil)", 2), (r"presentasi", 1), (r"wawancara", 1.5),
        (r"pengisian\s+(?:instrumen|aplikasi)", 2), (r"audit\s+gender", 3),
    ),
    "penghargaan": (
        (r"anugerah\s+parahita\s+ekapraya", 4), (r"parahita\s+ekapraya", 3.5), (r"APE", 2),
        (r"penghargaan", 3), (r"trofi", 3), (r"piagam", 2), (r"kategori\s+(?:pratama|madya|"
        r"nindya|utama|mentor)", 2), (r"meraih", 1.5), (r"menerima\s+penghargaan", 3),
        (r"penganugerahan", 3), (r"predikat", 1.5), (r"anugerah", 2.5),
    ),
    "penyusunan_dokumen": (
        (r"penyusunan", 2.5), (r"menyusun", 2), (r"PPRG", 1.5), (r"GAP", 1.5), (r"GBS", 1.5),
        (r"gender\s+analysis\s+pathway", 2), (r"gender\s+budget\s+statement", 2),
        (r"rencana\s+aksi", 2.5), (r"profil\s+gender", 3), (r"data\s+terpilah", 2.5),
        (r"RAD", 2), (r"dokumen", 1.5), (r"anggaran\s+responsif\s+gender", 2),
        (r"ARG", 1.5), (r"roadmap", 2), (r"peta\s+jalan", 2), (r"pendataan", 1.5),
        (r"analisis\s+gender", 2), (r"instrumen", 1),
    ),
    "kebijakan": (
        (r"perda", 3), (r"perbup", 3), (r"perwali", 3), (r"perwalkot", 3), (r"pergub", 3),
        (r"peraturan\s+(?:daerah|bupati|wali\s?kota|gubernur)", 3), (r"SK\s+pokja", 3),
        (r"surat\s+keputusan", 2.5), (r"pengukuhan", 3), (r"dikukuhkan", 3), (r"mengukuhkan", 3),
        (r"pembentukan", 2), (r"dibentuk", 2), (r"MoU", 2.5), (r"nota\s+kesepahaman", 3),
        (r"perjanjian\s+kerja\s+sama", 2.5), (r"penandatanganan", 2.5), (r"ranperda", 3),
        (r"pelantikan", 2.5), (r"dilantik", 2.5), (r"regulasi", 1.5), (r"deklarasi", 2),
        (r"komitmen\s+bersama", 1.5), (r"instruksi", 1.5),
    ),
    "lainnya": (
        (r"kunjungan\s+kerja", 2.5), (r"studi\s+banding", 2.5), (r"kunker", 2.5),
        (r"launching", 2), (r"peluncuran", 2), (r"meluncurkan", 2), (r"lomba", 1.5),
        (r"festival", 1.5), (r"peresmian", 2), (r"jambore", 2), (r"gerakan", 1),
    ),
}
"""Cue regexes (matched case-insensitively as whole words) and their weights per event type."""

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

COMPILED_CUES: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    label: tuple(
        (re.compile(r"\b(?:" + pattern + r")\b", 0 if pattern.isupper() else re.I), weight)
        for pattern, weight in cues
    )
    for label, cues in EVENT_CUES.items()
}
"""Acronym cues (all caps) match case-sensitively, the others ignore case."""
