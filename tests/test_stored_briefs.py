"""Briefs kept in the store: served after a restart without recomputing, remade when the
story or the version changes, computed but never written on a read-only store."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.flow import FlowOptions, analyze_paths
from newsprism.model import Brief, Story
from newsprism.reconcile import stored as stored_module
from newsprism.reconcile.brief import BriefOptions, Reconciler, material_of
from newsprism.reconcile.similarity import DenseSimilarity
from newsprism.reconcile.stored import StoredBriefs
from newsprism.reconcile.summary import SummaryOptions
from newsprism.render.jsonout import brief_from_dict, brief_to_dict
from newsprism.store import ClusteringUpdate, Store
from newsprism.web import WebOptions
from newsprism.web.services import Services
from tests.mini_corpus import write_corpus

LEXICAL = BriefOptions(embeddings="off")


@dataclass(frozen=True)
class Analysed:
    db: Path
    briefs: list[Brief]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Analysed]:
    folder = write_corpus(tmp_path_factory.mktemp("corpus"))
    db = tmp_path_factory.mktemp("stored") / "s.db"
    with Store(db) as store:
        run = analyze_paths(store, [folder], FlowOptions(embeddings="off"))
    assert len(run.briefs) == 2
    yield Analysed(db, run.briefs)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_brief_reads_back_exactly_as_it_was_made(analysed: Analysed) -> None:
    for brief in analysed.briefs:
        assert brief.statements or brief.facts  # something to round-trip
        assert brief_from_dict(brief_to_dict(brief), brief.story) == brief


def test_a_fresh_store_serves_the_stored_brief_without_computing(analysed: Analysed) -> None:
    with Store(analysed.db) as store:
        briefs = StoredBriefs(LEXICAL)
        served = [briefs.get(store, b.story) for b in analysed.briefs]
        assert store.briefs.count() == 2
    assert served == analysed.briefs
    assert briefs.computed == 0


def test_a_changed_membership_is_recomputed_and_replaces_the_old_brief(
    tmp_path: Path, analysed: Analysed
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(analysed.db.read_bytes())
    story = next(b.story for b in analysed.briefs if len(b.story.articles) == 2)
    shrunk = replace(story, articles=story.articles[:1])
    with Store(db) as store:
        briefs = StoredBriefs(LEXICAL)
        assert briefs.lookup(store, shrunk) is None
        made = briefs.get(store, shrunk)
        assert briefs.computed == 1 and made.story.articles == shrunk.articles
        assert briefs.get(store, shrunk) == made and briefs.computed == 1  # stored now
        assert briefs.lookup(store, story) is None  # one brief per story: the old one went
        assert store.briefs.count() == 2
        store.save_clustering(ClusteringUpdate([], [], [story.id], {}))  # merged away
        assert store.briefs.count() == 1


@pytest.mark.parametrize("constant", ["BRIEF_VERSION", "ANALYZER_VERSION"])
def test_another_version_misses(
    analysed: Analysed, monkeypatch: pytest.MonkeyPatch, constant: str
) -> None:
    monkeypatch.setattr(stored_module, constant, "another")
    with Store(analysed.db, "read") as store:
        briefs = StoredBriefs(LEXICAL)
        assert all(briefs.lookup(store, b.story) is None for b in analysed.briefs)


def test_dense_and_lexical_briefs_do_not_serve_each_other(analysed: Analysed) -> None:
    assert stored_module.version_key("dense") != stored_module.version_key("lexical")


def test_other_step_options_are_computed_and_never_stored(analysed: Analysed) -> None:
    options = replace(LEXICAL, summary=SummaryOptions(min_sentences=1, max_sentences=1))
    with Store(analysed.db, "read") as store:
        briefs = StoredBriefs(options)
        made = briefs.get(store, analysed.briefs[0].story)
    assert briefs.computed == 1 and len(made.summary) <= 1


def test_a_read_only_store_serves_stored_briefs_and_computes_the_rest(
    analysed: Analysed,
) -> None:
    before = _digest(analysed.db)
    story = analysed.briefs[0].story
    changed = replace(story, id="not-stored-yet")
    with Store(analysed.db, "read") as store:
        briefs = StoredBriefs(LEXICAL)
        assert briefs.get(store, story) == analysed.briefs[0] and briefs.computed == 0
        assert briefs.get(store, changed).story == changed and briefs.computed == 1
        assert briefs.get(store, changed) and briefs.computed == 2  # not stored: made again
    assert _digest(analysed.db) == before


def test_cli_brief_prints_the_stored_brief_without_computing(
    analysed: Analysed, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_self: Reconciler, _material: object) -> Brief:
        raise AssertionError("the stored brief should have been served")

    monkeypatch.setattr(Reconciler, "brief", refuse)
    story = analysed.briefs[0].story
    shown = CliRunner().invoke(
        app, ["brief", story.id, "--db", str(analysed.db), "--embeddings", "off", "-f", "md"]
    )
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("# newsprism report")


def test_the_web_cache_fronts_the_stored_briefs(analysed: Analysed) -> None:
    services = Services(analysed.db, WebOptions(embeddings="off"))
    with services.store() as store:
        stories: list[Story] = [b.story for b in analysed.briefs]
        cached = [services.briefs.get(store, s) for s in stories]
    assert [c.brief for c in cached] == analysed.briefs
    assert services.stored_briefs.computed == 0
    assert [a.id for a in cached[0].articles] == list(stories[0].articles)


class _Recording:
    """A stand-in dense model: a fixed pseudo-random unit vector per text, and every
    call's texts recorded."""

    dim = 16
    batch_size = 32

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def vectors(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append(list(texts))
        rows = [
            np.random.default_rng(int(hashlib.sha256(t.encode()).hexdigest()[:8], 16)).random(16)
            for t in texts
        ]
        found = np.array(rows, dtype=np.float32)
        unit: npt.NDArray[np.float32] = found / np.linalg.norm(found, axis=1, keepdims=True)
        return unit


def test_a_dense_brief_embeds_each_text_once_sentences_in_one_batch(analysed: Analysed) -> None:
    model = _Recording()
    similarity = DenseSimilarity(model)  # type: ignore[arg-type]
    story = max((b.story for b in analysed.briefs), key=lambda s: len(s.articles))
    with Store(analysed.db, "read") as store:
        material = material_of(store, story)
    Reconciler(LEXICAL, similarity).brief(material)
    sentences = {p.text for p in material.story_pieces()}
    embedded = [t for call in model.calls for t in call]
    assert set(model.calls[0]) == sentences  # the story's sentences first, in one call
    assert len(embedded) == len(set(embedded)) == similarity.embedded  # each text once
