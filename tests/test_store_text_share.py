"""The share of words two texts of one page have in common is measured at a bounded
cost: an edit of a huge text is told from another text in seconds, not hours (the
comparison runs inside the store's write transaction). Invented word lists."""

from __future__ import annotations

import random
import time

from newsprism.store_text_share import MAX_MATCHED_WORDS, changed_words, shared_share


def _words(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"w{rng.randrange(3000)}" for _ in range(n)]


def test_small_texts_are_compared_word_for_word() -> None:
    before = "The pier will close for eleven weeks of repairs from Monday"
    after = "The pier will close for twelve weeks of repairs from Monday"
    assert shared_share(before, after) == 10 / 11
    assert changed_words(before, after) == (["eleven"], ["twelve"])
    assert shared_share("", after) == 0.0


def test_a_huge_edit_is_an_edit_and_a_huge_other_text_is_not_quickly() -> None:
    n = 4 * MAX_MATCHED_WORDS  # past it, difflib took 13 s for two unrelated 60k texts
    text = _words(n, 1)
    edited = list(text)
    edited[10], edited[-10] = "mended", "added"  # the middle is all but the whole text
    other = _words(n, 2)
    started = time.monotonic()
    assert shared_share(" ".join(text), " ".join(edited)) > 0.99
    assert shared_share(" ".join(text), " ".join(other)) < 0.05
    # Too long a middle to list the changed words: None, the caller's safe side.
    assert changed_words(" ".join(text), " ".join(edited)) is None
    assert time.monotonic() - started < 20


def test_an_edit_in_the_middle_of_a_huge_text_lists_its_words() -> None:
    text = _words(5 * MAX_MATCHED_WORDS, 3)
    edited = list(text)
    edited[len(text) // 2] = "mended"
    assert changed_words(" ".join(text), " ".join(edited)) == ([text[len(text) // 2]], ["mended"])
