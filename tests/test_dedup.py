"""Near-duplicate detection: shingles, MinHash signatures and their storage form, and the
incremental duplicate groups. All texts are invented for these tests."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.dedup import (
    DedupOptions,
    DuplicateIndex,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
)

EMPTY_SLOT = 2**64 - 1

WIRE = (
    "The port authority of Marrowick said on Thursday that it would dredge the eastern "
    "channel of the harbour before the autumn storms, after two grain ships ran aground "
    "there in the space of a month.\n\n"
    '"We cannot keep asking captains to wait for the high tide," said the authority\'s '
    'director, Soren Abelkamp, at a briefing in the old customs house. "The channel has '
    'silted up faster than any of our surveys predicted."\n\n'
    "The work is expected to cost 18 million crowns and to take nine weeks. Two dredgers "
    "will be hired from the neighbouring port of Elsgaard, and traffic through the channel "
    "will be limited to daylight hours while they operate.\n\n"
    "Fishermen's groups welcomed the plan but asked that the spoil be dumped far from the "
    "mussel beds north of the breakwater. A spokeswoman for the Marrowick Fishing Guild, "
    "Hanne Tolvik, said her members had lost much of last year's harvest to silt.\n\n"
    "The authority said it would publish a detailed schedule next week and hold a public "
    "meeting in the town hall before the dredgers arrive."
)

# Another outlet's own report of the same story: the same names and numbers, one quoted
# sentence in common, but its own running text.
OWN_REPORT = (
    "Dredgers are coming to Marrowick. Harbour director Soren Abelkamp confirmed plans to "
    "deepen the eastern channel, where the grain carriers Vessa and Lumen both stuck fast on "
    "sandbanks in recent weeks. "
    '"We cannot keep asking captains to wait for the high tide," Abelkamp told reporters.\n\n'
    "The contract for the machines from Elsgaard has not yet been signed, and harbour staff "
    "said the bill could exceed 18 million crowns. Hanne Tolvik of the Marrowick Fishing "
    "Guild warned that the mussel beds must be protected from the dredged sand.\n\n"
    "Councillors in Marrowick will debate the plan at the town hall, where some residents "
    "want the old customs house turned into a museum."
)

UNRELATED = (
    "Orchard owners in the Ostvale valley counted their losses on Monday after a late frost "
    "blackened the apple blossom on the upper slopes. Tobias Renner, who farms forty "
    "hectares above the village of Kell, said he expected to pick a quarter of a normal "
    "crop. The regional farming office promised an assessment within a fortnight."
)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def _words_changed(text: str) -> str:
    return (
        text.replace("Thursday", "Wednesday")
        .replace("nine weeks", "ten weeks")
        .replace("much of", "most of")
    )


def _paragraph_cut(text: str) -> str:
    paragraphs = _paragraphs(text)
    return "\n\n".join(paragraphs[:3] + paragraphs[4:])


def _rewrapped(text: str) -> str:
    return "\n".join(textwrap.wrap(text.replace("\n\n", " "), 50))


def _curly_quotes(text: str) -> str:
    out: list[str] = []
    opening = True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append("\u2019" if ch == "'" else ch)
    return "".join(out)


def _syndicated(text: str) -> str:
    return text + "\n\nDistributed by the Northern Wire Service. Copyright 2026."


EDITS: dict[str, Callable[[str], str]] = {
    "a few words changed": _words_changed,
    "a paragraph cut": _paragraph_cut,
    "lines re-wrapped": _rewrapped,
    "curly quotes": _curly_quotes,
    "syndication line added": _syndicated,
    "all edits at once": lambda t: _syndicated(_curly_quotes(_rewrapped(_words_changed(t)))),
}


def _salad(seed: int, words: int) -> str:
    """Invented filler: ``words`` words drawn from a private vocabulary."""
    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(10_000)}" for _ in range(words))


# --- options ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"threshold": 0.0},
        {"threshold": -0.1},
        {"threshold": 1.01},
        {"num_perm": 1},
        {"shingle_words": 0},
    ],
)
def test_options_reject_values_outside_their_range(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        DedupOptions(**kwargs)  # type: ignore[arg-type]


def test_options_accept_the_edges_of_their_range() -> None:
    options = DedupOptions(threshold=1.0, num_perm=2, shingle_words=1)
    assert (options.threshold, options.num_perm, options.shingle_words) == (1.0, 2, 1)


# --- shingles --------------------------------------------------------------------------


def test_shingles_ignore_case_punctuation_and_spacing() -> None:
    plain = shingles("the harbour board said it would close the pier", 3)
    noisy = shingles("The HARBOUR-board, said:  it\n would ... close 'the' Pier!", 3)
    assert noisy == plain


def test_shingles_apply_nfkc_to_compatibility_characters() -> None:
    # Full-width letters, a ligature and a non-breaking space fold to their plain forms.
    fullwidth = "\uff2d\uff41\uff52\uff52\uff4f\uff57\uff49\uff43\uff4b"
    assert shingles(f"{fullwidth} \ufb01sh\u00a0quay", 2) == shingles("marrowick fish quay", 2)


def test_shingles_are_runs_of_consecutive_words() -> None:
    assert shingles("one two three four", 2) == {b"one two", b"two three", b"three four"}


def test_a_text_shorter_than_a_shingle_is_one_shingle() -> None:
    assert shingles("Harbour closed.", 5) == {b"harbour closed"}


@pytest.mark.parametrize("text", ["", "   \n\t", "... -- !!! \u201c\u201d", "___"])
def test_a_text_without_words_has_no_shingles(text: str) -> None:
    assert shingles(text, 3) == set()


def test_shingles_are_utf8_bytes_of_the_folded_words() -> None:
    assert shingles("Straße Ørsted", 2) == {"strasse ørsted".encode()}


def test_shingle_size_below_one_is_rejected() -> None:
    with pytest.raises(ValueError):
        shingles("some words", 0)


_WORDS = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), max_size=30
)
_SEPARATORS = st.text(" \n\t,.;:!?-\u2014\"'\u201c\u201d\u2018\u2019()_/", min_size=1, max_size=4)


@given(
    words=_WORDS,
    separators=st.lists(_SEPARATORS, min_size=31, max_size=31),
    size=st.integers(1, 6),
    upper=st.booleans(),
)
def test_shingles_depend_only_on_the_words(
    words: list[str], separators: list[str], size: int, upper: bool
) -> None:
    noisy = separators[0] + "".join(w + s for w, s in zip(words, separators[1:], strict=False))
    noisy = noisy.upper() if upper else noisy
    assert shingles(noisy, size) == shingles(" ".join(words), size)


@given(words=_WORDS, size=st.integers(1, 6))
def test_shingle_count_follows_the_word_count(words: list[str], size: int) -> None:
    # Distinct words, so no two shingles coincide.
    distinct = [f"{w}x{i}" for i, w in enumerate(words)]
    expected = 0 if not distinct else max(1, len(distinct) - size + 1)
    assert len(shingles(" ".join(distinct), size)) == expected


# --- signatures ------------------------------------------------------------------------


def test_signature_is_num_perm_uint64_values() -> None:
    sig = signature(WIRE, DedupOptions(num_perm=64))
    assert sig.dtype == np.uint64
    assert sig.shape == (64,)


def test_signature_of_a_text_without_words_is_all_empty_slots() -> None:
    assert (signature("  -- !! ") == np.uint64(EMPTY_SLOT)).all()


def test_signature_is_the_same_in_a_new_process() -> None:
    script = (
        "import json, sys\n"
        "from newsprism.cluster.dedup import DedupOptions, signature\n"
        "text = sys.stdin.read()\n"
        "print(json.dumps([int(v) for v in signature(text, DedupOptions(seed=7))]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # a different str hash salt
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=WIRE,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    theirs = json.loads(done.stdout)
    assert theirs == [int(v) for v in signature(WIRE, DedupOptions(seed=7))]


def test_signature_depends_on_the_seed() -> None:
    one, two = signature(WIRE, DedupOptions(seed=1)), signature(WIRE, DedupOptions(seed=2))
    assert not np.array_equal(one, two)


def test_signature_ignores_quote_style_and_line_breaks() -> None:
    assert np.array_equal(signature(_curly_quotes(_rewrapped(WIRE))), signature(WIRE))


def test_stored_signature_reads_back_equal() -> None:
    options = DedupOptions(num_perm=32, seed=3)
    sig = signature(WIRE, options)
    data = signature_bytes(sig, options)
    assert len(data) == 13 + 8 * 32
    back = signature_from_bytes(data, options)
    assert back.dtype == np.uint64
    assert np.array_equal(back, sig)


def test_stored_empty_signature_reads_back_equal() -> None:
    sig = signature("")
    assert np.array_equal(signature_from_bytes(signature_bytes(sig)), sig)


@pytest.mark.parametrize("reader", [DedupOptions(seed=2), DedupOptions(num_perm=64)])
def test_reading_a_signature_made_with_other_options_raises(reader: DedupOptions) -> None:
    data = signature_bytes(signature(WIRE))
    with pytest.raises(ValueError):
        signature_from_bytes(data, reader)


@pytest.mark.parametrize(
    "bad",
    [np.zeros(128, dtype=np.uint32), np.zeros(127, dtype=np.uint64), np.zeros((2, 64), np.uint64)],
)
def test_storing_a_malformed_signature_raises(bad: np.ndarray) -> None:
    with pytest.raises(ValueError):
        signature_bytes(bad)


# --- duplicate groups ------------------------------------------------------------------


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_a_lightly_edited_copy_joins_the_originals_group(edit: str) -> None:
    index = DuplicateIndex()
    assert index.add("wire", signature(WIRE)) is None
    assert index.add("copy", signature(EDITS[edit](WIRE))) == "wire"
    assert index.group_of("copy") == "wire"
    assert index.groups() == [("wire", "copy")]


def test_another_outlets_report_sharing_names_and_a_sentence_is_not_a_copy() -> None:
    index = DuplicateIndex()
    index.add("wire", signature(WIRE))
    assert index.add("own", signature(OWN_REPORT)) is None
    assert index.group_of("own") == "own"
    assert index.groups() == []


def test_an_unrelated_article_starts_its_own_group() -> None:
    index = DuplicateIndex()
    index.add("wire", signature(WIRE))
    assert index.add("orchard", signature(UNRELATED)) is None
    assert index.groups() == []


def test_a_copy_of_a_copy_joins_the_first_members_group() -> None:
    index = DuplicateIndex()
    index.add("wire", signature(WIRE))
    index.add("copy", signature(_words_changed(WIRE)))
    assert index.add("copy2", signature(_syndicated(_words_changed(WIRE)))) == "wire"
    assert index.groups() == [("wire", "copy", "copy2")]


def test_an_article_joins_the_most_similar_group_not_the_first() -> None:
    options = DedupOptions(threshold=0.3)
    first = [_salad(seed, 40) for seed in range(4)]
    second = [_salad(seed, 40) for seed in range(10, 14)]
    mixed = first[:3] + second  # 3/8 of first's shingles, 4/7 of second's
    index = DuplicateIndex(options)
    index.add("first", signature(" ".join(first), options))
    index.add("second", signature(" ".join(second), options))
    assert index.add("mixed", signature(" ".join(mixed), options)) == "second"
    assert index.groups() == [("second", "mixed")]


def test_equal_similarity_goes_to_the_earlier_article() -> None:
    index = DuplicateIndex()
    index.add("a", signature(UNRELATED))
    index.add("b", signature(WIRE))
    index.add("c", signature(WIRE))  # identical to b
    assert index.add("d", signature(WIRE)) == "b"
    assert index.groups() == [("b", "c", "d")]


def test_groups_are_ordered_by_their_first_member() -> None:
    index = DuplicateIndex()
    index.add("orchard", signature(UNRELATED))
    index.add("wire", signature(WIRE))
    index.add("wire-copy", signature(_paragraph_cut(WIRE)))
    index.add("orchard-copy", signature(_syndicated(UNRELATED)))
    assert index.groups() == [("orchard", "orchard-copy"), ("wire", "wire-copy")]


def test_group_of_a_lone_article_is_itself_and_of_an_unknown_one_raises() -> None:
    index = DuplicateIndex()
    index.add("wire", signature(WIRE))
    assert index.group_of("wire") == "wire"
    with pytest.raises(KeyError):
        index.group_of("never-added")


def test_adding_an_id_again_changes_nothing() -> None:
    index = DuplicateIndex()
    index.add("wire", signature(WIRE))
    index.add("copy", signature(_words_changed(WIRE)))
    index.add("orchard", signature(UNRELATED))
    # Same ids again, even with other texts: the first additions stand.
    assert index.add("copy", signature(UNRELATED)) == "wire"
    assert index.add("orchard", signature(WIRE)) is None
    assert len(index) == 3
    assert index.groups() == [("wire", "copy")]
    assert index.group_of("orchard") == "orchard"
    # And the ignored text did not enter the index under that id.
    assert index.add("orchard-copy", signature(_syndicated(UNRELATED))) == "orchard"


def test_texts_without_words_never_group() -> None:
    index = DuplicateIndex()
    assert index.add("empty1", signature("")) is None
    assert index.add("empty2", signature("  ...  ")) is None
    assert index.add("empty3", signature("")) is None
    assert index.groups() == []
    assert [index.group_of(i) for i in ("empty1", "empty2", "empty3")] == [
        "empty1",
        "empty2",
        "empty3",
    ]
    assert "empty2" in index
    assert len(index) == 3


def test_adding_a_malformed_signature_raises() -> None:
    with pytest.raises(ValueError):
        DuplicateIndex().add("wire", np.zeros(16, dtype=np.uint64))


def test_from_signatures_rebuilds_the_same_groups_and_continues() -> None:
    texts = {
        "wire": WIRE,
        "orchard": UNRELATED,
        "own": OWN_REPORT,
        "copy": _words_changed(WIRE),
        "orchard-copy": _syndicated(UNRELATED),
        "copy2": _paragraph_cut(WIRE),
    }
    stored = [(i, signature_bytes(signature(t))) for i, t in texts.items()]
    original = DuplicateIndex()
    for article_id, data in stored:
        original.add(article_id, signature_from_bytes(data))
    rebuilt = DuplicateIndex.from_signatures((i, signature_from_bytes(d)) for i, d in stored)
    assert rebuilt.groups() == original.groups()
    assert [rebuilt.group_of(i) for i in texts] == [original.group_of(i) for i in texts]
    assert rebuilt.add("copy3", signature(_rewrapped(WIRE))) == "wire"


# --- properties ------------------------------------------------------------------------

_POOL = [WIRE, OWN_REPORT, UNRELATED, "", *(_salad(s, 60) for s in range(3))]
_STREAM = st.lists(
    st.tuples(st.integers(0, len(_POOL) - 1), st.sampled_from(list(EDITS.values()))),
    max_size=12,
)
_SIGNATURES: dict[str, np.ndarray] = {}


def _sig(text: str) -> np.ndarray:
    if text not in _SIGNATURES:
        _SIGNATURES[text] = signature(text)
    return _SIGNATURES[text]


@settings(max_examples=40, deadline=None)
@given(stream=_STREAM)
def test_groups_are_disjoint_and_agree_with_add_and_group_of(
    stream: list[tuple[int, Callable[[str], str]]],
) -> None:
    items = [(f"a{n}", _sig(edit(_POOL[which]))) for n, (which, edit) in enumerate(stream)]
    index = DuplicateIndex()
    joined = {article_id: index.add(article_id, sig) for article_id, sig in items}
    groups = index.groups()
    members = [a for g in groups for a in g]
    assert len(members) == len(set(members))
    for group in groups:
        assert len(group) >= 2
        assert all(index.group_of(a) == group[0] for a in group)
        assert joined[group[0]] is None
        assert all(joined[a] == group[0] for a in group[1:])
        assert sorted(group, key=lambda a: int(a[1:])) == list(group)  # insertion order
    for article_id, leader in joined.items():
        assert index.group_of(article_id) == (leader or article_id)
    assert DuplicateIndex.from_signatures(items).groups() == groups
