"""Ingest jobs: uploads and URLs read, analysed, grouped into stories and briefed in the
background, each stage's real outcome kept for the job's page and its JSON twin.

One worker thread runs the jobs one at a time, in order. Each upload is saved in its own
generated folder under a private temporary one, named by :func:`safe_name` (the user's
file name with any path, leading dots and odd characters dropped: the readers take an
otherwise unnamed article's outlet from it, as for a file given to ``newsprism ingest``);
the folder is removed when the job ends. An upload's articles are stored with the name it
was uploaded under as their source (the temporary path means nothing once the job ends,
and a new one each time kept a re-upload from correcting what the first one stored),
cleaned as :func:`stored_name` says (the browser's name is the uploader's to choose: a NUL,
a terminal escape or '..' in it was stored as it came).

An upload named like a manifest (``newsprism.csv``, ``newsprism.json``: see
:mod:`newsprism.ingest.manifest`) describes the files uploaded with it, so then the
uploads are saved together in one folder, each at the path the browser gave (a folder
upload gives ``scraped/sub/a.txt``; a name picked alone is just that), as they stood
beside the manifest for ``newsprism ingest``. The manifest gets its own result: ``ok``
(with what its rows did not match, if anything) or ``failed`` with the reason it cannot
be read, in which case the files are read without it, as the CLI reads them. An upload
beside a manifest corrects what an earlier upload of its name and text stored only in a
job asked to (the form's ``correct``); otherwise it is stored apart under its own outlet,
and its result names the outlets the text is stored under already.

Outcomes: each input gets ``ok``, ``duplicate`` or ``failed`` (with its reason); each stage
(``ingest``, ``analyze``, ``cluster``, ``brief``) gets ``ok``, ``partial`` (some items
failed, named in the job), ``failed`` (with a one-line reason) or ``skipped`` (nothing to do,
or an earlier stage failed). A job whose stage failed ends ``failed``, never ``done``.
"""

from __future__ import annotations

import logging
import queue
import re
import shutil
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from newsprism.errors import MalformedInput, NewsprismError, describe
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest, plan_inputs
from newsprism.ingest.manifest import MANIFEST_NAMES, is_manifest, read_manifest
from newsprism.model import Analysis, Story
from newsprism.store import Store
from newsprism.store_corrections import mark_origin, other_copies
from newsprism.web.kept import UPLOAD_ORIGIN, kept_note
from newsprism.web.uploads import new_upload_folder, sweep_stale_uploads

if TYPE_CHECKING:  # spaCy loads only when a job analyses
    from newsprism.analyze.analyzer import Analyzer

logger = logging.getLogger(__name__)

# Extensions kept on saved uploads (the readers pick a format by it).
# Anything else is saved without one, and the readers sniff its content.
_KNOWN_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".json"}
    | {".jsonl", ".ndjson", ".warc", ".arc", ".gz"}
)
# Finished jobs kept for their pages (a few kB each); older ones are forgotten (404).
KEEP_FINISHED = 200
MAX_NAME_CHARS = 80
_UNSAFE = re.compile(r"[^\w .-]+")
# The separators of the parts of an uploaded name (a browser on Windows sends either).
_SEPARATORS = re.compile(r"[/\\]")
# What no name in an upload's path may hold: control characters (NUL included; C1 too,
# as no_controls refuses them in a URL).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The longest name a file system takes, in bytes.
MAX_NAME_BYTES = 255

Status = Literal["ok", "duplicate", "failed"]
StageName = Literal["ingest", "analyze", "cluster", "brief"]
StageStatus = Literal["pending", "running", "ok", "partial", "failed", "skipped"]
JobState = Literal["queued", "running", "done", "failed"]
STAGES: tuple[StageName, ...] = ("ingest", "analyze", "cluster", "brief")
T = TypeVar("T")
PrepareBrief = Callable[[Store, Story], object]


@dataclass
class JobInput:
    """One input of a job: what the user sees, and what is read (a saved file or a URL);
    ``manifest`` when it is a manifest, read for the files beside it; ``source`` the
    name its articles are stored under (None: ``display``); ``unused`` why a manifest
    applies to no upload (another upload took its path)."""

    display: str
    target: str
    manifest: bool = False
    source: str | None = None
    unused: str | None = None


