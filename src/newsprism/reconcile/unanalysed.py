"""A story's articles the analysis did not read, and what that does to a brief.

The analysis reads the languages of :data:`~newsprism.analyze.analyzer.SUPPORTED_LANGUAGES`
only; an article in another language is stored, clustered into its story, and left
unanalysed (ingest warns). Such an article may tell anything the analysed ones tell, so
a brief says which articles it did not read (:attr:`Brief.unanalysed`), and "only one
source reports" means "only one *analysed* source reports": a story with fewer than two
analysed sources has nothing to compare and lists no exclusive (as a one-article story).

An article whose language is unknown (``None``: too short to tell) was analysed, as
ingest does.

Cost: linear in the story's articles.
"""

from __future__ import annotations

import logging

from newsprism.analyze.analyzer import is_supported
from newsprism.model import Article, Unanalysed
from newsprism.reconcile.material import StoryMaterial

logger = logging.getLogger(__name__)

__all__ = ["analysed_articles", "is_analysed", "unanalysed_articles"]


def is_analysed(article: Article) -> bool:
    """Whether the analysis reads the article's language (unknown counts as read)."""
    return is_supported(article)


def analysed_articles(material: StoryMaterial) -> list[Article]:
    """The story's articles the analysis read, in story order."""
    return [a for a in material.articles if is_analysed(a)]


def unanalysed_articles(material: StoryMaterial) -> tuple[Unanalysed, ...]:
    """The story's articles left unanalysed for their language, in story order."""
    found = tuple(
        Unanalysed(a.id, material.outlet(a.id), a.language or "")
        for a in material.articles
        if not is_analysed(a)
    )
    if found:
        logger.debug("story %s: %d articles not analysed", material.story.id, len(found))
    return found
