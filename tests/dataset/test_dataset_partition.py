"""The plan of the distributed dataset build: repeats dropped, partitions, packs, buckets."""

from __future__ import annotations

from pugnlp.dataset import merge, partition
from pugnlp.dataset.partition import keys_frame, plan


def keys(rows):
    """A keys frame from ``(piece, row, doc_id, relevant, province, title, sha1)`` rows."""
    return keys_frame({name: [r[n] for r in rows]
                       for n, name in enumerate(partition.KEY_COLUMNS)})


def labels_of(p):
    return [(sorted(pk.provinces), sorted(pk.unplaced)) for pk in p.packs]


def test_record_key_reads_what_the_merger_reads(fixture_records):
    for record in fixture_records:
        f = merge.features(record)
        assert partition.record_key(record) == (f.province, f.title, f.sha1 or None)
    assert any(partition.record_key(r)[0] is None for r in fixture_records)


def test_the_last_repeat_of_a_doc_id_wins_across_pieces():
    p = plan(keys([(0, 0, "a", True, "63", None, "h1"), (0, 1, "b", True, "63", None, "h2"),
                   (1, 0, "a", True, "64", None, "h3"), (1, 1, "a", False, None, None, None)]),
             n_tasks=1, pack_records=10, bucket_records=10)
    assert p.dropped == {0: frozenset({0}), 1: frozenset({0})}
    assert (p.records, p.duplicates) == (2, 2)
    # the kept "a" is the last one (not relevant): province 64 is not merged at all
    assert [sorted(pk.provinces) for pk in p.packs] == [["63"]]
    assert p.packs[0].others == {1}


def test_an_unplaced_record_joins_the_provinces_it_shares_a_title_or_text_with():
    rows = [(0, 0, "a", True, "63", "rakor pug kota banjarbaru", "h1"),
            (0, 1, "b", True, "64", "rakor pug kota banjarbaru", "h2"),
            (0, 2, "u", True, None, "rakor pug kota banjarbaru", "h9"),  # joins 63 and 64
            (0, 3, "c", True, "65", None, "h3"),
            (0, 4, "v", True, None, None, "h3"),  # same text as c: joins 65
            (0, 5, "w", True, None, "judul lain yang panjang", "h7"),  # alone
            (0, 6, "d", True, "66", None, "h4")]
    parts = partition.partitions(keys(rows), frozenset())
    groups = sorted(sorted(m) for m in parts.values())
    assert groups == [["63", "64", "u:u"], ["65", "u:v"], ["66"], ["u:w"]]
    p = plan(keys(rows), n_tasks=8, pack_records=1, bucket_records=10)
    packed = labels_of(p)
    assert (["63", "64"], ["u"]) in packed and (["65"], ["v"]) in packed
    assert sorted(pk.size for pk in p.packs) == [1, 1, 2, 3]


def test_common_titles_join_nothing():
    title = "rapat koordinasi pokja pug"
    rows = [(0, n, f"r{n}", True, f"{10 + n}", title, f"h{n}")
            for n in range(merge.MAX_TITLE_GROUP + 1)]
    rows.append((0, 99, "u", True, None, title, "hu"))
    common = partition.common_keys(keys(rows))
    assert common == frozenset({title})
    parts = partition.partitions(keys(rows), common)
    assert len(parts) == len(rows)  # every province alone, the unplaced record too


def test_packs_balance_partitions_and_keep_each_whole():
    sizes = {"31": 50, "32": 40, "33": 30, "34": 20, "35": 10}
    parts = {k: [k] for k in sizes}
    packs = partition.pack(sizes, parts, {0: 25, 1: 5}, n_packs=3)
    assert sorted(p for pk in packs for p in pk.provinces) == sorted(sizes)
    assert sorted(p for pk in packs for p in pk.others) == [0, 1]
    assert sorted(pk.size for pk in packs) == [60, 60, 60]


def test_buckets_cut_the_sorted_values_into_runs():
    values = [f"d{n:03d}" for n in range(10)]
    bounds = partition.splitters(values, 3)
    assert bounds == ["d003", "d006"]
    buckets = [partition.bucket_of(v, bounds) for v in values]
    assert buckets == sorted(buckets) == [0, 0, 0, 1, 1, 1, 2, 2, 2, 2]
    assert partition.splitters(values, 1) == [] and partition.splitters([], 4) == []
    p = plan(keys([(0, n, v, False, None, None, None) for n, v in enumerate(values)]),
             n_tasks=1, pack_records=10, bucket_records=4)
    assert p.doc_splitters == ["d003", "d006"]
