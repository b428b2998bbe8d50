"""Positions (jabatan): heads that open a position phrase and words that continue it."""

from __future__ import annotations

import re

POSITION_HEADS: tuple[str, ...] = (
    # regional leaders
    "Gubernur", "Wakil Gubernur", "Wagub", "Bupati", "Wakil Bupati", "Wabup", "Wali Kota",
    "Walikota", "Wakil Wali Kota", "Wakil Walikota", "Wawali", "Penjabat Gubernur",
    "Penjabat Bupati", "Penjabat Wali Kota", "Pj Gubernur", "Pj Bupati", "Pj Wali Kota",
    "Pj. Gubernur", "Pj. Bupati", "Pj. Wali Kota", "Pj Walikota", "Pj. Walikota",
    # secretariat
    "Sekretaris Daerah", "Sekda", "Pj Sekda", "Pj. Sekda", "Plh Sekda", "Plh. Sekda",
    "Sekdaprov", "Sekdakab", "Sekdako", "Sekretaris Dinas", "Sekretaris Badan", "Sekretaris",
    "Sekdis", "Asisten", "Staf Ahli", "Staff Ahli", "Kepala Biro", "Karo", "Kepala Bagian",
    "Kabag", "Kepala Sub Bagian", "Kepala Subbagian", "Kasubag", "Kasubbag",
    # agencies
    "Kepala Dinas", "Kadis", "Kadin", "Kepala Badan", "Kaban", "Kepala Bidang", "Kabid",
    "Kepala Sub Bidang", "Kasubbid", "Kepala Seksi", "Kasi", "Kasie", "Kepala Kantor",
    "Kepala UPTD", "Kepala UPT", "Kepala Pusat", "Kapus", "Kepala", "Inspektur",
    "Inspektur Pembantu", "Irban", "Direktur", "Direktur Utama", "Deputi", "Asisten Deputi",
    "Asdep", "Menteri", "Wakil Menteri", "Sekretaris Kementerian", "Sesmen", "Kepala Perwakilan",
    "Plt Kepala", "Plt. Kepala", "Plh Kepala", "Plh. Kepala", "Analis", "Analis Kebijakan",
    "Perencana", "Penyuluh", "Pengelola", "Widyaiswara", "Koordinator", "Tenaga Ahli",
    "Fungsional", "Pejabat Fungsional",
    # sub-district and village
    "Camat", "Sekcam", "Lurah", "Kepala Desa", "Kades", "Kepala Kampung", "Kepala Distrik",
    "Wali Nagari", "Keuchik", "Geuchik", "Perbekel", "Kepala Lingkungan",
    # councils, organisations, forums
    "Ketua", "Wakil Ketua", "Sekretaris Jenderal", "Bendahara", "Anggota", "Ketua Umum",
    "Ketua Harian", "Pembina", "Penasehat", "Penasihat", "Bunda", "Ketua TP PKK",
    "Ketua TP-PKK", "Ketua Tim Penggerak PKK", "Wakil Ketua TP PKK", "Ketua DPRD",
    "Wakil Ketua DPRD", "Anggota DPRD", "Ketua GOW", "Ketua Pokja", "Ketua Tim",
    "Ketua Dharma Wanita", "Ketua DWP",
    # academia and resource persons
    "Rektor", "Wakil Rektor", "Dekan", "Dosen", "Peneliti", "Guru Besar", "Akademisi",
    "Narasumber", "Nara Sumber", "Fasilitator", "Moderator", "Pemateri", "Konsultan",
    "Praktisi", "Pakar", "Aktivis", "Psikolog", "Pendamping",
    # security and justice
    "Kapolres", "Kapolda", "Kapolsek", "Dandim", "Danrem", "Kajari", "Kajati", "Kasat",
    "Kanit", "Kasat Reskrim", "Kanit PPA",
    # generic
    "Pejabat", "Perwakilan", "Utusan", "Staf", "Staff", "Juru Bicara", "Jubir",
    "Ketua Pansus", "Statistisi", "Evaluator", "Tim Evaluator", "Ketua Tim Evaluasi",
    "Sekretaris Camat", "Kepala Puskesmas", "Kepala Sekolah", "Bidan", "Kapten", "Pengurus",
)
"""Words that open a position phrase ("Kepala ...", "Sekda ..."). Matched case-sensitively on the
first letter as written, plus the lowercase forms in :data:`LOWERCASE_HEADS`."""

