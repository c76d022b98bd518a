"""Two commands grouping articles into one store at the same moment (two ``analyze``
runs started together): each read the story-clustering state, added its articles and
saved, and the later save dropped the earlier's articles from the state, so later runs
never joined them. A save over a state changed since it was read is refused
(``StateChanged``, nothing written) and the grouping is done again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.cluster.batch import STATE_NAME, StoryOptions
from newsprism.cluster.options import ClusterOptions
from newsprism.errors import StateChanged
from newsprism.flow import add_to_stories
from newsprism.model import Article, article_id
from newsprism.store import ClusteringUpdate, Store

OPTIONS = StoryOptions(cluster=ClusterOptions(embeddings="off"))
PIER = "The harbour board closed the old pier at Tessel on Monday after divers found rot. "
FIRE = "A wildfire forced hundreds of people from villages in the Caldera Hills overnight. "


def _articles(outlet: str, text: str) -> list[Article]:
    body = text * 6
    return [Article(article_id(outlet, body), f"{outlet}.txt", body, outlet=outlet)]


def test_a_save_over_a_state_saved_meanwhile_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as first, Store(path) as second:
        assert first.clusterer_state(STATE_NAME) is None
        second.save_clustering(ClusteringUpdate([], [], [], {STATE_NAME: b"second"}))
        with pytest.raises(StateChanged):
            first.save_clustering(ClusteringUpdate([], [], [], {STATE_NAME: b"first"}))
        assert first.clusterer_state(STATE_NAME) == b"second"
        first.save_clustering(ClusteringUpdate([], [], [], {STATE_NAME: b"first"}))
        assert second.clusterer_state(STATE_NAME) == b"first"


def test_grouping_interleaved_with_another_commands_keeps_both(
    tmp_path: Path, monkeypatch: Any
) -> None:
    path = tmp_path / "news.db"
    herald, wire = _articles("Harbour Herald", PIER), _articles("Coast Wire", PIER)
    fire = _articles("Coast Wire", FIRE)
    with Store(path) as first, Store(path) as second:
        first.add_articles(herald)
        second.add_articles(wire + fire)
        save = Store.save_clustering
        others = []

        def save_after_the_other(store: Store, update: ClusteringUpdate) -> None:
            if store is first and not others:  # the other command saves in between
                others.append(add_to_stories(second, wire + fire, {}, OPTIONS))
            save(store, update)

        monkeypatch.setattr(Store, "save_clustering", save_after_the_other)
        stories = add_to_stories(first, herald, {}, OPTIONS)
        monkeypatch.undo()
        assert {a for s in others[0] for a in s.articles} == {wire[0].id, fire[0].id}
        joined = first.stories_of([herald[0].id, wire[0].id])
        assert len(joined) == 1 and stories[0].id == joined[0].id
        assert first.unclustered(a.id for a in herald + wire + fire) == []


def test_analysis_workers_end_quietly_at_ctrl_c() -> None:
    # The terminal sends Ctrl-C to the workers too; each printed a KeyboardInterrupt
    # traceback from the queue it waited on. They now take the signal's default.
    import signal

    from newsprism.analyze.analyzer import AnalyzeOptions, _WorkerPool

    pool = _WorkerPool(AnalyzeOptions(processes=2))
    try:
        handler = pool.pool.submit(signal.getsignal, signal.SIGINT).result(timeout=60)
    finally:
        pool.close()
    assert handler == signal.SIG_DFL
