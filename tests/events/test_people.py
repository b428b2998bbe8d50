"""pugnlp.events.people: officials (name + position) from the shape of the phrase."""

from __future__ import annotations

import pytest

from pugnlp.events.people import PeopleFinder, PersonMention


@pytest.fixture(scope="module")
def people(nlp, people_finder):  # noqa: ANN001, ANN201
    def find(text: str) -> list[tuple[str, str | None]]:
        mentions = people_finder.find(nlp(text))
        for m in mentions:  # offsets are the surface forms
            assert text[m.name_start:m.name_end] == m.name
            if m.position is not None:
                assert text[m.position_start:m.position_end].strip(" ,") == m.position
        return [(m.name, m.position) for m in mentions]
    return find


@pytest.mark.parametrize("text, name, position", [
    # <position> <name>
    ("Rapat dibuka oleh Kepala DP2KBPMP2A Kota Banjarbaru Sri Wulandari di Aula.",
     "Sri Wulandari", "Kepala DP2KBPMP2A Kota Banjarbaru"),
    ("Sekda Gumas Yansen Tarigan membuka kegiatan.", "Yansen Tarigan", "Sekda Gumas"),
    # <position>, <name>
    ("Kepala DP3APMP2KB Kota Banjarbaru, Erma Yulianti Hartati, mengatakan data itu penting.",
     "Erma Yulianti Hartati", "Kepala DP3APMP2KB Kota Banjarbaru"),
    # <name> <position>
    ("Rapat dibuka Bapak Zul Fahmi S.Kom M.M Kepala Bapperida Kota Tanjungbalai di aula.",
     "Zul Fahmi", "Kepala Bapperida Kota Tanjungbalai"),
    # <name>, <position>
    ("Hal itu disampaikan Erma Yulianti, Kepala Dinas Sosial Kota Palu, kemarin.",
     "Erma Yulianti", "Kepala Dinas Sosial Kota Palu"),
    ("Hal itu disampaikan Erma Yulianti selaku Kepala Bidang Kesetaraan Gender, kemarin.",
     "Erma Yulianti", "Kepala Bidang Kesetaraan Gender"),
    # <agency> <honorific> <name>
    ("Paparan disampaikan Inspektorat Provinsi Sumatera Utara Ibu Novi Lestari pada sesi kedua.",
     "Novi Lestari", "Inspektorat Provinsi Sumatera Utara"),
    # <honorific> <name> dari <agency>
    ("Paparan disampaikan Ibu Novi Lestari dari Inspektorat Provinsi Sumatera Utara pada sesi kedua.",
     "Novi Lestari", "Inspektorat Provinsi Sumatera Utara"),
])
def test_the_six_phrase_shapes(people, text: str, name: str, position: str) -> None:  # noqa: ANN001
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text, name, position", [
    ("Asisten II Bapak Susanto S.E membuka kegiatan.", "Susanto", "Asisten II"),
    ("Kepala Dinas Kesehatan Hj. Nurhayati Rahman, S.E., M.M menyampaikan materi.",
     "Nurhayati Rahman", "Kepala Dinas Kesehatan"),
    ("Kepala Bappeda Drs. Ahmad Yani, M.Si membuka rapat.", "Ahmad Yani", "Kepala Bappeda"),
    ("Kepala Bappeda Prof. Dr. Ir. Ahmad Yani membuka rapat.", "Ahmad Yani", "Kepala Bappeda"),
    ("Narasumber Dr. Siti Rohana, M.Si memaparkan konsep PUG.", "Siti Rohana", "Narasumber"),
    ("Kepala Bappeda H. Ahmad Yani membuka rapat.", "Ahmad Yani", "Kepala Bappeda"),
    ("Sekretaris Daerah Kabupaten Banjar H. Muhammad Riduan, S.Sos, M.AP membuka rapat.",
     "Muhammad Riduan", "Sekretaris Daerah Kabupaten Banjar"),
    # Haji without its dot; a title without dots after the name
    ("Sekretaris Daerah Kabupaten Barito Kuala H Zulkipli Yadi Noor membuka sosialisasi.",
     "Zulkipli Yadi Noor", "Sekretaris Daerah Kabupaten Barito Kuala"),
    ("Kepala Bappeda Eka Susanti SH membuka rapat.", "Eka Susanti", "Kepala Bappeda"),
])
def test_honorifics_and_titles_are_stripped(people, text: str, name: str, position: str) -> None:  # noqa: ANN001
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text, name, position", [
    ("Rapat dipimpin Kepala Bappeda Kabupaten Gianyar I Made Sudarsana bersama staf.",
     "I Made Sudarsana", "Kepala Bappeda Kabupaten Gianyar"),
    ("Kepala DP3A Kabupaten Badung, I Made Sudarsana, membuka rapat.",
     "I Made Sudarsana", "Kepala DP3A Kabupaten Badung"),
    ("Hadir pula Kepala DP3A Kota Denpasar Ni Luh Ariani.", "Ni Luh Ariani",
     "Kepala DP3A Kota Denpasar"),
    ("Hadir pula Kepala DP3A Kota Baubau La Ode Muhammad Saleh.", "La Ode Muhammad Saleh",
     "Kepala DP3A Kota Baubau"),
    ("Wakil Wali Kota Baubau Wa Ode Fitriani membuka rapat.", "Wa Ode Fitriani",
     "Wakil Wali Kota Baubau"),
    ("Bupati Bone Andi Asman Sulaiman membuka rapat.", "Andi Asman Sulaiman", "Bupati Bone"),
    # Bugis-Makassar "Daeng", abbreviated: the word after it is a name even if common ("tayang")
    ("Kepala Bappeda Takalar, Drs. Abdul Rauf Dg. Tayang, M.Si, membuka rapat.",
     "Abdul Rauf Dg. Tayang", "Kepala Bappeda Takalar"),
])
def test_name_particles_are_kept(people, text: str, name: str, position: str) -> None:  # noqa: ANN001
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text, name, position", [
    ("Kabid PUG Rosmawati br Simanjuntak memaparkan data.", "Rosmawati br Simanjuntak", "Kabid PUG"),
    ("Rosmawati br Simanjuntak selaku Kabid PUG memaparkan data.", "Rosmawati br Simanjuntak",
     "Kabid PUG"),
    ("Kepala DP3A Kota Medan, Lestari Br Ginting, memaparkan data.", "Lestari Br Ginting",
     "Kepala DP3A Kota Medan"),
])
def test_lowercase_name_particles_are_kept(people, text: str, name: str, position: str) -> None:  # noqa: ANN001
    """'br' (boru) is inside Batak names (NAME_PARTICLES_LOWER): not the end of a position."""
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text, name, position", [
    ("Menurut Kepala DP3APMP2KB Kota Banjarbaru, Erma Yulianti Hartati, data itu penting.",
     "Erma Yulianti Hartati", "Kepala DP3APMP2KB Kota Banjarbaru"),
    ("Menurut Kepala DP3A Kota Banjarbaru Erma Yulianti, data itu penting.", "Erma Yulianti",
     "Kepala DP3A Kota Banjarbaru"),
])
def test_a_capitalised_sentence_opener_before_the_position(people, text: str, name: str,  # noqa: ANN001
                                                           position: str) -> None:
    """'Menurut <position>, <name>' is the most common quote opener in releases."""
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text", [
    "Kepala Dinas Kesehatan Kota Palu hadir dalam rapat tersebut.",
    "Rapat dipimpin oleh Kepala Bidang Kesetaraan Gender.",
    "Asisten I Setdakab Kukar membuka rapat.",
    "Kepala DP3A Kota Samarinda membuka rapat koordinasi.",
    "Ibu Novi Lestari hadir dalam rapat.",              # a name without a position
    "Rapat Koordinasi Pokja PUG Digelar Di Aula Bappeda",
])
def test_no_official_without_both_name_and_position(people, text: str) -> None:  # noqa: ANN001
    assert people(text) == []


