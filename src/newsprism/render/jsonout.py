"""The JSON report: the stable, versioned interface (documented in docs/report-schema.md).

``schema_version`` changes only when a field is renamed or removed; new fields may be
added within a version. An article's ``quotes``, ``quantities``, ``dates`` and
``entities`` appear once it has been analysed; ``stories`` is an empty list until the
story stage exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from newsprism.codec import analysis_to_dict
from newsprism.model import Analysis, Article, Story

SCHEMA_VERSION = "1"


def article_to_dict(article: Article, *, with_removed: bool = False) -> dict[str, Any]:
    """One article in the report's ``articles`` shape."""
    data: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "credit": article.credit,
        "text": article.text,
        "headings": [
            {"text": h.text, "before_paragraph": h.before_paragraph} for h in article.headings
        ],
    }
    if with_removed:
        data["removed"] = [
            {"line": r.line, "reason": r.reason, "line_number": r.line_number}
            for r in article.removed
        ]
    return data


def story_to_dict(story: Story) -> dict[str, Any]:
    """One story in the report's ``stories`` shape."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "duplicates": [list(group) for group in story.duplicates],
        "first_published": story.first_published.isoformat() if story.first_published else None,
        "last_published": story.last_published.isoformat() if story.last_published else None,
    }


def report_dict(
    articles: Iterable[Article],
    analyses: Mapping[str, Analysis] | None = None,
    stories: Iterable[Story] = (),
) -> dict[str, Any]:
    """The whole report: schema version, articles (with their analyses), and stories."""
    found = analyses or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [_with_analysis(article_to_dict(a), found.get(a.id)) for a in articles],
        "stories": [story_to_dict(s) for s in stories],
    }


def _with_analysis(article: dict[str, Any], analysis: Analysis | None) -> dict[str, Any]:
    return {**article, **analysis_to_dict(analysis)} if analysis is not None else article


def dumps(data: Any) -> str:
    """JSON text as newsprism writes it: UTF-8 characters kept, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2)
