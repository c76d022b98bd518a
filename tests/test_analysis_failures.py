"""One article's analysis failing: recorded for that article, the rest of the batch goes on.

Failures are provoked in the real code paths: an extractor that raises on a marker word
(patched in, so worker processes forked afterwards inherit it), a spaCy component that
raises inside ``nlp.pipe``, and a worker process that dies.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from newsprism.analyze import analyzer as analyzer_module
from newsprism.analyze.analyzer import AnalyzeOptions, Analyzer, analyze_in_pool
from newsprism.analyze.batch import analyze_run
from newsprism.analyze.dates import extract_dates
from newsprism.analyze.quantities import extract_quantities
from newsprism.cli import app
from newsprism.errors import AnalysisFailure
from newsprism.model import Analysis, Article, article_id
from newsprism.store import Store
from tests.conftest import BODY

MARKER = "Zorbulant"
Write = Callable[..., Path]
runner = CliRunner()
forking = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="worker processes inherit the patched extractor only when forked",
)


def _article(n: int, marker: bool = False) -> Article:
    text = BODY.replace("Tessel", f"Tessel{n}") + (f"\n\nThe {MARKER} was seen." if marker else "")
    return Article(id=article_id(f"o{n}", text), source=f"in/{n}.txt", text=text, language="en")


@pytest.fixture
def exploding_quantities(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract_quantities`` raises on any text holding the marker word."""
    real = extract_quantities

    def extract(doc: Doc) -> Any:
        if MARKER in doc.text:
            raise ValueError(f"cannot read the {MARKER}\nsecond line")
        return real(doc)

    monkeypatch.setattr(analyzer_module, "extract_quantities", extract)


@pytest.fixture
def dying_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract_dates`` kills its process on any text holding the marker word."""
    real = extract_dates

    def extract(doc: Doc, published: Any) -> Any:
        if MARKER in doc.text:
            os._exit(3)
        return real(doc, published)

    monkeypatch.setattr(analyzer_module, "extract_dates", extract)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(AnalyzeOptions(errors="record"))


def test_a_failing_article_is_recorded_and_the_batch_goes_on(
    analyzer: Analyzer, exploding_quantities: None
) -> None:
    articles = [_article(1), _article(2, marker=True), _article(3)]
    outcomes = list(analyzer.outcomes(articles))
    assert [type(o) for o in outcomes] == [Analysis, AnalysisFailure, Analysis]
    failure = outcomes[1]
    assert isinstance(failure, AnalysisFailure)
    assert (failure.article, failure.source, failure.stage) == (
        articles[1].id,
        "in/2.txt",
        "quantities",
    )
    assert failure.error == f"ValueError: cannot read the {MARKER} second line"
    assert str(failure) == f"in/2.txt: analysis failed at quantities ({failure.error})"
    assert all(o.quotes for o in outcomes if isinstance(o, Analysis))


def test_the_raise_policy_propagates_the_error(
    analyzer: Analyzer, exploding_quantities: None
) -> None:
    articles = [_article(1), _article(2, marker=True)]
    with pytest.raises(ValueError, match=MARKER):
        list(analyzer.outcomes(articles, "raise"))
    with pytest.raises(ValueError, match=MARKER):
        list(analyzer.analyze_many(articles))


@Language.component("newsprism_test_explode")
def _explode(doc: Doc) -> Doc:
    if MARKER in doc.text:
        raise RuntimeError("component failed")
    return doc


def test_a_pipeline_error_inside_a_batch_fails_only_its_article() -> None:
    analyzer = Analyzer(AnalyzeOptions(errors="record"))
    analyzer.nlp.add_pipe("newsprism_test_explode", last=True)
    outcomes = list(analyzer.outcomes([_article(1), _article(2, marker=True), _article(3)]))
    assert [type(o) for o in outcomes] == [Analysis, AnalysisFailure, Analysis]
    assert isinstance(outcomes[1], AnalysisFailure) and outcomes[1].stage == "parse"


@forking
def test_the_worker_pool_obeys_the_same_policy(exploding_quantities: None) -> None:
    articles = [_article(n, marker=n == 3) for n in range(5)]
    options = AnalyzeOptions(processes=2, batch_size=2)
    outcomes = list(analyze_in_pool(articles, options))
    assert [getattr(o, "stage", None) for o in outcomes] == [None, None, None, "quantities", None]
    with pytest.raises(ValueError, match=MARKER):
        list(analyze_in_pool(articles, AnalyzeOptions(processes=2, batch_size=2, errors="raise")))


@forking
def test_a_dying_worker_fails_only_the_article_that_killed_it(dying_worker: None) -> None:
    articles = [_article(n, marker=n == 2) for n in range(5)]
    done: list[int] = []
    outcomes = list(
        analyze_in_pool(articles, AnalyzeOptions(processes=2, batch_size=2), done.append)
    )
    assert [o.article_id if isinstance(o, Analysis) else o.stage for o in outcomes] == [
        articles[0].id,
        articles[1].id,
        "worker",
        articles[3].id,
        articles[4].id,
    ]
    assert sum(done) == 5


@forking
def test_an_article_waiting_beside_a_dying_worker_is_not_blamed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first article is still being analysed when the second kills its worker, which
    breaks the whole pool: the first is run again, alone, and only the second fails."""
    import time

    real = extract_dates

    def extract(doc: Doc, published: Any) -> Any:
        if "Tessel0" in doc.text:
            time.sleep(2.0)  # still running when the other worker dies
        if MARKER in doc.text:
            os._exit(3)
        return real(doc, published)

    monkeypatch.setattr(analyzer_module, "extract_dates", extract)
    articles = [_article(n, marker=n == 1) for n in range(3)]
    outcomes = list(analyze_in_pool(articles, AnalyzeOptions(processes=2, batch_size=1)))
    assert [o.article_id if isinstance(o, Analysis) else o.stage for o in outcomes] == [
        articles[0].id,
        "worker",
        articles[2].id,
    ]