def test_two_officials_in_one_sentence(people) -> None:  # noqa: ANN001
    text = ("Rakor dibuka Sekda Gumas Yansen Tarigan dan dihadiri Kepala Bappeda Gumas "
            "Ahmad Yani.")
    assert people(text) == [("Yansen Tarigan", "Sekda Gumas"), ("Ahmad Yani", "Kepala Bappeda Gumas")]


def test_explicit_sentence_bounds(nlp, people_finder: PeopleFinder) -> None:  # noqa: ANN001
    doc = nlp("Sekda Gumas Yansen Tarigan membuka kegiatan. Kepala Bappeda Gumas Ahmad Yani hadir.")
    first = [(s.start, s.end) for s in doc.sents][:1]
    mentions = people_finder.find(doc, first)
    assert [m.name for m in mentions] == ["Yansen Tarigan"]
    assert isinstance(mentions[0], PersonMention)


@pytest.mark.parametrize("text", [
    "Rapat dibuka oleh Sekretaris Daerah Kota Bontang Hendra Wiratama, M.Si. Dalam arahannya, "
    "Hendra meminta data terpilah.",
    "Rapat dibuka oleh Sekretaris Daerah Kota Bontang Drs. Hendra Wiratama, M.Si. Hendra meminta "
    "data terpilah.",
    # a title whose last letter is a capital: "S.E." then a new sentence
    "Rapat dibuka oleh Sekretaris Daerah Kota Bontang, H. Hendra Wiratama, S.E. Dalam arahannya, "
    "ia meminta data terpilah.",
])
def test_a_title_that_ends_the_sentence(people, text: str) -> None:  # noqa: ANN001
    """'..., M.Si.' closes the sentence: the next sentence's first words are not part of it."""
    assert people(text)[:1] == [("Hendra Wiratama", "Sekretaris Daerah Kota Bontang")]


