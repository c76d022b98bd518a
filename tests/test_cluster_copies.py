"""A copy whose figures were changed is a source of its own: its figures are compared
with the text it copies instead of being folded into one syndicated source."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newsprism.cluster.batch import cluster_stored
from newsprism.cluster.copies import figures_conflict, split_by_figures
from newsprism.model import Article
from newsprism.store import Store

WIRE = (
    "Flood waters cut the rail line between Brasko and Tulm on Tuesday, stranding 340 "
    "passengers overnight at the Tulm junction. The regional operator said 12 trains were "
    "cancelled and that repairs would take at least 48 hours.\n\n"
    "Engineers from the Vardel water board were sent to the embankment at dawn. A "
    "spokesperson for the board, Ilse Marowin, said the river rose 2.4 metres in six hours, "
    "the fastest rise recorded at the Brasko gauge.\n\n"
    "Bus replacement services run every 30 minutes from the Brasko station forecourt. "
    "The operator asked passengers to check its website before travelling."
)
T0 = datetime(2026, 4, 14, 8, 0, tzinfo=UTC)


def article(article_id: str, text: str, outlet: str, minutes: int) -> Article:
    return Article(
        id=article_id,
        source=f"in/{article_id}.txt",
        text=text,
        outlet=outlet,
        title="Floods cut Brasko rail line",
        published=T0.replace(minute=minutes),
        language="en",
    )


def duplicates_of(tmp_path: Path, copy_text: str) -> tuple[tuple[str, ...], ...]:
    wire = article("wire-flood", WIRE, "Tessel Wire", 0)
    copy = article("courier-flood", copy_text, "Lorvik Courier", 30)
    with Store(tmp_path / "s.db") as store:
        store.add_articles([wire, copy])
        (story,) = cluster_stored(store, [wire, copy], {})
    assert set(story.articles) == {wire.id, copy.id}  # one story either way
    return story.duplicates


def test_a_plain_copy_is_one_source(tmp_path: Path) -> None:
    copy = WIRE.replace("Flood waters", "Floodwaters").replace("said", "says")
    assert duplicates_of(tmp_path, copy) == (("wire-flood", "courier-flood"),)


def test_a_copy_cut_for_length_is_one_source(tmp_path: Path) -> None:
    cut = WIRE.rsplit("\n\n", 1)[0]  # the last paragraph (and its "30 minutes") cut
    assert duplicates_of(tmp_path, cut) == (("wire-flood", "courier-flood"),)


def test_a_copy_with_a_changed_figure_is_a_source_of_its_own(tmp_path: Path) -> None:
    updated = WIRE.replace("stranding 340", "stranding 410")
    assert duplicates_of(tmp_path, updated) == ()


def test_figures_conflict_only_when_one_is_replaced() -> None:
    a, b = frozenset({"340", "12", "48"}), frozenset({"340", "12"})
    assert not figures_conflict(a, b) and not figures_conflict(b, a)  # cut, not changed
    assert figures_conflict(a, frozenset({"410", "12", "48"}))
    assert not figures_conflict(a, a)


def test_later_copies_join_the_part_whose_figures_they_share() -> None:
    figures = {
        "wire": frozenset({"340", "12"}),
        "copy": frozenset({"340"}),
        "update": frozenset({"410", "12"}),
        "update-copy": frozenset({"410", "12"}),
        "unread": frozenset({"999"}),
    }
    group = ("wire", "copy", "update", "update-copy", "unknown")
    assert split_by_figures(group, figures) == [
        ("wire", "copy", "unknown"),
        ("update", "update-copy"),
    ]
    assert split_by_figures(("wire", "update"), figures) == []