LOWERCASE_HEADS: tuple[str, ...] = (
    "pejabat", "narasumber", "nara sumber", "fasilitator", "moderator", "pemateri",
    "perwakilan", "utusan", "staf", "staf ahli", "kepala", "ketua", "sekretaris", "anggota",
    "asisten", "dosen", "peneliti", "akademisi", "konsultan", "praktisi", "pakar", "psikolog",
    "juru bicara", "evaluator", "tim evaluator", "statistisi", "pengurus", "kader", "lurah",
    "camat", "kepala desa", "kades", "kepala kampung",
)
"""Heads that also open a position when written in lowercase ("pejabat Bappeda Kaltim X")."""

DEPUTY_HEADS: frozenset[str] = frozenset({"wakil", "wabup", "wawali", "wagub", "wawako"})
"""First words (folded) of a deputy's position: a deputy and the head are two people."""

SPOUSE_BODY_WORDS: frozenset[str] = frozenset({"pkk", "gow", "dwp", "dharma", "bhayangkari",
                                               "persit"})
"""Words of the bodies officials' wives chair (TP PKK, GOW, Dharma Wanita Persatuan ...): a
position there and a government position are two people, even when the names share words
("Bupati Inhil Wardan", "Ketua TP PKK Zulaikhah Wardan")."""

POSITION_MODIFIERS: frozenset[str] = frozenset({
    "plt", "plh", "pj", "pjs", "penjabat", "pelaksana", "tugas", "harian", "mantan",
})
"""Words before a head that belong to the position (folded: lowercase, no dots)."""

POSITION_WORDS: frozenset[str] = frozenset({
    "daerah", "dinas", "badan", "bidang", "sub", "subbidang", "subbagian", "bagian", "seksi",
    "biro", "urusan", "tim", "penggerak", "pusat", "provinsi", "kabupaten", "kota", "kecamatan",
    "desa", "kelurahan", "umum", "ahli", "muda", "madya", "utama", "pertama", "penyelia",
    "pemerintahan", "kesra", "perekonomian", "pembangunan", "administrasi", "i", "ii", "iii",
    "iv", "v", "kantor", "uptd", "upt", "unit", "pelaksana", "teknis", "layanan", "program",
    "kegiatan", "kelompok", "kerja", "pokja", "gugus", "tugas", "forum", "organisasi",
    "kementerian", "kementrian", "deputi", "direktorat", "jenderal", "sekretariat", "ri",
    "republik", "indonesia", "nasional", "wilayah", "perwakilan", "cabang", "ranting",
    "fungsional", "analis", "kebijakan", "perencana", "koordinator", "lapangan", "internal",
    "eksternal", "harian", "umum", "jabatan", "tinggi", "pratama", "sekretaris", "ketua", "wakil",
    "anggota", "komisi", "fraksi", "dewan", "majelis", "dprd", "pkk", "tp", "gow", "dwp",
    "dharma", "wanita", "persatuan", "focal", "point", "driver", "drivers", "gender",
    "kesetaraan", "hak", "pemenuhan", "kualitas", "hidup", "perlindungan", "pemberdayaan",
    "perempuan", "anak", "khusus", "dalam", "rumah", "tangga", "tenaga", "kerja", "ekonomi",
    "politik", "sosial", "hukum", "hamkam", "pengarusutamaan", "pug", "data", "informasi",
    "perencanaan", "evaluasi", "monitoring", "pelaporan", "penganggaran", "keuangan",
    "kependudukan", "keluarga", "berencana", "pengendalian", "penduduk", "masyarakat",
    "partisipasi", "kelembagaan", "pencegahan", "penanganan", "kekerasan", "tindak", "pidana",
    "perdagangan", "orang", "perlindungan", "khusus", "pemerintah", "setda", "setdaprov",
    "setdakab", "setdako", "pusat", "studi", "universitas", "fakultas", "prodi", "lembaga",
    "bina", "fasilitasi", "pembinaan", "pengawasan", "kepegawaian", "organisasi", "tata",
    "laksana", "protokol", "komunikasi", "pimpinan", "kesejahteraan", "rakyat", "sumber", "daya",
    "manusia", "aparatur", "aset", "pendapatan", "perbendaharaan", "akuntansi", "anggaran",
    "kemasyarakatan", "keistimewaan", "kesehatan", "pendidikan", "kebudayaan", "agama",
    "statistik", "sdm", "adat", "musyawarah", "pansus", "ranperda", "fraksi", "riset", "inovasi",
    "penelitian", "pengembangan", "litbang", "panitia", "penyelenggara", "komunikasi", "informatika", "persandian", "sosial",
    "pemkab", "pemkot", "pemko", "pemprov", "pemda", "setkab", "setkot", "setprov", "mentor", "nindya",
    "pelayanan", "terpadu", "bina", "kelurahan", "distrik", "kampung", "nagari", "gampong",
})
"""Lowercase words that continue a position or agency phrase and are never a person's name."""