def _pairs(people_finder, nlp, text):  # noqa: ANN001, ANN202
    return [(m.name, m.position) for m in people_finder.find(nlp(text))]


def test_title_written_with_a_space_after_its_dot(people_finder, nlp) -> None:  # noqa: ANN001
    text = "Kepala DP3A Kota Palu, H. Rusman Lamasi, SE, M. Si membuka acara itu."
    assert ("Rusman Lamasi", "Kepala DP3A Kota Palu") in _pairs(people_finder, nlp, text)


def test_honorific_before_the_position(people_finder, nlp) -> None:  # noqa: ANN001
    text = "Acara dibuka oleh Bapak Wakil Bupati Sigi Drs. H. Samuel Yansen Pongi di aula."
    assert ("Samuel Yansen Pongi", "Wakil Bupati Sigi") in _pairs(people_finder, nlp, text)


def test_one_unknown_word_in_apposition_is_not_a_person(people_finder, nlp) -> None:  # noqa: ANN001
    text = "Dalam pokja itu Bapedda sebagai Ketua Pokja dan Inspektorat sebagai pengawas."
    assert _pairs(people_finder, nlp, text) == []


@pytest.mark.parametrize(("text", "pair"), [
    ("Plt. Kepala Dinas DP3AKB Provinsi Papua Barat, Yohana M. Rumbiak, SE., M.Si, menutup acara.",
     ("Yohana M. Rumbiak", "Plt. Kepala Dinas DP3AKB Provinsi Papua Barat")),
    ("Acara dibuka Kepala Distrik Wosi Moh. Arif Kambu bersama warga.",
     ("Moh. Arif Kambu", "Kepala Distrik Wosi")),
    ("Lurah Talise Maria Lestari Tobondo membuka rapat kelurahan.",
     ("Maria Lestari Tobondo", "Lurah Talise")),
])
def test_initials_and_places_inside_positions(people_finder, nlp, text, pair) -> None:  # noqa: ANN001
    assert pair in _pairs(people_finder, nlp, text)


@pytest.mark.parametrize("text, name, position", [
    # the words before the comma name the kecamatan, kelurahan, regency or university
    ("Dalam diskusi, Camat Kandis, Budi Santoso, menyampaikan dukungan.",
     "Budi Santoso", "Camat Kandis"),
    ("Lurah Mencirim, Indra Syahputra, berjanji menyiapkan pos pengaduan.",
     "Indra Syahputra", "Lurah Mencirim"),
    ("Kepala DP3APPKB Pulang Pisau, Hj. Norhasanah Idris, S.Sos., mengatakan hal itu.",
     "Norhasanah Idris", "Kepala DP3APPKB Pulang Pisau"),
    ("Narasumber dari Universitas Jabal Ghafur, Mukhlis Amin, M.A, mengajak peserta berdiskusi.",
     "Mukhlis Amin", "Narasumber dari Universitas Jabal Ghafur"),
    ("Materi dibawakan akademisi Universitas Tadulako, Dr. Hasnah Wulandari, M.Si, kemarin.",
     "Hasnah Wulandari", "akademisi Universitas Tadulako"),
])
def test_position_ending_in_a_proper_name_then_the_person(people, text: str, name: str,  # noqa: ANN001
                                                          position: str) -> None:
    assert people(text) == [(name, position)]


