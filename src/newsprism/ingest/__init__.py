"""Ingest: turn inputs (files, folders, globs, stdin, URLs, feeds, WARC crawls) into articles.

Public surface: :class:`IngestOptions`, :func:`read_inputs` (a stream of
:class:`~newsprism.model.Article` or :class:`~newsprism.model.IngestFailure`) and
:func:`build_article`. Readers live in private modules, one per format.
"""

from newsprism.ingest.pipeline import IngestOptions, build_article, read_inputs

__all__ = ["IngestOptions", "build_article", "read_inputs"]
