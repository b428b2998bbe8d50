"""Event merging: candidates, pair scores, clusters with conflicting pairs refused."""

from __future__ import annotations

from pugnlp.dataset import merge
from pugnlp.dataset.merge_scores import pairwise


def rec(doc_id, *, kab="63.72", prov="63", date="2023-10-11", published="2023-10-11",
        etype="rapat_koordinasi", agencies=("DP3A",), people=(), venues=(), text=None):
    return {
        "doc_id": doc_id, "kab_kota_code": kab, "province_code": prov, "event_date": date,
        "event_date_end": None, "published": published, "event_type": etype,
        "agencies": [{"name": a, "acronym": a} for a in agencies],
        "officials": [{"name": p} for p in people], "venues": [{"name": v} for v in venues],
        "kab_kota": "Kota Banjarbaru" if kab == "63.72" else None, "province": None,
        "title": None, "text_sha1": doc_id,
        "text": text or f"teks berita {doc_id} tentang kegiatan",
    }


def feats(*records):
    return [merge.features(r) for r in records]


def test_same_activity_told_twice_is_linked():
    a, b = feats(rec("a"), rec("b"))
    score = merge.pair_score(a, b)
    assert score >= merge.THRESHOLD and merge.linkable(a, b, score)


def test_other_agency_same_day_is_not_linked():
    a, b = feats(rec("a"), rec("b", agencies=("DINKES",)))
    assert not merge.linkable(a, b, merge.pair_score(a, b))


def test_different_codes_or_disjoint_dates_conflict():
    a, b, c = feats(rec("a"), rec("b", kab="63.71"), rec("c", date="2023-10-12"))
    assert merge.conflict(a, b) and merge.conflict(a, c)
    assert not merge.linkable(a, c, 99.0)


def test_undated_record_uses_the_week_before_publication():
    a, b, c = feats(rec("a"), rec("b", date=None, published="2023-10-13"),
                    rec("c", date=None, published="2023-10-30"))
    assert not merge.conflict(a, b)
    assert merge.conflict(a, c)


def test_unresolved_place_links_only_near_duplicates():
    text = "Rapat koordinasi Pokja PUG Kota Banjarbaru digelar di Aula Gawi Sabarataan hari ini."
    a = merge.features(rec("a", text=text))
    b = merge.features(rec("b", kab=None, prov=None, text=text + " Sumber: MC"))
    c = merge.features(rec("c", kab=None, prov=None))
    assert merge.linkable(a, b, merge.pair_score(a, b))
    assert not merge.linkable(a, c, merge.pair_score(a, c))


def test_candidates_stay_inside_a_kab_kota_and_date_window():
    records = [rec("a"), rec("b"), rec("c", kab="63.71"), rec("d", date="2023-12-01"),
               rec("e", kab=None)]
    pairs = merge.candidate_pairs(feats(*records))
    # e is province-level: a candidate for every kab/kota of its province
    assert {(0, 1), (0, 4), (1, 4), (2, 4)} <= pairs
    assert not {(0, 2), (0, 3), (1, 2), (1, 3), (2, 3)} & pairs


def test_cluster_refuses_to_chain_through_a_province_level_record():
    # b (province only) matches both a and c, but a and c are different kab/kota.
    records = [rec("a", people=("Sri Lailana",)), rec("b", kab=None, people=("Sri Lailana",)),
               rec("c", kab="63.71", people=("Sri Lailana",))]
    groups = merge.cluster(feats(*records))
    assert [0, 2] not in groups and not any({0, 2} <= set(g) for g in groups)
    assert len(groups) == 2


def test_cluster_is_independent_of_pair_order():
    records = [rec(str(n), date="2023-10-11" if n % 2 else "2023-10-20") for n in range(6)]
    groups = merge.cluster(feats(*records))
    assert groups == [[0, 2, 4], [1, 3, 5]]


def test_pairwise_scores_count_pairs():
    scores = pairwise({"a": "1", "b": "1", "c": "1", "d": "2"},
                      {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert (scores.true_pos, scores.false_pos, scores.false_neg) == (1, 2, 1)
    assert scores.precision == 1 / 3 and scores.recall == 0.5


def test_titles_common_in_the_whole_corpus_give_no_candidates_in_a_part():
    # a part of a corpus (one province, merged alone) sees 2 records of a title that the whole
    # corpus repeats more than MAX_TITLE_GROUP times: no title candidates, as for the corpus.
    title = "Rapat Koordinasi Pokja PUG Kota Banjarbaru 2023"
    a = dict(rec("a", date="2023-10-11"), title=title)
    b = dict(rec("b", kab="63.71", date="2023-03-01"), title=title)
    key = merge.features(a).title
    assert merge.candidate_pairs(feats(a, b)) == {(0, 1)}
    assert merge.candidate_pairs(feats(a, b), common=frozenset({key})) == set()
    c, d = (dict(rec(n, kab="63.71", date=day), text_sha1="same")
            for n, day in (("c", "2023-10-11"), ("d", "2023-03-01")))
    assert merge.candidate_pairs(feats(c, d)) == {(0, 1)}  # the same text hash
    assert merge.candidate_pairs(feats(c, d), common=frozenset({"same"})) == set()
    crowd = [dict(rec(f"r{n}", kab="63.71", date="2023-03-01"), title=title)
             for n in range(merge.MAX_TITLE_GROUP)]
    assert not any(0 in p for p in merge.candidate_pairs(feats(a, *crowd)))
    assert merge.cluster(feats(a, b), common=frozenset({key})) == [[0], [1]]