def test_failures_are_stored_and_a_rerun_retries_them(
    store: Store, monkeypatch: pytest.MonkeyPatch, exploding_quantities: None
) -> None:
    articles = [_article(1), _article(2, marker=True)]
    store.add_articles(articles)
    ids = [a.id for a in articles]
    run = analyze_run(store, ids)
    assert list(run.analyses) == [ids[0]]
    assert [(f.article, f.stage) for f in run.failures] == [(ids[1], "quantities")]
    assert store.analysis_failures(ids) == run.failures
    monkeypatch.undo()
    again = analyze_run(store, ids)
    assert list(again.analyses) == ids and again.failures == []
    assert store.analysis_failures(ids) == []


# --- the command line ----------------------------------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(write: Write, tmp_path: Path) -> Path:
    write("in/one.txt", "Pier closes\n\n" + BODY)
    write("in/two.txt", "Pier vote\n\n" + BODY.replace("Tessel", "Ridgemoor"))
    write("in/bad.txt", f"Pier {MARKER}\n\n" + BODY.replace("Tessel", MARKER))
    return tmp_path / "in"


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=forking)])
def test_analyze_reports_a_failed_article_and_the_rest(
    folder: Path, tmp_path: Path, exploding_quantities: None, jobs: str
) -> None:
    db = str(tmp_path / "f.db")
    code, stdout, stderr = _cli("analyze", str(folder), "--db", db, "-f", "json", "-j", jobs)
    assert code == 1
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [line for line in lines if "bad.txt" in line and "quantities" in line]
    assert len(lines) == 1 and "Traceback" not in stderr
    report = json.loads(stdout)
    [failure] = report["failures"]
    assert failure["source"].endswith("bad.txt") and failure["stage"] == "quantities"
    assert failure["error"].startswith("ValueError: cannot read")
    analysed = [a for a in report["articles"] if "quotes" in a]
    assert len(analysed) == 2 and all(a["quotes"] for a in analysed)
    assert {a for s in report["stories"] for a in s["articles"]} >= {a["id"] for a in analysed}
    shown = json.loads(_cli("article", failure["article"], "--db", db, "--json")[1])
    assert shown["failure"]["stage"] == "quantities"


def test_every_report_format_lists_the_failure(
    folder: Path, tmp_path: Path, exploding_quantities: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "f.db")
    for fmt, heading in (
        ("terminal", "Not analysed"),
        ("md", "## Not analysed"),
        ("html", "<h2>Not analysed"),
    ):
        out = tmp_path / f"report.{fmt}"
        code, _, stderr = _cli("analyze", str(folder), "--db", db, "-f", fmt, "-o", str(out))
        assert code == 1 and stderr.count("bad.txt") == 1
        text = out.read_text(encoding="utf-8")
        # The terminal table folds a long source path across lines (a deep tmp_path under
        # pytest -n puts "bad." and "txt" on two lines); its stage and error stay whole.
        named = (
            "quantities" in text and "Zorbulant" in text if fmt == "terminal" else "bad.txt" in text
        )
        assert heading in text and named
    monkeypatch.undo()
    code, stdout, stderr = _cli("analyze", str(folder), "--db", db, "-f", "json")
    assert code == 0 and stderr.strip() == ""
    report = json.loads(stdout)
    assert report["failures"] == [] and all("quotes" in a for a in report["articles"])
