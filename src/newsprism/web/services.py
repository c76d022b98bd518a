"""What the routes share: the app's options, the store, templates, the brief cache and jobs.

Kept apart from ``app`` (the wiring) so that the route modules import it without importing
the app that includes them.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsprism import __version__
from newsprism.model import Story, Verification
from newsprism.render.briefs import (
    NO_EVENTS,
    NO_NUMBERS,
    NO_SUMMARY,
    disputing_outlets,
    fact_status,
    no_exclusives,
)
from newsprism.render.lists import capped, more
from newsprism.render.speakers import speaker_label
from newsprism.render.terminal import counted
from newsprism.render.unread import exclusives_heading, unread_note
from newsprism.store import Store
from newsprism.web.jobs import JobRunner, JobSettings
from newsprism.web.views import BriefCache, CachedBrief

if TYPE_CHECKING:
    from newsprism.reconcile.stored import StoredBriefs
    from newsprism.reconcile.verify import Verifier

logger = logging.getLogger(__name__)

# The longest summary verified: a long digest is a few thousand characters; 20,000 keeps a
# verification (one analysis, one similarity matrix) within a few seconds.
MAX_SUMMARY_CHARS = 20_000
# The largest verify request body read: every character escaped as a JSON surrogate pair
# or percent-encoded UTF-8 (12 bytes at most), plus the field's name and the braces.
MAX_SUMMARY_BYTES = MAX_SUMMARY_CHARS * 12 + 1024

# Host names always served: the loopback addresses a local browser uses.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class WebOptions:
    """How the app runs: ``embeddings`` for briefs and grouping ("off" in tests), the
    largest request body accepted on the ingest routes, story-list page size, the analysis
    processes an ingest job uses, and the host names served besides the loopback ones
    (``Host`` is checked against them, against DNS rebinding)."""

    embeddings: Literal["auto", "off", "on"] = "auto"
    max_upload_bytes: int = 10 * 1024 * 1024
    page_size: int = 25
    analyze_jobs: int = 1
    allowed_hosts: tuple[str, ...] = ()

    def hosts(self) -> frozenset[str]:
        """Every host name served, lower-case, without brackets or a trailing dot."""
        return frozenset(normal_host(h) for h in (*LOCAL_HOSTS, *self.allowed_hosts))


def normal_host(name: str) -> str:
    """A host name as compared: lower-case, IPv6 brackets and a trailing dot removed."""
    return name.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")


class Services:
    """What the routes share: the store path, options, templates, brief cache, jobs and
    the summary verifier."""

    def __init__(self, db: Path, options: WebOptions) -> None:
        self.db = db
        self.options = options
        self.hosts = options.hosts()
        self.templates = Environment(
            loader=PackageLoader("newsprism.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.globals["version"] = __version__
        # Long lists cut with a count, as in the report files (the JSON API keeps all).
        self.templates.globals.update(capped=capped, more=more)
        # An agreeing fact says "agree (exact)" or "agree (compatible)", as the reports do.
        self.templates.globals["fact_status"] = fact_status
        # What an empty section says and how counts read, as in the report files: a
        # heading over nothing read as output lost, and "1 articles" as careless.
        self.templates.globals.update(
            counted=counted,
            disputing_outlets=disputing_outlets,
            speaker_label=speaker_label,
            no_summary=NO_SUMMARY,
            no_numbers=NO_NUMBERS,
            no_events=NO_EVENTS,
            no_exclusives=no_exclusives,
            # A story holding articles the analysis did not read says so, as the
            # report files do (render/unread.py).
            unread_note=unread_note,
            exclusives_heading=exclusives_heading,
        )
        self.briefs = BriefCache(self._make_brief)
        self.jobs = JobRunner(
            JobSettings(db, options.max_upload_bytes, options.analyze_jobs, options.embeddings),
            prepare_brief=self.briefs.get,
        )
        self._stored: StoredBriefs | None = None
        self._verifier: Verifier | None = None
        # One brief or one verification at a time: they share the similarity model (the
        # dense one's embedding cache is a plain dict, cleared when full) and the
        # verifier's spaCy pipeline, neither of them safe to use from two threads.
        self._model_lock = threading.Lock()

    def store(self) -> Store:
        """A fresh store connection for one request (SQLite connections stay per thread)."""
        return Store(self.db)

    @property
    def stored_briefs(self) -> StoredBriefs:
        """The briefs kept in the store (its reconciler made on the first brief computed)."""
        from newsprism.reconcile.brief import BriefOptions
        from newsprism.reconcile.stored import StoredBriefs

        if self._stored is None:
            self._stored = StoredBriefs(BriefOptions(embeddings=self.options.embeddings))
        return self._stored

    def _make_brief(self, store: Store, story: Story) -> CachedBrief:
        """The in-memory cache's miss: the stored brief (no model needed), else one
        computed under the model lock and stored."""
        from newsprism.reconcile.brief import material_of

        found = self.stored_briefs.lookup(store, story)
        if found is not None:
            return CachedBrief(found, store.get_articles(story.articles))
        with self._model_lock:
            material = material_of(store, story)
            brief = self.stored_briefs.get(store, story, material)  # stored meanwhile?
            return CachedBrief(brief, list(material.articles))

    def verify(self, store: Store, story: Story, summary: str) -> Verification:
        """``summary`` checked against ``story``'s sources with the story's cached brief
        (computed first if needed) and the brief's own similarity model."""
        from newsprism.reconcile.brief import material_of
        from newsprism.reconcile.verify import Verifier

        cached = self.briefs.get(store, story)
        material = material_of(store, story)
        with self._model_lock:
            if self._verifier is None:
                self._verifier = Verifier(self.stored_briefs.reconciler.similarity)
            return self._verifier.verify(material, cached.brief, summary)

    def render(self, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        """A page from the templates (autoescaped)."""
        return HTMLResponse(self.render_text(name, **context), status_code=status_code)

    def render_text(self, name: str, **context: Any) -> str:
        """The text of a page from the templates (autoescaped)."""
        return self.templates.get_template(name).render(**context)


def services(request: Request) -> Services:
    """The app's shared services (a FastAPI dependency)."""
    found: Services = request.app.state.services
    return found
