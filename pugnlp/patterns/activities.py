"""The activity an article reports: the words that introduce it and its head (DOMAIN.md,
"Deciding the event type": the activity's head decides the type, not the topics mentioned).

An activity is named after an activity verb ("menggelar Rapat Koordinasi ...", "membuka
Bimbingan Teknis ..."), after a preposition of occasion ("dalam Rapat Koordinasi ... yang
digelar", "saat verifikasi ..."), or at the start of a headline ("Rakor PUG ...").
"""

from __future__ import annotations

import re

from pugnlp.patterns._util import alt, words
from pugnlp.patterns.dates import MONTHS, WEEKDAYS

ACTIVITY_VERBS: tuple[str, ...] = (
    "menggelar", "gelar", "digelar", "melaksanakan", "dilaksanakan", "laksanakan",
    "mengadakan", "diadakan", "menyelenggarakan", "diselenggarakan", "selenggarakan",
    "mengikuti", "ikuti",
    "membuka", "buka", "dibuka", "menutup", "menghadiri", "hadiri", "melakukan", "lakukan",
    "memimpin", "menerima", "terima", "menyerahkan", "serahkan", "mengukuhkan", "kukuhkan",
    "dikukuhkan", "meluncurkan", "luncurkan", "diluncurkan", "meraih", "raih", "memperoleh",
    "menjalani", "jalani", "menghelat", "helat", "memfasilitasi", "fasilitasi",
    "menetapkan", "tetapkan", "menerbitkan", "terbitkan", "meneken", "teken",
    "menandatangani", "tandatangani", "mengesahkan", "sahkan", "membentuk", "bentuk",
)

DRAFTING_VERBS: tuple[str, ...] = (
    "menyusun", "susun", "menghimpun", "himpun", "memutakhirkan", "mutakhirkan",
    "memfinalisasi", "finalisasi", "memvalidasi", "validasi",
)
"""Verbs whose object is a document being drafted ("Pemprov Sulteng Susun RAD ..."): the
activity produces it, `penyusunan_dokumen`."""
"""Verbs after which the activity is named."""

VERB_HEADS: dict[str, str] = {
    **dict.fromkeys(("kukuhkan", "mengukuhkan", "dikukuhkan"), "kebijakan"),
    **dict.fromkeys(("sahkan", "mengesahkan", "disahkan"), "kebijakan"),
    **dict.fromkeys(("sosialisasikan", "menyosialisasikan", "mensosialisasikan",
                     "disosialisasikan"), "sosialisasi"),
    **dict.fromkeys(("presentasikan", "mempresentasikan", "dipresentasikan"), "evaluasi"),
    **dict.fromkeys(("memverifikasi", "diverifikasi", "mengevaluasi", "dievaluasi"),
                    "evaluasi"),
    **dict.fromkeys(("luncurkan", "meluncurkan", "diluncurkan", "canangkan",
                     "mencanangkan", "dicanangkan"), "lainnya"),
}
"""Verbs that are the activity themselves, as headlines write it ("Wali Kota Kukuhkan Pokja
PUG", "DP3A Sosialisasikan PUG kepada Lurah", "Bupati Presentasikan Pelaksanaan PUG di
Depan Tim Evaluator"), with the type of the noun they stand for (pengukuhan, sosialisasi,
presentasi ...). Read in the headline only (a lead's "sebelum membuka acara, mengukuhkan
Forum ..." is a side act), and only where no activity head follows the verb. Words that are
nouns as well ("evaluasi", "verifikasi") are heads already."""

OCCASION_WORDS: tuple[str, ...] = (
    "dalam", "pada", "saat", "ketika", "di sela", "di sela-sela", "dalam acara",
    "dalam kegiatan", "pada acara", "pada kegiatan", "acara", "kegiatan", "tim",
)
"""Words before an activity named as the occasion ("saat membuka ...", "dalam rakor ...")."""

FILLERS: tuple[str, ...] = ("kegiatan", "acara", "agenda", "forum", "sebuah", "pelaksanaan")
"""Words between the verb and the head that name no activity themselves."""