def test_a_list_of_names_after_the_comma_is_not_an_apposition(people) -> None:  # noqa: ANN001
    found = people("Hadir Camat Palu Barat Andi Rahman, Siti Aminah dan Rudi Hartono.")
    assert ("Siti Aminah", "Camat Palu Barat") not in found


@pytest.mark.parametrize("text, name, position", [
    # common words that are also given names, inside a span an honorific or a title marks
    ("Kepala DP3A Banyuasin, Hj. Nurmala Sari, S.Sos, M.Si, mengatakan pelatihan ini penting.",
     "Nurmala Sari", "Kepala DP3A Banyuasin"),
    ("Rapat dipimpin Sekda Bintan, Drs. Raja Zulfikar, M.M, dan membahas evaluasi.",
     "Raja Zulfikar", "Sekda Bintan"),
    ("Kepala Bappeda Muba, Ir. Alamsyah Jaya, M.T, menambahkan penjelasan.",
     "Alamsyah Jaya", "Kepala Bappeda Muba"),
])
def test_a_marked_name_may_contain_common_words(people, text: str, name: str,  # noqa: ANN001
                                                position: str) -> None:
    assert people(text) == [(name, position)]


def test_an_unmarked_span_of_common_words_is_not_a_name(people) -> None:  # noqa: ANN001
    assert people("Kepala DP3A Banyuasin, Sari Jaya, mengatakan hal itu.") == []


def test_a_title_before_a_position_does_not_end_the_sentence(people) -> None:  # noqa: ANN001
    text = "Rapat dibuka Bapak Zul Fahmi, S.Kom., M.M. Kepala Bapperida Kota Tanjungbalai di aula."
    assert people(text) == [("Zul Fahmi", "Kepala Bapperida Kota Tanjungbalai")]


@pytest.mark.parametrize("text", [
    "Dalam sesi diskusi, Camat Kandis mengusulkan agar kecamatan diberi akses.",
    "Camat Batu Aji menambahkan bahwa banyak anak putus sekolah.",
    "Dalam sesi diskusi, Camat Bandung Kulon mengusulkan agar data terpilah dibagikan.",
])
def test_a_camat_named_only_by_the_place_is_not_a_person(people, text: str) -> None:  # noqa: ANN001
    assert people(text) == []


@pytest.mark.parametrize("text, name, position", [
    ("Rakor dipimpin Camat Palu Barat Andi Rahman di aula.", "Andi Rahman", "Camat Palu Barat"),
    ("Lurah Talise Sri Wahyuni membuka acara.", "Sri Wahyuni", "Lurah Talise"),
    ("Camat Jerowaru, Lalu Muhammad Saleh, menambahkan penjelasan.",
     "Lalu Muhammad Saleh", "Camat Jerowaru"),
    ("Kepala DP3AKB Lotim, Hj. Baiq Rosmaini, menyatakan pihaknya siap.",
     "Baiq Rosmaini", "Kepala DP3AKB Lotim"),
    # "Lalu" that opens a sentence ("then") is not a Sasak name
    ("Lalu Kepala Dinas Sosial Budi Santoso mengatakan hal itu.",
     "Budi Santoso", "Kepala Dinas Sosial"),
])
def test_place_after_camat_and_sasak_names(people, text: str, name: str,  # noqa: ANN001
                                           position: str) -> None:
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text, name, position", [
    ("Kepala Bappeda Kota Batu, Ir. Agus Wicaksono Hadi, M.T., menambahkan data.",
     "Agus Wicaksono Hadi", "Kepala Bappeda Kota Batu"),
    ("Kegiatan dibuka Wakil Bupati Sleman, Drs. Agus Santoso, M.M. Ia berpesan singkat.",
     "Agus Santoso", "Wakil Bupati Sleman"),
])
def test_a_month_abbreviation_that_is_a_given_name(people, text: str, name: str,  # noqa: ANN001
                                                   position: str) -> None:
    """"Agus" abbreviates Agustus in some dates but is far more often a given name."""
    assert people(text) == [(name, position)]


