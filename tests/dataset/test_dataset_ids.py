"""Stable event ids: key-derived, re-used from the published dataset, never handed out twice."""

from __future__ import annotations

from pugnlp.dataset.ids import Member, PreviousIds, assign_ids, event_key, key_id


def members(*names):
    return [Member(n, f"sha-{n}") for n in names]


def test_new_ids_come_from_the_key_and_are_distinct():
    key = event_key("63.72", "2023-10-11", "rapat_koordinasi", ["DP3A"])
    ids = assign_ids([members("a"), members("b")], [key, key])
    assert ids[0] != ids[1] and key_id(key) in ids
    assert assign_ids([members("a"), members("b")], [key, key]) == ids


def test_published_ids_are_kept_when_the_key_changes():
    previous = PreviousIds(by_sha1={"sha-a": "ev-old1", "sha-b": "ev-old1", "sha-c": "ev-old2"},
                           known=frozenset({"ev-old1", "ev-old2"}))
    groups = [members("a", "b", "new"), members("c"), members("x")]
    ids = assign_ids(groups, ["k1", "k2", "k3"], previous)
    assert ids[:2] == ["ev-old1", "ev-old2"]
    assert ids[2] not in {"ev-old1", "ev-old2"}


def test_doc_id_is_used_when_the_text_hash_is_unknown():
    previous = PreviousIds(by_doc={"a": "ev-old1"}, known=frozenset({"ev-old1"}))
    assert assign_ids([[Member("a", "")]], ["k"], previous) == ["ev-old1"]


def test_two_groups_claiming_one_published_id():
    previous = PreviousIds(by_sha1={"sha-a": "ev-old", "sha-b": "ev-old", "sha-c": "ev-old"},
                           known=frozenset({"ev-old"}))
    ids = assign_ids([members("a"), members("b", "c")], ["k1", "k2"], previous)
    assert ids[1] == "ev-old" and ids[0] != "ev-old"


def test_a_retired_id_is_not_given_to_another_event():
    retired = key_id("k")
    ids = assign_ids([members("z")], ["k"], PreviousIds(known=frozenset({retired})))
    assert ids == [key_id("k", 1)]
