"""Ingest jobs: uploads and URLs read, analysed and grouped into stories in the background.

One worker thread runs the jobs one at a time, in order. Uploads are saved under a
temporary folder with generated names (the user's file name is kept for display only and
never touches the filesystem); the folder is removed when the job ends.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest, plan_inputs
from newsprism.model import Article
from newsprism.store import Store

logger = logging.getLogger(__name__)

# Extensions kept on saved uploads (the readers pick a format by it).
# Anything else is saved without one, and the readers sniff its content.
_KNOWN_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".json"}
    | {".jsonl", ".ndjson", ".warc", ".arc", ".gz"}
)
Status = Literal["ok", "duplicate", "failed"]


@dataclass
class JobInput:
    """One input of a job: what the user sees, and what is read (a saved file or a URL)."""

    display: str
    target: str


@dataclass
class InputResult:
    input: str
    status: Status
    reason: str | None = None


@dataclass
class Job:
    """An ingest job's progress, as ``GET /api/ingest/{job}`` reports it."""

    id: str
    inputs: list[JobInput]
    folder: Path | None
    state: Literal["running", "done"] = "running"
    results: list[InputResult] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "total": len(self.inputs),
            "done": len(self.results),
            "results": [
                {"input": r.input, "status": r.status, "reason": r.reason} for r in self.results
            ],
            "stories": list(self.stories),
        }


@dataclass(frozen=True)
class JobSettings:
    """What a job needs to run: the store, the largest input, analysis processes and the
    embeddings setting for grouping."""

    db: Path
    max_bytes: int
    analyze_jobs: int = 1
    embeddings: Literal["auto", "off", "on"] = "auto"


def safe_suffix(filename: str | None) -> str:
    """The extension a saved upload gets: the original one if the readers know it, else
    none (letters and dots only ever come from the fixed list above)."""
    suffix = Path(filename or "").suffix.lower()
    return suffix if suffix in _KNOWN_SUFFIXES else ""


class JobRunner:
    """Holds jobs by id and runs them on one daemon thread. Jobs are kept in memory for
    the life of the app (a few hundred bytes each)."""

    def __init__(self, settings: JobSettings) -> None:
        self.settings = settings
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def new_folder(self) -> Path:
        """A fresh private folder for one job's uploads (``uploads`` is the outlet of
        last resort the readers see)."""
        folder = Path(tempfile.mkdtemp(prefix="newsprism-upload-")) / "uploads"
        folder.mkdir()
        return folder

    @staticmethod
    def save_upload(folder: Path, filename: str | None, data: bytes) -> JobInput:
        """Write one upload under a generated name; keep the user's name for display."""
        path = folder / f"{uuid.uuid4().hex}{safe_suffix(filename)}"
        path.write_bytes(data)
        return JobInput(filename or path.name, str(path))

    def submit(self, inputs: list[JobInput], folder: Path | None) -> Job:
        """Queue a job; it starts when the jobs before it are done."""
        job = Job(uuid.uuid4().hex[:16], inputs, folder)
        with self._lock:
            self._jobs[job.id] = job
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="ingest", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                run_job(job, self.settings)
            except Exception:
                logger.exception("ingest job %s failed", job.id)
                for item in job.inputs[len(job.results) :]:
                    job.results.append(InputResult(item.display, "failed", "internal error"))
            finally:
                job.state = "done"
                if job.folder is not None:
                    shutil.rmtree(job.folder.parent, ignore_errors=True)


def _result_of(display: str, report: IngestReport) -> InputResult:
    if report.failures and not report.article_ids:
        return InputResult(display, "failed", "; ".join(f.reason for f in report.failures))
    if report.added:
        return InputResult(display, "ok")
    if report.duplicates:
        return InputResult(display, "duplicate", "already in the store")
    return InputResult(display, "failed", "no article found")


def run_job(job: Job, settings: JobSettings) -> None:
    """Ingest each input (a result per input as it ends), then analyse and group the
    articles read. Cost: that of ``newsprism analyze`` on the same inputs."""
    options = IngestOptions(max_bytes=settings.max_bytes)
    article_ids: list[str] = []
    with Store(settings.db) as store:
        for item in job.inputs:
            report = ingest(store, plan_inputs([item.target]), options)
            article_ids.extend(report.article_ids)
            job.results.append(_result_of(item.display, report))
        if article_ids:
            job.stories = _analyse_and_group(store, article_ids, settings)


def _analyse_and_group(store: Store, article_ids: list[str], settings: JobSettings) -> list[str]:
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_stored
    from newsprism.cluster.batch import StoryOptions, cluster_stored
    from newsprism.cluster.stories import ClusterOptions

    analyses = analyze_stored(store, article_ids, AnalyzeOptions(processes=settings.analyze_jobs))
    articles: list[Article] = store.get_articles(article_ids)
    options = StoryOptions(cluster=ClusterOptions(embeddings=settings.embeddings))
    return [s.id for s in cluster_stored(store, articles, analyses, options)]