MODALITY_WORDS: tuple[str, ...] = (
    "optimis", "optimistis", "menargetkan", "target", "ditargetkan", "berharap", "harapan",
    "siap", "ingin", "bisa", "akan", "mampu", "berupaya", "upaya", "bertekad", "mengejar",
    "bidik", "membidik", "incar", "mengincar", "optimisme", "diminta", "agar", "harus",
    "wajib", "perlu", "mendorong", "dorong", "minta", "meminta", "diharapkan", "untuk",
    "berjanji", "janji", "rencana", "berencana", "direncanakan", "berpeluang", "peluang",
)
"""Words before a verb that make it a wish, not a report ("optimistis meraih APE")."""

ACTIVITY_HEADS: dict[str, tuple[str, ...]] = {
    "evaluasi": (
        "evaluasi", "verifikasi", "verifikasi lapangan", "penilaian", "monitoring",
        "monev", "pemantauan", "desk evaluasi", "pendampingan evaluasi", "paparan",
        "presentasi", "wawancara", "supervisi",
    ),
    "penghargaan": (
        "penyerahan penghargaan", "penyerahan trofi", "penyerahan anugerah",
        "penganugerahan", "malam anugerah", "malam penganugerahan", "anugerah parahita",
        "anugerah parahita ekapraya", "penghargaan", "trofi", "APE",
    ),
    "rapat_koordinasi": (
        "rapat koordinasi", "rakor", "rapat", "pertemuan", "audiensi", "koordinasi",
        "rapat kerja", "raker", "konsolidasi",
    ),
    "bimtek_pelatihan": (
        "bimbingan teknis", "bimtek", "pelatihan", "workshop", "capacity building",
        "peningkatan kapasitas", "TOT", "training", "diklat", "coaching clinic", "kelas",
        "orientasi",
    ),
    "sosialisasi": (
        "sosialisasi", "advokasi", "seminar", "talkshow", "talk show", "kampanye", "FGD",
        "focus group discussion", "diskusi", "diskusi publik", "dialog", "webinar",
        "sarasehan", "temu", "edukasi",
    ),
    "penyusunan_dokumen": (
        "penyusunan", "finalisasi", "validasi data", "pengumpulan data", "pemutakhiran data",
    ),
    "kebijakan": (
        "pengukuhan", "pembentukan", "penandatanganan", "rapat paripurna", "paripurna",
        "penetapan", "pengesahan", "rapat dengar pendapat", "public hearing", "perbup",
        "perwali", "pergub", "perda", "peraturan bupati", "peraturan wali kota",
        "peraturan gubernur", "peraturan daerah", "SK", "surat keputusan",
        "nota kesepahaman", "MoU", "perjanjian kerja sama", "naskah kesepahaman",
    ),
    "lainnya": ("peluncuran", "launching", "soft launching", "pencanangan", "lomba",
                "studi tiru", "studi banding", "klinik", "klinik konsultasi"),
}
"""Activity heads by the event type they decide. A head that a longer one of another type
contains ("rapat" in "rapat paripurna") loses to the longer one. "lokakarya" is left out: in
releases it is as often a drafting session as a training, so the classifier decides."""

REGULATION_HEADS: frozenset[str] = frozenset(h.lower() for h in (
    "perbup", "perwali", "pergub", "perda", "peraturan bupati", "peraturan wali kota",
    "peraturan gubernur", "peraturan daerah", "SK", "surat keputusan", "nota kesepahaman",
    "MoU", "perjanjian kerja sama", "naskah kesepahaman",
))
"""Kebijakan heads that are documents: an activity only after a verb ("Tetapkan Perbup"),
a mere reference after "dalam" ("diatur dalam Perbup")."""

DOCUMENT_WORDS: tuple[str, ...] = ACTIVITY_HEADS["penyusunan_dokumen"] + ("penyusunan data",)
"""A meeting whose object is drafting a document ("rapat penyusunan Profil Gender") produces
it: `penyusunan_dokumen`; a training on it ("Bimtek Penyusunan GAP") teaches how to and
stays `bimtek_pelatihan`."""
DOCUMENT_MEETING_TYPES: tuple[str, ...] = ("rapat_koordinasi",)
"""Types whose head gives way to a document object."""
DOCUMENT_MEETING_HEADS: frozenset[str] = frozenset({"workshop"})
"""Other heads that give way to a document object: a workshop that drafts the data
terpilah writes it ("Workshop Penyusunan Data Terpilah"); a bimtek on it teaches."""