JOINERS: frozenset[str] = frozenset({"dan", "&", "serta"})
"""Lowercase joiners allowed inside a position when the next word continues it."""

PLACE_HEADS: frozenset[str] = frozenset({"camat", "lurah", "kades", "keuchik", "geuchik",
                                        "perbekel", "pambakal", "penghulu"})
"""Positions named after their kecamatan, kelurahan or village ("Camat Kandis")."""

APPOSITION_GAPS: tuple[tuple[str, ...], ...] = (
    ("dari",), (",",), (",", "selaku"), ("selaku",), ("sebagai",), (",", "sebagai"),
    ("yang", "juga"), (",", "yang", "juga"),
)
"""Lowercased tokens between a name and its position or agency ("<name> selaku <position>",
"<name> dari <agency>")."""

APPOSITION_GLUE: frozenset[str] = frozenset({"selaku", "sebagai", "yakni", "yaitu", "adalah"})
"""Words that may stand between an annotated name and its position (annotation glue)."""

APPOSITIVES: frozenset[str] = frozenset({"yaitu", "yakni"})
"""Words that introduce a name after the phrase naming its role ("dua narasumber, yaitu ...")."""

POSITION_BOUNDARY: frozenset[str] = frozenset({
    "oleh", "dipimpin", "dipandu", "yaitu", "yakni", "menghadirkan", "disampaikan",
    "dibawakan", "dan", "serta", "kata", "ujar", "menurut", "bersama", "adalah", "ialah",
    "kepada", "bahwa", "mewawancarai", "didampingi", "hadir", "juga", "sedangkan", "dibuka",
    "ditutup", "diikuti", "dihadiri", "memimpin", "membuka", "mengundang",
})
"""Lowercase words before which a position read backwards from a name stops."""

POSITION_FILLER: frozenset[str] = frozenset({
    "dari", "yang", "salah", "satu", "seorang", "sebagai", "para", "sementara", "itu", "selain",
    "selaku", "dua", "tiga", "empat", "lima", "beberapa", "sejumlah",
})
"""Lowercase words dropped from the front of a position read backwards from a name."""

VERB_PREFIXES: tuple[str, ...] = ("me", "ber", "di", "ter")
"""Indonesian verb prefixes: a long lowercase word with one ends a clause, not a position."""

DEPUTY_AFTER = re.compile(
    r"[ \t]*,?[ \t]+(?:dan|beserta|bersama)[ \t]+(?P<pos>[Ww]akilnya)[ \t]+"
    r"(?P<name>(?:[A-Z]\.|[A-Z][\w'’-]*)(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]*)){0,3})")
"""An official's deputy named right after them: "Bupati Kotim Halikinnor dan Wakilnya
Irawati Buhari" (the deputy's position is "Wakil " + the official's)."""

