"""Partial quotes that two outlets cut at different words (invented sentences, after
a miss on the BASIL gold, issue 12): one outlet's clause holds three partial quotes,
another quotes the second one shorter, in the quote group of the third."""

from __future__ import annotations

from newsprism.reconcile.statement_units import Unit, normalize_words
from newsprism.reconcile.statements import partial_units

LIBRARY = "open the library on Sundays"
HARBOUR = "mend the harbour wall before winter, not next spring"
FERRY = "keep the ferry running"
CLAUSE = f'the council should "{LIBRARY}," "{HARBOUR}," and "{FERRY}" at night'
OTHER_A = f"{LIBRARY.capitalize()}."
OTHER_B = f"Mend the harbour wall before winter ... And {FERRY} at night."


def _unit(article: str, group: int, text: str, direct: bool, partials: list[str]) -> Unit:
    spans = tuple((text.index(p), text.index(p) + len(p)) for p in partials)
    verbatim = (
        tuple(normalize_words(p) for p in partials) if not direct else (normalize_words(text),)
    )
    return Unit(article, group, 0, len(text), direct, text, "Mara Holt", "Holt", verbatim,
                (0 if article == "A" else 1, 0), spans)  # fmt: skip


def test_a_clause_is_cut_before_a_partial_quoted_shorter_elsewhere() -> None:
    clause = _unit("A", 0, CLAUSE, False, [LIBRARY, HARBOUR, FERRY])
    units = [clause, _unit("B", 0, OTHER_A, True, []), _unit("B", 1, OTHER_B, True, [])]
    pieces = [u.text for u in partial_units(units) if u.article == "A"]
    assert len(pieces) == 2
    assert LIBRARY in pieces[0] and "harbour" not in pieces[0]
    assert pieces[1].startswith(HARBOUR) and FERRY in pieces[1]


def test_three_shared_words_are_no_evidence_of_one_partial() -> None:
    clause = _unit("A", 0, CLAUSE, False, [LIBRARY, HARBOUR, FERRY])
    together = f"{LIBRARY.capitalize()} and {FERRY}."
    units = [
        clause,
        _unit("B", 0, together, True, []),
        _unit("B", 1, "Mend the harbour soon.", True, []),
    ]
    assert [u.text for u in partial_units(units) if u.article == "A"] == [CLAUSE]