HEAD_TYPES: dict[str, str] = {
    head.lower(): event_type for event_type, heads in ACTIVITY_HEADS.items() for head in heads
}

STOP_WORDS: tuple[str, ...] = (
    "di", "pada", "yang", "bertempat", "bagi", "untuk", "dengan", "kepada", "oleh", "guna",
    "sebagai", "selama", "hari", "tanggal", "bersama", "terkait", "agar", "supaya", "dari",
    "se", "serta", "tahun", "di hadapan", "sekaligus", "melalui", "kemarin", "hingga",
    "mengatakan", "menyampaikan", "menjelaskan", "kata", "ujar", "ucap", "tutur",
    "bahas", "membahas", "tetapkan", "dorong", "minta", "sepakati", "hasilkan", "targetkan",
    "soroti", "ingatkan", "tekankan", "sehari", "satu", "dua", "tiga", "empat", "lima",
)
"""Words that end an activity's name: where, for whom, when, by whom."""

TRAILING_CONNECTORS: frozenset[str] = frozenset({"dan", "serta", "atau", "tentang"})
"""Words an activity's name does not end on ("Rapat Koordinasi dan")."""

MAX_WORDS = 12
"""An activity's name has at most this many words."""

_HEAD_RE = words(h for heads in ACTIVITY_HEADS.values() for h in heads)
_EVENT_HEAD_RE = words(h for heads in ACTIVITY_HEADS.values() for h in heads
                       if h.lower() not in REGULATION_HEADS)
_FILLER_RE = words(FILLERS)

ACTIVITY_AFTER_VERB = re.compile(
    r"\b(?P<verb>" + words(ACTIVITY_VERBS) + r")\s+(?:(?:" + _FILLER_RE + r")\s+)?"
    r"(?P<head>" + _HEAD_RE + r")\b",
    re.I,
)
"""A verb, optional filler words, then an activity head."""

ACTIVITY_AFTER_OCCASION = re.compile(
    r"\b(?:" + words(OCCASION_WORDS) + r")\s+(?:(?:" + _FILLER_RE + r")\s+)?"
    r"(?P<head>" + _EVENT_HEAD_RE + r")\b",
    re.I,
)
"""A preposition of occasion ("dalam", "saat"), then an activity head."""

ACTIVITY_AT_START = re.compile(r"^\s*(?:(?:" + _FILLER_RE + r")\s+)?(?P<head>"
                               + _EVENT_HEAD_RE + r")\b", re.I)

TRAINING_CONTEXT = re.compile(
    r"\b(?:" + words(("latih", "dilatih", "melatih", "digembleng", "dibekali", "membekali",
                       "belajar", "kemampuan", "keterampilan", "cara")) + r")\b", re.I)
"""Words before a drafting verb that make it a lesson ("Dilatih Susun GAP"): training."""

DRAFTING = re.compile(r"\b(?P<verb>" + words(DRAFTING_VERBS) + r")\s+(?P<head>[\w(])", re.I)
"""A drafting verb and the first letter of its object."""
"""A headline that starts with the activity ("Rakor PUG Tingkat Provinsi ...")."""

ACTIVITY_WORD = re.compile(r"[\w&'’/().-]+")
STOP = re.compile(r"^(?:" + alt([re.escape(w) for w in STOP_WORDS] + [words(MONTHS),
                                                                      words(WEEKDAYS)])
                  + r")$", re.I)
"""A word that ends an activity's name: a stop word, a number word, a month or a weekday."""
MODALITY = re.compile(r"\b(?:" + words(MODALITY_WORDS) + r")\b", re.I)
VERB_HEAD = re.compile(r"\b(?P<head>" + words(VERB_HEADS) + r")\s+(?P<next>[\w(])", re.I)
"""A verb that is the activity itself, and the first letter of its object."""

BACK_REFERENCE = re.compile(r"\s+(?:itu|ini|tersebut)\b", re.I)
"""A head followed by "itu", "ini", "tersebut" points back to an activity named before."""
DOCUMENT_OBJECT = re.compile(r"\s(?:" + words(DOCUMENT_WORDS) + r")\b", re.I)