def test_a_month_after_a_day_is_still_no_name(people) -> None:  # noqa: ANN001
    assert people("Kepala DP3A Kota Batu Rina Wulandari membuka rapat, 12 Juni 2024.") == [
        ("Rina Wulandari", "Kepala DP3A Kota Batu")]


def test_a_position_keeps_its_closing_bracket(people) -> None:  # noqa: ANN001
    text = ("Penghargaan diserahkan Menteri Pemberdayaan Perempuan dan Perlindungan Anak (PPPA), "
            "Rina Kusuma, kepada bupati.")
    assert people(text) == [("Rina Kusuma",
                              "Menteri Pemberdayaan Perempuan dan Perlindungan Anak (PPPA)")]


@pytest.mark.parametrize("text", [
    "Dosen Universitas Mulawarman yang bertindak sebagai fasilitator membimbing peserta.",
    "Narasumber berasal dari Pusat Studi Gender Universitas Islam Balitar yang baru dibentuk.",
    "Ketua Majelis Taklim di Kecamatan Labuan meminta layanan konseling.",
    "Narasumber dari Klasis Gereja Injili di Indonesia memaparkan pengalaman gereja.",
])
def test_the_name_of_a_body_after_its_type_is_no_person(people, text: str) -> None:  # noqa: ANN001
    assert people(text) == []


def test_a_person_after_a_named_body_and_a_comma_is_kept(people) -> None:  # noqa: ANN001
    text = "Dosen Universitas Mulawarman, Dr. Hj. Norhayati Rachim, membimbing peserta."
    assert people(text) == [("Norhayati Rachim", "Dosen Universitas Mulawarman")]


@pytest.mark.parametrize("text", [
    "Narasumber lain adalah Kepala Bapedda Merauke.",
    "Materi disampaikan pula oleh (Koordinator Puspaga Jateng) yang menjelaskan layanan.",
])
def test_unknown_words_ending_in_a_region_are_a_body(people, text: str) -> None:  # noqa: ANN001
    assert people(text) == []


def test_a_known_name_ending_in_a_region_word_is_kept(people) -> None:  # noqa: ANN001
    assert people("Kepala Dinas Kesehatan Andi Bone membuka rapat.") == [
        ("Andi Bone", "Kepala Dinas Kesehatan")]



@pytest.mark.parametrize("text, name, position", [
    ("Rapat dibuka Pelaksana Tugas (Plt) Kepala DP3A Kota Palu Rina Wulandari di aula.",
     "Rina Wulandari", "Pelaksana Tugas (Plt) Kepala DP3A Kota Palu"),
    ("Penjabat (Pj) Bupati Bireuen, Aulia Rahman Syah, menandatangani perbup.",
     "Aulia Rahman Syah", "Penjabat (Pj) Bupati Bireuen"),
])
def test_a_modifier_abbreviated_in_brackets(people, text: str, name: str,  # noqa: ANN001
                                            position: str) -> None:
    assert people(text) == [(name, position)]


@pytest.mark.parametrize("text, name, position", [
    # one unknown word between the commas of an apposition after a position
    ("Sementara itu, Kepala Bappeda dan Litbang Kaltim, Waluyo, yang hadir menegaskan hal itu.",
     "Waluyo", "Kepala Bappeda dan Litbang Kaltim"),
    # the position's region goes on over ", <province>" before the name
    ("Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
     "Berencana (P3AP2KB) Kabupaten Banjar, Kalimantan Selatan Sri Hartati menyebutkan hal itu.",
     "Sri Hartati", "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian "
     "Penduduk dan Keluarga Berencana (P3AP2KB) Kabupaten Banjar, Kalimantan Selatan"),
    # a police rank with its dot is an honorific, not part of the name
    ("Kasat Reskrim Polres Sorong, Iptu. Yakob Mandowen mengatakan kasus itu ditangani.",
     "Yakob Mandowen", "Kasat Reskrim Polres Sorong"),
])
def test_real_apposition_shapes(people, text: str, name: str, position: str) -> None:  # noqa: ANN001
    assert (name, position) in people(text)


