"""The labelled sets the join model is fitted and scored on (eval/real_sets.py): the
Multi-News reader keeps each cluster's reports and leaves out page debris, so a
calibration example is never a cookie notice or a crawler's boilerplate labelled as a
report of the event. Invented clusters only (the real data stays outside the repo)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from real_clustering import fair_threshold
from real_sets import MULTINEWS_MIN_WORDS, SETS, read_multinews, read_set

CRAWL = (
    "These pages were captured by an automated crawl of the open web and are kept so "
    "that readers can see them as they were first published on the day of capture. "
    "The capture runs every week over a list of hosts collected from earlier captures, "
    "links found in them and lists sent in by libraries and archives around the world."
)


EVENTS = {
    "storm": (
        "Officials in Lorvik said on Tuesday that the storm had forced the closure of the "
        "harbour road and that crews would work through the night. Residents were told to "
        "stay indoors while engineers checked the sea wall, the ferry timetable was "
        "suspended, schools stayed shut and the council promised an inquiry into why the "
        "warning sirens had failed to sound in time."
    ),
    "flood": (
        "The river at Osterby rose two metres overnight and water reached the market "
        "square by dawn, the mayor told reporters. Volunteers filled sandbags at the fire "
        "station, the rail line to the coast was cut near the old mill, and farmers on the "
        "eastern bank moved their herds to higher pastures as forecasters warned that more "
        "rain was due before the weekend."
    ),
    "landslide": (
        "A hillside above Tamsel gave way after a week of heavy rain, burying part of the "
        "mountain pass and three parked lorries, police said. Rescue teams with dogs "
        "searched the debris for a missing driver while geologists flew over the slope by "
        "helicopter; the pass will stay closed for at least a month, the roads agency said "
        "in a statement on Wednesday."
    ),
}


def report(event: str, outlet: str) -> str:
    words = f"{outlet} reports. {EVENTS[event]}"
    assert len(words.split()) >= MULTINEWS_MIN_WORDS
    return words


def write_clusters(root: Path, clusters: list[list[str]]) -> None:
    folder = root / "multinews-sample"
    folder.mkdir(parents=True)
    rows = [
        json.dumps({"cluster": n, "documents": docs, "summary": "- invented"})
        for n, docs in enumerate(clusters)
    ]
    (folder / "clusters.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_multinews_keeps_reports_and_drops_debris(tmp_path: Path) -> None:
    write_clusters(
        tmp_path,
        [
            [report("storm", "Daily"), report("storm", "Post"), CRAWL],
            [report("flood", "Courier"), "Video playback is not supported here.", CRAWL],
            [report("landslide", "Herald"), report("landslide", "Tribune")],
        ],
    )
    data = read_multinews(tmp_path)
    assert sorted(data.gold.items()) == [
        ("mn-0-0", "0"),
        ("mn-0-1", "0"),
        ("mn-2-0", "2"),
        ("mn-2-1", "2"),
    ]  # boilerplate in two clusters and the short notice dropped; cluster 1 left with one
    assert all(a.published is None and a.language == "en" for a in data.articles)


def test_multinews_is_a_calibration_set_read_by_name(tmp_path: Path) -> None:
    write_clusters(tmp_path, [[report("storm", "Daily"), report("storm", "Post")]])
    assert "multinews" in SETS
    assert read_set("multinews", tmp_path).gold == {"mn-0-0": "0", "mn-0-1": "0"}


def test_fair_baseline_threshold_is_the_best_on_the_other_sets_only() -> None:
    def grid(best: float) -> list[dict[str, object]]:
        from real_clustering import GRID

        return [{"threshold": t, "bcubed": {"f1": 1.0 - abs(t - best)}} for t in GRID]

    grids = {"a": grid(0.5), "b": grid(0.8), "c": grid(0.8)}
    assert fair_threshold(grids, "a") == 0.8  # a's own best (0.5) never counts for a
    assert fair_threshold({"a": grid(0.5)}, "a") is None
