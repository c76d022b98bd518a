"""The JSON report: the stable, versioned interface (documented in docs/report-schema.md).

``schema_version`` changes only when a field is renamed or removed; new fields may be
added within a version. An article's ``quotes``, ``quantities``, ``dates`` and
``entities`` appear once it has been analysed; a story's brief fields (``summary``,
``statements``, ``facts``, ``discrepancies``, ``exclusives``, ``timeline``,
``entities``, ``framing``) appear once it has been cross-checked. Every extracted item
names its ``article`` and its ``start``/``end`` in that article's clean text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsprism.codec import analysis_to_dict
from newsprism.errors import AnalysisFailure, BriefFailure
from newsprism.model import (
    Analysis,
    Article,
    Brief,
    Discrepancy,
    Exclusive,
    Fact,
    FactValue,
    Framing,
    Headline,
    IngestFailure,
    OutletFraming,
    Passage,
    RosterEntry,
    Statement,
    Story,
    SummarySentence,
    TimelineEvent,
    Unanalysed,
    Variant,
)

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


def passage_to_dict(passage: Passage) -> dict[str, Any]:
    """Where a piece of text is: article id, outlet, text, start, end."""
    return {
        "article": passage.article,
        "outlet": passage.outlet,
        "text": passage.text,
        "start": passage.start,
        "end": passage.end,
    }


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "speaker": statement.speaker,
        "variants": [
            {**passage_to_dict(v.passage), "direct": v.direct, "speaker_mention": v.speaker_mention}
            for v in statement.variants
        ],
    }


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "about": fact.about,
        "unit": fact.unit,
        "status": fact.status,
        "agreement": fact.agreement,
        "values": [
            {**passage_to_dict(v.passage), "value": v.value, "approx": v.approx}
            for v in fact.values
        ],
    }


def _event(event: TimelineEvent) -> dict[str, Any]:
    articles = list(dict.fromkeys(m.article for m in event.mentions))
    return {
        "date": event.date,
        "text": event.text,
        "articles": articles,
        "mentions": [passage_to_dict(m) for m in event.mentions],
    }


def _framing(framing: Framing | None) -> dict[str, Any] | None:
    if framing is None:
        return None
    return {
        "headlines": [
            {"article": h.article, "outlet": h.outlet, "title": h.title} for h in framing.headlines
        ],
        "outlets": [
            {
                "outlet": o.outlet,
                "articles": list(o.articles),
                "statements": list(o.statements),
                "facts": list(o.facts),
                "voices": [{"speaker": name, "share": share} for name, share in o.voices],
            }
            for o in framing.outlets
        ],
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """One story with its brief, in the report's ``stories`` shape."""
    return {
        **story_to_dict(brief.story),
        "summary": [
            {
                **passage_to_dict(s.passage),
                "sources": list(s.sources),
                "support": [passage_to_dict(p) for p in s.support],
                "disputed": [passage_to_dict(p) for p in s.disputed],
            }
            for s in brief.summary
        ],
        "statements": [_statement(s) for s in brief.statements],
        "facts": [_fact(f) for f in brief.facts],
        "discrepancies": [
            {"about": d.about, "kind": d.kind, "claims": [passage_to_dict(c) for c in d.claims]}
            for d in brief.discrepancies
        ],
        "exclusives": [{**passage_to_dict(e.passage), "kind": e.kind} for e in brief.exclusives],
        "timeline": [_event(e) for e in brief.timeline],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "articles": list(e.articles),
            }
            for e in brief.entities
        ],
        "framing": _framing(brief.framing),
        **_unanalysed(brief),
    }


def _unanalysed(brief: Brief) -> dict[str, Any]:
    """``{"unanalysed": [...]}`` for a story holding articles the analysis did not read,
    else nothing: the key is optional, so a story whose articles were all read keeps the
    report it had (byte for byte)."""
    if not brief.unanalysed:
        return {}
    items = [
        {"article": u.article, "outlet": u.outlet, "language": u.language} for u in brief.unanalysed
    ]
    return {"unanalysed": items}


# --- decoding: the inverse of brief_to_dict (stored briefs are read back with it) --------


def _passage_from(data: Mapping[str, Any]) -> Passage:
    return Passage(data["article"], data["outlet"], data["text"], data["start"], data["end"])


def _passages_from(items: Any) -> tuple[Passage, ...]:
    return tuple(_passage_from(p) for p in items)


def _summary_from(data: Mapping[str, Any]) -> SummarySentence:
    return SummarySentence(
        _passage_from(data), tuple(data["sources"]), _passages_from(data["support"]),
        _passages_from(data["disputed"]),
    )  # fmt: skip


