"""Candidate retrieval for story clustering: the centroid index (exact nearest neighbours
below EXACT_BELOW, replacement of a key's vector) and the name index (postings, IDF
weights, the posting cap, names found in text)."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.ann import (
    EXACT_BELOW,
    NAME_CANDIDATES,
    NAME_POSTING_CAP,
    NAME_QUERIES,
    CentroidIndex,
    NameIndex,
)

DIM = 16


def _units(count: int, seed: int, dim: int = DIM) -> npt.NDArray[np.float32]:
    rows = np.random.default_rng(seed).normal(size=(count, dim)).astype(np.float32)
    unit: npt.NDArray[np.float32] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return unit


def _brute_force(
    vectors: dict[int, npt.NDArray[np.float32]], query: npt.NDArray[np.float32], count: int
) -> list[int]:
    return sorted(vectors, key=lambda k: -float(vectors[k] @ query))[:count]


# --- CentroidIndex -------------------------------------------------------------------------


def test_an_empty_index_finds_nothing() -> None:
    index = CentroidIndex(DIM)
    assert len(index) == 0
    assert index.nearest(_units(1, 0)[0], 5) == []


def test_nearest_of_an_indexed_vector_is_its_own_key_with_similarity_one() -> None:
    index = CentroidIndex(DIM)
    rows = _units(20, 1)
    for key, row in enumerate(rows):
        index.put(key, row)
    key, similarity = index.nearest(rows[7], 1)[0]
    assert key == 7
    assert similarity == pytest.approx(1.0, abs=1e-5)


def test_nearest_returns_at_most_count_pairs_most_similar_first() -> None:
    index = CentroidIndex(DIM)
    rows = _units(10, 2)
    for key, row in enumerate(rows):
        index.put(key, row)
    found = index.nearest(_units(1, 3)[0], 4)
    assert len(found) == 4
    similarities = [s for _, s in found]
    assert similarities == sorted(similarities, reverse=True)
    assert len(index.nearest(_units(1, 3)[0], 50)) == 10


def test_a_zero_query_finds_nothing() -> None:
    index = CentroidIndex(DIM)
    index.put(1, _units(1, 4)[0])
    assert index.nearest(np.zeros(DIM, np.float32), 3) == []


def test_put_replaces_a_keys_vector() -> None:
    index = CentroidIndex(DIM)
    old, new, other = _units(3, 5)
    index.put(1, old)
    index.put(2, other)
    index.put(1, new)
    assert len(index) == 2
    assert index.nearest(new, 1)[0][0] == 1
    assert [k for k, _ in index.nearest(old, 2)].count(1) == 1
    similarity = dict(index.nearest(old, 2))[1]
    assert similarity == pytest.approx(float(old @ new), abs=1e-5)


def test_replacing_a_key_many_times_keeps_one_entry() -> None:
    index = CentroidIndex(DIM)
    rows = _units(40, 6)
    index.put(0, _units(1, 7)[0])
    for row in rows:
        index.put(9, row)
    assert len(index) == 2
    found = index.nearest(rows[-1], 10)
    assert [k for k, _ in found] == [9, 0]
    assert found[0][1] == pytest.approx(1.0, abs=1e-5)


def test_putting_a_zero_vector_removes_the_key() -> None:
    index = CentroidIndex(DIM)
    index.put(3, _units(1, 8)[0])
    index.put(3, np.zeros(DIM, np.float32))
    assert 3 not in index
    assert len(index) == 0


def test_discard_removes_a_key_and_ignores_an_absent_one() -> None:
    index = CentroidIndex(DIM)
    rows = _units(5, 9)
    for key, row in enumerate(rows):
        index.put(key, row)
    index.discard(2)
    index.discard(2)
    index.discard(99)
    assert 2 not in index
    assert 3 in index
    assert len(index) == 4
    assert 2 not in [k for k, _ in index.nearest(rows[2], 10)]


def test_search_below_exact_below_matches_brute_force_after_replacements() -> None:
    count = min(EXACT_BELOW, 600)
    rows = _units(count, 10)
    index = CentroidIndex(DIM)
    vectors: dict[int, npt.NDArray[np.float32]] = {}
    for key, row in enumerate(rows):
        index.put(key, row)
        vectors[key] = row
    for key, row in zip(range(0, count, 5), _units(count, 11), strict=False):
        index.put(key, row)  # every fifth story's centroid moved
        vectors[key] = row
    for key in range(1, count, 9):
        index.discard(key)
        del vectors[key]
    for query in _units(5, 12):
        assert [k for k, _ in index.nearest(query, 20)] == _brute_force(vectors, query, 20)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(1, 60),
    count=st.integers(1, 10),
    removed=st.sets(st.integers(0, 59), max_size=20),
)
def test_nearest_is_exact_for_small_indexes(
    seed: int, size: int, count: int, removed: set[int]
) -> None:
    rows = _units(size + 1, seed)
    index = CentroidIndex(DIM)
    vectors = {key: rows[key] for key in range(size)}
    for key, row in vectors.items():
        index.put(key, row)
    for key in removed & vectors.keys():
        index.discard(key)
        del vectors[key]
    found = index.nearest(rows[size], count)
    assert [k for k, _ in found] == _brute_force(vectors, rows[size], count)
    for key, similarity in found:
        assert similarity == pytest.approx(float(vectors[key] @ rows[size]), abs=1e-5)


# --- NameIndex -----------------------------------------------------------------------------


def test_candidates_are_the_stories_sharing_a_name() -> None:
    names = NameIndex()
    names.add(1, ["lorvik", "mirela kostanj"])
    names.add(2, ["ostvale"])
    names.add(3, ["lorvik"])
    assert names.candidates(["lorvik"]) == {1, 3}
    assert names.candidates(["mirela kostanj", "ostvale"]) == {1, 2}
    assert names.candidates(["kessmark"]) == set()
    assert names.candidates([]) == set()


def test_removed_names_no_longer_nominate_their_story() -> None:
    names = NameIndex()
    names.add(1, ["lorvik", "mirela kostanj"])
    names.add(2, ["lorvik"])
    names.remove(1, ["lorvik", "mirela kostanj", "never-added"])
    assert names.candidates(["lorvik", "mirela kostanj"]) == {2}
    names.remove(2, ["lorvik"])
    assert names.candidates(["lorvik"]) == set()
    assert names.weight("lorvik") == names.weight("never-added")


def test_weight_is_the_idf_over_recent_stories() -> None:
    names = NameIndex(recent_stories=9)
    names.add(1, ["lorvik"])
    names.add(2, ["lorvik", "tessel"])
    names.add(3, ["lorvik"])
    assert names.weight("lorvik") == pytest.approx(math.log(10 / 4) + 1)
    assert names.weight("tessel") == pytest.approx(math.log(10 / 2) + 1)
    assert names.weight("unheard of") == pytest.approx(math.log(10) + 1)


def test_a_rarer_name_weighs_more() -> None:
    names = NameIndex(recent_stories=5)
    names.add(1, ["rare", "common"])
    for story in (2, 3, 4):
        names.add(story, ["common"])
    assert names.weight("rare") > names.weight("common")


def test_a_name_held_by_more_stories_than_the_cap_nominates_none() -> None:
    names = NameIndex()
    for story in range(NAME_POSTING_CAP + 1):
        names.add(story, ["valdoria"])
    names.add(1000, ["lorvik"])
    assert names.candidates(["valdoria"]) == set()
    assert names.candidates(["valdoria", "lorvik"]) == {1000}


def test_a_name_held_by_exactly_the_cap_still_nominates() -> None:
    names = NameIndex()
    for story in range(NAME_POSTING_CAP):
        names.add(story, ["valdoria"])
    assert names.candidates(["valdoria"]) == set(range(NAME_POSTING_CAP))


def test_only_the_rarest_names_nominate() -> None:
    names = NameIndex()
    # name{i} is held by i + 1 stories of its own.
    for i in range(NAME_QUERIES + 1):
        for j in range(i + 1):
            names.add(100 * i + j, [f"name{i}"])
    everything = [f"name{i}" for i in range(NAME_QUERIES + 1)]
    expected = {100 * i + j for i in range(NAME_QUERIES) for j in range(i + 1)}
    assert names.candidates(everything) == expected


def test_name_candidates_are_capped_keeping_the_stories_sharing_most_names() -> None:
    names = NameIndex(recent_stories=1000)
    # eight names, each held by its own stories up to the posting cap, one story (999)
    # holding all eight and a few holding two
    for i in range(NAME_QUERIES):
        for j in range(NAME_POSTING_CAP - 2):
            names.add(100 * i + j, [f"name{i}"])
    names.add(999, [f"name{i}" for i in range(NAME_QUERIES)])
    for story in (5, 105, 205):
        names.add(story, [f"name{(story // 100 + 1) % NAME_QUERIES}"])
    found = names.candidates([f"name{i}" for i in range(NAME_QUERIES)])
    assert len(found) == NAME_CANDIDATES
    assert {999, 5, 105, 205} <= found


@settings(max_examples=40, deadline=None)
@given(
    postings=st.lists(
        st.tuples(st.integers(0, 40), st.sets(st.sampled_from([f"n{i}" for i in range(12)]))),
        max_size=40,
    ),
    query=st.sets(st.sampled_from([f"n{i}" for i in range(14)])),
)
def test_candidates_do_not_depend_on_insertion_order(
    postings: list[tuple[int, set[str]]], query: set[str]
) -> None:
    forward, backward = NameIndex(), NameIndex()
    for story, keys in postings:
        forward.add(story, sorted(keys))
    for story, keys in reversed(postings):
        backward.add(story, sorted(keys, reverse=True))
    assert forward.candidates(sorted(query)) == backward.candidates(sorted(query, reverse=True))


def test_find_in_finds_indexed_names_written_in_a_text() -> None:
    names = NameIndex()
    names.add(1, ["lorvik", "mirela kostanj", "velicky"])
    text = "Im Hafen von Lorvik sagte Mirela Kostanj am Montag, Velický habe recht."
    assert names.find_in(text) == frozenset({"lorvik", "mirela kostanj", "velicky"})


def test_find_in_needs_a_capitalised_first_word() -> None:
    names = NameIndex()
    names.add(1, ["lorvik", "mirela kostanj"])
    assert names.find_in("the lorvik strike, said mirela Kostanj") == frozenset()


def test_find_in_ignores_names_no_story_holds() -> None:
    names = NameIndex()
    names.add(1, ["lorvik", "ostvale"])
    names.remove(1, ["ostvale"])
    assert names.find_in("Ostvale und Lorvik") == frozenset({"lorvik"})


def test_find_in_matches_names_of_up_to_six_words() -> None:
    names = NameIndex()
    names.add(1, ["port authority of north lorvik bay"])  # six words
    text = "The Port Authority of North Lorvik Bay said"
    assert names.find_in(text) == frozenset({"port authority of north lorvik bay"})


def test_find_in_finds_a_hyphenated_name() -> None:
    names = NameIndex()
    names.add(1, ["jean-luc varenne", "saint-ourcq"])
    found = names.find_in("Jean-Luc Varenne a parlé à Saint-Ourcq.")
    assert found == frozenset({"jean-luc varenne", "saint-ourcq"})