@dataclass
class InputResult:
    input: str
    status: Status
    reason: str | None = None


@dataclass
class Stage:
    """One stage of a job: its status, a one-line reason when it is not ``ok``, how many
    items it handled (articles read, analysed, grouped; briefs prepared), how many of
    them failed, and how long it ran (seconds, wall clock)."""

    name: StageName
    status: StageStatus = "pending"
    reason: str | None = None
    count: int = 0
    failed: int = 0
    seconds: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "reason": self.reason,
            "count": self.count,
            "failed": self.failed,
            "seconds": self.seconds,
        }


@dataclass(frozen=True)
class ArticleFailure:
    """An article that was stored but whose analysis failed."""

    article: str
    input: str | None
    reason: str


@dataclass
class Job:
    """An ingest job's progress, as ``GET /api/ingest/{job}`` reports it."""

    id: str
    inputs: list[JobInput]
    folder: Path | None
    state: JobState = "queued"
    reason: str | None = None
    results: list[InputResult] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=lambda: [Stage(name) for name in STAGES])
    stories: list[str] = field(default_factory=list)
    analysis_failures: list[ArticleFailure] = field(default_factory=list)
    input_of: dict[str, str] = field(default_factory=dict)
    # Whether an upload beside a manifest may correct the article an earlier job stored
    # from an upload of its name and text (the form's "correct" box; review s37/2 S2).
    correct: bool = False

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    def stage(self, name: StageName) -> Stage:
        return next(s for s in self.stages if s.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "reason": self.reason,
            "total": len(self.inputs),
            "done": len(self.results),
            "results": [
                {"input": r.input, "status": r.status, "reason": r.reason} for r in self.results
            ],
            "stages": [s.to_dict() for s in self.stages],
            "analysis_failures": [
                {"article": f.article, "input": f.input, "reason": f.reason}
                for f in self.analysis_failures
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


def safe_name(filename: str | None) -> str:
    """The name an upload is saved under: the last part of the user's name (either
    slash), word characters, spaces, ``-`` and inner dots only, at most ``MAX_NAME_CHARS``, with
    the extension kept only if the readers know it; ``upload`` if nothing is left."""
    base = _last_part(filename)
    suffix = safe_suffix(base)
    stem = base[: len(base) - len(suffix)] if suffix else base
    stem = _UNSAFE.sub("_", stem).strip("._ ")[:MAX_NAME_CHARS] or "upload"
    return stem + suffix


def upload_path(filename: str | None) -> str | None:
    """The relative path an upload is saved at beside a manifest: the user's path with
    empty, ``.`` and ``..`` parts dropped (so it stays in its folder), kept otherwise,
    since the manifest's rows name the files as they are; None when nothing is left or a
    part holds a control character or is too long for a file system."""
    parts = [p for p in _SEPARATORS.split(filename or "") if p not in ("", ".", "..")]
    if not parts or any(
        _CONTROL.search(p) or len(p.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
        for p in parts
    ):
        return None
    return "/".join(parts)


def stored_name(filename: str | None) -> str:
    """The source an upload's articles are stored under: the path it was uploaded as,
    with empty, ``.`` and ``..`` parts dropped (:func:`upload_path`), so that uploading it
    again corrects what the first upload stored; :func:`safe_name` when a part holds a
    control character or is too long."""
    return upload_path(filename) or safe_name(filename)


def safe_suffix(filename: str | None) -> str:
    """The extension a saved upload gets: the original one if the readers know it, else
    none (letters and dots only ever come from the fixed list above)."""
    suffix = Path(filename or "").suffix.lower()
    return suffix if suffix in _KNOWN_SUFFIXES else ""


class JobRunner:
    """Holds jobs by id and runs them on one daemon thread. Every queued or running job
    is kept; of the finished ones, the last ``keep_finished``."""

    def __init__(
        self,
        settings: JobSettings,
        prepare_brief: PrepareBrief | None = None,
        keep_finished: int = KEEP_FINISHED,
    ) -> None:
        self.settings = settings
        self.prepare_brief = prepare_brief
        self.keep_finished = keep_finished
        self._jobs: dict[str, Job] = {}
        self._finished: deque[str] = deque()
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loaded_analyzer: Analyzer | None = None
        # What a server killed mid-job left behind (its jobs' removal never ran).
        sweep_stale_uploads()

    def new_folder(self) -> Path:
        """A fresh private folder for one job's uploads."""
        return new_upload_folder()

    @staticmethod
    def save_upload(folder: Path, filename: str | None, data: bytes) -> JobInput:
        """Write one upload as ``folder/<generated>/<safe name>``; keep the user's name
        for display."""
        own = folder / uuid.uuid4().hex
        own.mkdir()
        path = own / safe_name(filename)
        path.write_bytes(data)
        manifest = is_manifest(path.name)
        return JobInput(filename or path.name, str(path), manifest, stored_name(filename))

    @classmethod
    def save_uploads(
        cls, folder: Path, uploads: Sequence[tuple[str | None, bytes]]
    ) -> list[JobInput]:
        """Write the uploads of one job: each in a folder of its own (:meth:`save_upload`),
        or, when one is a manifest, together in one folder at the paths the user gave
        (see the module docstring). A path taken already, or one that cannot be made,
        is saved in a folder of its own, where no uploaded manifest applies."""
        if not any(is_manifest(_last_part(name)) for name, _ in uploads):
            return [cls.save_upload(folder, name, data) for name, data in uploads]
        shared = folder / uuid.uuid4().hex
        shared.mkdir()
        saved: list[JobInput] = []
        for name, data in uploads:
            found = _saved_beside(shared, name, data)
            if found is None:
                found = cls.save_upload(folder, name, data)
                if found.manifest:  # alone in its folder: it said 'ok' and applied to nothing
                    found.unused = "not used: another upload has its path"
            saved.append(found)
        return saved

    def submit(self, inputs: list[JobInput], folder: Path | None, correct: bool = False) -> Job:
        """Queue a job; it starts when the jobs before it are done. ``correct``: its
        uploads beside a manifest may correct what an earlier upload of their name and
        text stored (see :attr:`Job.correct`)."""
        job = Job(uuid.uuid4().hex[:16], inputs, folder, correct=correct)
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

    def __len__(self) -> int:
        with self._lock:
            return len(self._jobs)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                run_job(job, self.settings, self.prepare_brief, self._analyzer())
            finally:
                self._forget_old(job)

    def _analyzer(self) -> Analyzer | None:
        """The job thread's own analyser, loaded on first use and kept (loading spaCy
        for every job cost ~2.4 s and grew the server's memory); None when jobs analyse
        in worker processes, which load their own. Failing to load is the analyse stage's
        failure, reported there, not here."""
        if self.settings.analyze_jobs > 1:
            return None
        if self._loaded_analyzer is None:
            from newsprism.analyze.analyzer import Analyzer

            try:
                self._loaded_analyzer = Analyzer()
            except Exception:
                logger.exception("could not load the analyser; the job's stage will say why")
                return None
        return self._loaded_analyzer

    def _forget_old(self, job: Job) -> None:
        with self._lock:
            self._finished.append(job.id)
            while len(self._finished) > self.keep_finished:
                self._jobs.pop(self._finished.popleft(), None)


def _last_part(filename: str | None) -> str:
    return _SEPARATORS.split(filename or "")[-1]


def _saved_beside(shared: Path, filename: str | None, data: bytes) -> JobInput | None:
    """The upload written at its own path under ``shared``; None if it cannot be."""
    relative = upload_path(filename)
    if relative is None:
        return None
    path = shared / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as out:  # "x": a second upload of one path is not written over
            out.write(data)
    except OSError as exc:  # taken, or a file where a folder of the path should be
        logger.info("upload %r saved apart (%s)", filename, exc)
        return None
    return JobInput(filename or relative, str(path), is_manifest(path.name), relative)


class _StageFailed(Exception):
    """A stage failed; its reason is recorded on the job."""


def run_job(
    job: Job,
    settings: JobSettings,
    prepare_brief: PrepareBrief | None = None,
    analyzer: Analyzer | None = None,
) -> None:
    """Run the job's stages in order and record each outcome; never raises. Cost: that of
    ``newsprism analyze`` on the same inputs, plus the briefs of the stories touched."""
    job.state = "running"
    try:
        with Store(settings.db) as store:
            _pipeline(job, store, settings, prepare_brief, analyzer)
    except _StageFailed:
        pass
    except Exception as exc:  # the store could not be opened or closed
        logger.exception("ingest job %s failed", job.id)
        open_stages = (s for s in job.stages if s.status in ("running", "pending"))
        _fail(job, next(open_stages, job.stages[-1]), exc)
    finally:
        _finish(job)


def _pipeline(
    job: Job,
    store: Store,
    settings: JobSettings,
    prepare_brief: PrepareBrief | None,
    analyzer: Analyzer | None = None,
) -> None:
    ids = _run_stage(job, "ingest", lambda stage: _ingest_inputs(job, stage, store, settings))
    if not ids:
        _skip_rest(job, "no article was read")
        return
    analyses = _run_stage(
        job, "analyze", lambda st: _analyze(job, st, store, ids, settings, analyzer)
    )
    if not analyses:
        _skip_rest(job, "no article was analysed")
        return
    stories = _run_stage(job, "cluster", lambda st: _cluster(st, store, ids, analyses, settings))
    job.stories = [s.id for s in stories]
    if prepare_brief is None:
        _skip_rest(job, "briefs are computed when a story is first opened")
        return
    _run_stage(job, "brief", lambda st: _prepare_briefs(st, store, stories, prepare_brief))


def _run_stage(job: Job, name: StageName, work: Callable[[Stage], T]) -> T:
    stage = job.stage(name)
    stage.status = "running"
    started = time.perf_counter()
    try:
        result = work(stage)
    except Exception as exc:
        if not isinstance(exc, NewsprismError):
            logger.exception("ingest job %s: stage %s failed", job.id, name)
        _fail(job, stage, exc)
        raise _StageFailed(name) from exc
    finally:
        stage.seconds = round(time.perf_counter() - started, 3)
    if stage.status == "running":
        stage.status = "partial" if stage.failed else "ok"
    return result


def _fail(job: Job, stage: Stage, exc: BaseException) -> None:
    stage.status, stage.reason = "failed", describe(exc)
    job.reason = job.reason or f"{stage.name}: {stage.reason}"


def _skip_rest(job: Job, reason: str) -> None:
    for stage in job.stages:
        if stage.status == "pending":
            stage.status, stage.reason = "skipped", reason


def _finish(job: Job) -> None:
    _skip_rest(job, "an earlier stage failed")
    failed = any(s.status == "failed" for s in job.stages)
    job.state = "failed" if failed else "done"
    if job.folder is not None:
        shutil.rmtree(job.folder.parent, ignore_errors=True)


def _result_of(
    display: str, report: IngestReport, manifests: Sequence[str] = (), kept: str | None = None
) -> InputResult:
    """The result of one input; failures and warnings of the uploaded ``manifests``
    (their paths) are left out: each manifest's own result says them (a row naming no
    upload was said again on every upload's line, each call reading the manifest).
    ``kept``: what a duplicate left as stored (:func:`newsprism.web.kept.kept_note`)."""
    failures = [f for f in report.failures if not _of_manifest(f.source, manifests)]
    warnings = [w for w in report.warnings if not _of_manifest(w.source, manifests)]
    if failures and not report.article_ids:
        return InputResult(display, "failed", "; ".join(f.reason for f in failures))
    # What the CLI prints as warnings (a language not analysed, an outlet guessed from
    # the file's name): a job dropped them all (review s36/2 M3), then kept them only
    # for an added article (review s37/2 M2: a duplicate under a guessed outlet is
    # where "named ... by its file name, as ... is" matters most).
    said = [w.message for w in warnings]
    if kept and (report.added or report.corrected):
        # A mixed upload (a new record beside a stored one whose URL changed) was 'ok'
        # without a word that the new URL was not taken (review s38/2 M3).
        count = len(set(report.duplicates))
        said = [f"{count} of its articles already in the store; {kept}", *said]
    if report.added:
        return InputResult(display, "ok", "; ".join(said) or None)
    if report.corrected:
        return InputResult(
            display, "ok", "; ".join(["the stored copy's metadata corrected", *said])
        )
    if report.edited:
        # An edit of a stored page is kept as a new version: an 'ok' read, not a
        # failure ('no article found') nor a duplicate; the warning says which version.
        return InputResult(display, "ok", "; ".join(said) or None)
    if report.duplicates:
        stored = ["already in the store", *([kept] if kept else [])]
        return InputResult(display, "duplicate", "; ".join([*stored, *said]))
    return InputResult(display, "failed", "no article found")


def _of_manifest(source: str, manifests: Sequence[str]) -> bool:
    """Whether a failure's ``source`` is one of ``manifests``, one of its rows
    ("PATH: row 3") or an entry under a manifest's name beside one. A prefix was not
    enough: an upload 'newsprism.csv.txt' lost the reason it failed."""
    if manifests and Path(source).name in MANIFEST_NAMES:
        return True  # an entry beside an uploaded manifest: its result says it
    return any(source == m or source.startswith(f"{m}: ") for m in manifests)


def _ingest_inputs(job: Job, stage: Stage, store: Store, settings: JobSettings) -> list[str]:
    """Ingest each input (a result per input as it ends; an exception in one input fails
    that input only). The stage fails when no input could be read."""
    root = str(job.folder) if job.folder is not None else None
    options = IngestOptions(max_bytes=settings.max_bytes, manifest_root=root)
    article_ids: list[str] = []
    manifests = [i.target for i in job.inputs if i.manifest]
    # One job is one run: two uploads named one outlet by their file names are warned
    # about as in one CLI run, though each is ingested by a call of its own.
    named_by_file: dict[str, str] = {}
    for item in job.inputs:
        if item.manifest:
            _add_result(job, stage, _manifest_result(item))
            continue
        try:
            stored = item.source or item.display
            names = {item.target: stored} if item.target != stored else None
            # An upload's name is no file's identity (two jobs' story.txt are any two
            # texts, or one wire text two outlets published): only an upload beside a
            # manifest, in a job the user asked to correct, corrects (review s37/2 S2:
            # a second outlet's upload relabelled the first's article, which was gone).
            correcting = job.correct and manifests and names
            origins = {item.target: f"{UPLOAD_ORIGIN}{stored}"} if correcting else None
            inputs = plan_inputs([item.target])
            report = ingest(
                store,
                inputs,
                options,
                source_names=names,
                origins=origins,
                named_by_file=named_by_file,
                tell_kept=False,  # said on the upload's line, with how to update them
            )
        except Exception as exc:
            if not isinstance(exc, NewsprismError):
                logger.exception("ingest job %s: input %s failed", job.id, item.display)
            _add_result(job, stage, InputResult(item.display, "failed", describe(exc)))
            continue
        kept = kept_note(store, report, f"{UPLOAD_ORIGIN}{stored}", bool(correcting))
        result = _result_of(item.display, report, manifests, kept)
        if manifests and names and not job.correct:
            _keep_apart(result, store, report.added, f"{UPLOAD_ORIGIN}{stored}")
        _add_result(job, stage, result)
        job.input_of.update(dict.fromkeys(report.article_ids, item.display))
        article_ids.extend(report.article_ids)
    stage.count = len(article_ids)
    if stage.failed == len(job.inputs):
        raise _NothingRead(f"none of the {len(job.inputs)} inputs could be read")
    return list(dict.fromkeys(article_ids))


def _keep_apart(result: InputResult, store: Store, added: Sequence[str], origin: str) -> None:
    """After an upload read without correcting: give its new articles the origin a
    correcting job looks for, and append to ``result`` the outlets under which an
    earlier upload of the same name stored the same text (stored apart, not corrected:
    one wire text two outlets published is two articles; a misspelt outlet is
    corrected by uploading again with the "correct" box ticked)."""
    with store.transaction() as conn:
        mark_origin(conn, added, origin)
        outlets = other_copies(conn, added)
    if not outlets:
        return
    named = ", ".join(repr(o) for o in outlets)
    note = (
        f"a copy of this text uploaded under this name is stored already under {named}; "
        "stored apart (to correct that copy's outlet, URL or date, upload again with "
        "'correct' ticked)"
    )
    result.reason = f"{result.reason}; {note}" if result.reason else note


def _add_result(job: Job, stage: Stage, result: InputResult) -> None:
    """Record one input's result, its reason naming uploads as the user named them (a
    reason quoting a saved upload's temporary path told the user nothing)."""
    if result.reason:
        for item in sorted(job.inputs, key=lambda i: len(i.target), reverse=True):
            if item.target != item.display:
                result.reason = result.reason.replace(item.target, item.display)
    stage.failed += int(result.status == "failed")
    job.results.append(result)


def _manifest_result(item: JobInput) -> InputResult:
    """An uploaded manifest's result: ``failed`` when it cannot be read or another one
    beside it is read instead, else ``ok``, with its rows' warnings (rows that name no
    uploaded file, files listed twice) and an unreadable entry under the other
    manifest name beside it as the reason."""
    if item.unused is not None:
        return InputResult(item.display, "failed", item.unused)
    path = Path(item.target)
    read = next((n for n in MANIFEST_NAMES if (path.parent / n).is_file()), path.name)
    if read != path.name:
        return InputResult(item.display, "failed", f"not used: {read} beside it is read instead")
    try:
        found = read_manifest(path.parent)
    except MalformedInput as exc:
        return InputResult(item.display, "failed", describe(exc))
    if found is None:
        return InputResult(item.display, "ok", None)
    # An entry under the other manifest name that is no file (an upload's folder named
    # newsprism.json): the CLI fails it, the job said nothing (stop 37's note).
    odd = [f"{Path(f.source).name}: {f.reason}" for f in found.failures]
    said = "; ".join([w.message for w in found.repeats] + odd)
    return InputResult(item.display, "ok", said or None)


class _NothingRead(NewsprismError):
    """Every input of a job failed (each one's reason is on its result)."""


def _analyze(
    job: Job,
    stage: Stage,
    store: Store,
    ids: Sequence[str],
    settings: JobSettings,
    analyzer: Analyzer | None = None,
) -> dict[str, Analysis]:
    """The analyses of the job's articles. An article whose analysis failed is a
    per-article failure (the analysis records it, with the step that failed, and goes on
    with the others); the stage fails only when no article could be analysed."""
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_run

    options = AnalyzeOptions(processes=settings.analyze_jobs)
    run = analyze_run(store, ids, options, analyzer=analyzer)
    recorded = {f.article: f"analysis failed at {f.stage}: {f.error}" for f in run.failures}
    missing = [i for i in ids if i not in run.analyses]
    for article in missing:
        reason = recorded.get(article, "no analysis was stored for this article")
        job.analysis_failures.append(ArticleFailure(article, job.input_of.get(article), reason))
    stage.count, stage.failed = len(run.analyses), len(missing)
    if missing and not run.analyses:
        raise _NothingAnalysed(f"the analysis of all {len(missing)} articles failed")
    return run.analyses


class _NothingAnalysed(NewsprismError):
    """No article of a job could be analysed (each one's reason is in the job)."""


def _cluster(
    stage: Stage,
    store: Store,
    ids: Sequence[str],
    analyses: Mapping[str, Analysis],
    settings: JobSettings,
) -> list[Story]:
    from newsprism.cluster.batch import StoryOptions
    from newsprism.cluster.stories import ClusterOptions
    from newsprism.flow import add_to_stories

    articles = store.get_articles([i for i in ids if i in analyses])
    options = StoryOptions(cluster=ClusterOptions(embeddings=settings.embeddings))
    stories = add_to_stories(store, articles, analyses, options)
    stage.count = len(articles)
    return stories


def _prepare_briefs(
    stage: Stage, store: Store, stories: Sequence[Story], prepare: PrepareBrief
) -> None:
    """Compute (and cache) the brief of each story touched, so its page opens at once; a
    story whose brief fails is named in the stage's reason, the others go on."""
    reasons: list[str] = []
    for story in stories:
        try:
            prepare(store, story)
        except Exception as exc:
            logger.exception("brief of story %s failed", story.id)
            reasons.append(f"story {story.id}: {describe(exc)}")
    stage.count, stage.failed = len(stories) - len(reasons), len(reasons)
    if reasons:
        stage.reason = reasons[0] + (f" (and {len(reasons) - 1} more)" if reasons[1:] else "")
        if not stage.count:
            raise _NoBrief(stage.reason)


class _NoBrief(NewsprismError):
    """No brief of a job's stories could be computed."""