def _statement_from(data: Mapping[str, Any]) -> Statement:
    variants = tuple(
        Variant(_passage_from(v), v["direct"], v["speaker_mention"]) for v in data["variants"]
    )
    return Statement(data["id"], data["speaker"], variants)


def _fact_from(data: Mapping[str, Any]) -> Fact:
    values = tuple(FactValue(_passage_from(v), v["value"], v["approx"]) for v in data["values"])
    return Fact(
        data["id"], data["about"], data["unit"], data["status"], values, data.get("agreement")
    )


def _framing_from(data: Mapping[str, Any] | None) -> Framing | None:
    if data is None:
        return None
    headlines = tuple(Headline(h["article"], h["outlet"], h["title"]) for h in data["headlines"])
    outlets = tuple(
        OutletFraming(
            o["outlet"],
            tuple(o["articles"]),
            tuple(o["statements"]),
            tuple(o["facts"]),
            tuple((v["speaker"], v["share"]) for v in o["voices"]),
        )
        for o in data["outlets"]
    )
    return Framing(headlines, outlets)


def brief_from_dict(data: Mapping[str, Any], story: Story) -> Brief:
    """The brief :func:`brief_to_dict` wrote, for ``story``
    (the story's own fields are taken from ``story``, the current stored one). Raises
    KeyError or TypeError on a dict of another shape."""
    return Brief(
        story=story,
        summary=tuple(_summary_from(s) for s in data["summary"]),
        statements=tuple(_statement_from(s) for s in data["statements"]),
        facts=tuple(_fact_from(f) for f in data["facts"]),
        discrepancies=tuple(
            Discrepancy(d["about"], d["kind"], _passages_from(d["claims"]))
            for d in data["discrepancies"]
        ),
        exclusives=tuple(Exclusive(e["kind"], _passage_from(e)) for e in data["exclusives"]),
        timeline=tuple(
            TimelineEvent(e["date"], e["text"], _passages_from(e["mentions"]))
            for e in data["timeline"]
        ),
        entities=tuple(
            RosterEntry(e["name"], e["type"], tuple(e["aliases"]), tuple(e["articles"]))
            for e in data["entities"]
        ),
        framing=_framing_from(data["framing"]),
        unanalysed=tuple(
            Unanalysed(u["article"], u["outlet"], u["language"]) for u in data.get("unanalysed", ())
        ),
    )


def report_dict(
    articles: Iterable[Article],
    analyses: Mapping[str, Analysis] | None = None,
    stories: Iterable[Story | Brief] = (),
    failures: Iterable[AnalysisFailure | IngestFailure | BriefFailure] = (),
) -> dict[str, Any]:
    """The whole report: schema version, articles (with their analyses), stories (with
    their briefs when given briefs), and what failed (inputs and analyses)."""
    found = analyses or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [_with_analysis(article_to_dict(a), found.get(a.id)) for a in articles],
        "stories": [
            brief_to_dict(s) if isinstance(s, Brief) else story_to_dict(s) for s in stories
        ],
        "failures": [failure_to_dict(f) for f in failures],
    }


def failure_to_dict(failure: AnalysisFailure | IngestFailure | BriefFailure) -> dict[str, Any]:
    """One failure in the report's ``failures`` shape: an input that could not be read
    (``article`` null, ``stage`` "ingest"), an article whose analysis raised, or a story
    whose cross-check raised (``article`` null, ``stage`` "brief")."""
    if isinstance(failure, IngestFailure):
        article, stage, error = None, "ingest", failure.reason
    elif isinstance(failure, BriefFailure):
        article, stage, error = None, "brief", failure.error
    else:
        article, stage, error = failure.article, failure.stage, failure.error
    return {"article": article, "source": failure.source, "stage": stage, "error": error}


def _with_analysis(article: dict[str, Any], analysis: Analysis | None) -> dict[str, Any]:
    return {**article, **analysis_to_dict(analysis)} if analysis is not None else article


def dumps(data: Any) -> str:
    """JSON text as newsprism writes it: UTF-8 characters kept, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def failures_heading(failures: Sequence[Mapping[str, Any]]) -> str:
    """The title over a report's failures, naming what was not done: an input or article
    that failed was not analysed, a story whose brief failed (stage ``brief``) was
    analysed but not cross-checked; every report format uses this one title."""
    briefs = sum(f["stage"] == "brief" for f in failures)
    if not briefs:
        return "Not analysed"
    return "Not cross-checked" if briefs == len(failures) else "Not analysed or not cross-checked"