def test_one_common_word_between_commas_is_not_a_name(people) -> None:  # noqa: ANN001
    text = "Kepala Bappeda Kaltim, Selasa, membuka rapat itu."
    assert people(text) == []


def test_a_headline_name_counts_only_when_the_body_writes_it_again() -> None:
    from pugnlp.events.people import named_again_in_body

    text = ("Bupati Yusuf Harap Predikat APE Naik\n\nBupati Sinjai, Yusuf Mappasomba, "
            "menerima penghargaan Anugerah Parahita Ekapraya kategori Madya dari Kementerian "
            "PPPA di Jakarta, Rabu (13/10/2021), bersama bupati dan wali kota lain.")
    assert not named_again_in_body("Yusuf Harap Predikat", 7, text)
    assert named_again_in_body("Yusuf", 7, text)
    body_at = text.index("Yusuf Mappasomba")
    assert named_again_in_body("Yusuf Mappasomba", body_at, text)


@pytest.mark.parametrize("text, name, position", [
    ("Bupati Siak HM.Rafiq membuka Musda GOW di gedung daerah.", "Rafiq", "Bupati Siak"),
    ("Acara dihadiri Menko PMK Profesor Budi Santoso secara daring.", "Budi Santoso",
     "Menko PMK"),
])
def test_haji_muhammad_and_profesor_are_honorifics(people, text: str, name: str,  # noqa: ANN001
                                                    position: str) -> None:
    assert (name, position) in people(text)


def test_a_lowercase_position_right_after_the_name(people) -> None:  # noqa: ANN001
    text = "Pada kesempatan itu, Sutrisno lurah Wates menyampaikan bahwa kalurahan sudah siap."
    assert ("Sutrisno", "lurah Wates") in people(text)
    assert people("Para peserta dan camat Wates hadir.") == []


@pytest.mark.parametrize("text, name, position", [
    # initials that look like a dotted title start the name
    ("Hadir Kepala Bappelitbangda, J.T. Ose Luan, di ruang rapat.", "J.T. Ose Luan",
     "Kepala Bappelitbangda"),
    # a given name that is also a common word, between the position's region and the name
    ("Acara dibuka Bupati Bantaeng Ilham Azikin di aula.", "Ilham Azikin", "Bupati Bantaeng"),
])
def test_initials_and_common_word_given_names(people, text: str, name: str,  # noqa: ANN001
                                              position: str) -> None:
    assert (name, position) in people(text)


def test_a_deputy_name_stops_at_the_sentence_end(rules_nlp) -> None:  # noqa: ANN001
    from pugnlp.events.record import record_from_doc

    text = ("Sosialisasi PPRG Bantaeng\n\nSosialisasi PPRG dibuka Bupati Bantaeng Ilham Azikin "
            "dan Wakilnya Sahabuddin. Sebelumnya tim menggelar rapat di aula.")
    assert ("Sahabuddin", "Wakil Bupati Bantaeng") in [
        (o.name, o.position) for o in record_from_doc(rules_nlp(text)).officials]


@pytest.mark.parametrize("text, name, position", [
    ("Ketua panitia, Femy Tefa, dalam laporannya menyampaikan tujuan kegiatan.", "Femy Tefa",
     "Ketua panitia"),
    ("Sementara itu, Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Bangka, "
     "Nurita, mengatakan pihaknya fokus pada data.", "Nurita",
     "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Bangka"),
])
def test_lowercase_position_words_and_a_lone_name_after_the_body(people, text: str, name: str,  # noqa: ANN001
                                                                  position: str) -> None:
    assert (name, position) in people(text)


def test_a_town_after_a_venue_is_no_person(people) -> None:  # noqa: ANN001
    assert people("Rapat digelar di Ruang Rapat Bappeda Muaro Jambi, Sengeti, Selasa.") == []
