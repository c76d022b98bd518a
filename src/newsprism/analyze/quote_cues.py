"""Reporting verbs, and the attribution one of them gives, for :mod:`newsprism.analyze.quotes`
and the passes beside it (:mod:`newsprism.analyze.quote_blocks`,
:mod:`newsprism.analyze.quote_transcripts`).

:data:`CUE_VERBS` names the verbs by lemma with the kind of report each makes;
:func:`attribution_of` gives a verb's cue and speaker mention when it has a subject that
can speak (its subject, and the parser's known misreadings of reporting sentences, are
:mod:`newsprism.analyze.quote_subjects`'); "according to X" and "went on" count too.

Cost: a few token look-ups per verb.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.quote_drafts import Attribution
from newsprism.analyze.quote_subjects import (
    delivered_by,
    infinitive,
    noun_gerund,
    subject_of,
    verb_like,
)
from newsprism.analyze.reported_speech import described_subject
from newsprism.analyze.speaker_mentions import cue_offsets, mention_offsets
from newsprism.analyze.speaker_resolution import SpeakerDoc

logger = logging.getLogger(__name__)

__all__ = ["CUE_VERBS", "INDIRECT_KINDS", "according_to", "attribution_of", "cue_lemma", "is_cue"]


#: Reporting verbs by lemma, with the kind of report each makes. Every kind attributes a
#: direct quote; all but "label" also introduce indirect speech with a ``ccomp`` clause
#: ("called the offer a 'non-starter'" has no clause to report, and "found that" or
#: "fear that" would turn every finding and worry into a statement).
CUE_VERBS: Final[dict[str, str]] = {
    lemma: kind
    for kind, lemmas in {
        # Neutral verbs of saying: the bulk of news attributions.
        "speech": (
            "say tell add state declare announce explain note remark observe comment "
            "continue reply respond answer counter recall read testify report confirm repeat "
            "reiterate recount reaffirm assure "
            # "fired back with a post, reminding the mayor that he had invited him":
            # read off a BASIL calibration statement that had no unit.
            "remind"
        ),
        # Verbs that also take a stance on what is said.
        "stance": (
            "insist warn argue claim contend maintain assert allege stress emphasize "
            "emphasise acknowledge admit concede deny suggest predict promise vow pledge "
            "caution charge complain boast joke quip agree ask wonder urge demand plead "
            "shout yell scream exclaim whisper mutter lament conclude retort propose "
            # Conjecture ("..., the chemist theorized"; "the team hypothesized that
            # ..."): a claim put forward, which other outlets render as said (added for
            # a Multi-News development statement that had no unit; a thing as subject
            # is no speaker here either).
            "theorize theorise speculate hypothesize hypothesise posit surmise"
        ),
        # Written and posted words.
        "writing": "write tweet post blog email text",
        # Verbs that frame a partial quote as a name or a judgement of something.
        "label": (
            "call describe dub label brand term characterize characterise deride praise "
            "hail slam dismiss laud accuse liken compare condemn denounce proclaim put rate "
            "attack cite reference blast criticize criticise mock echo decry rule refer "
            "quote invoke tout question blame thank defend reject fear find rip lambaste "
            "chastise apologize apologise recommend"
        ),
    }.items()
    for lemma in lemmas.split()
}
INDIRECT_KINDS: Final = frozenset({"speech", "stance", "writing"})
# Subjects that never name a speaker ("that makes me smart", "there are ...").
_NOT_SPEAKERS: Final = frozenset({"that", "this", "there", "what", "which", "these", "those"})


def attribution_of(ctx: SpeakerDoc, token: Token) -> Attribution | None:
    """The cue and speaker when ``token`` is a reporting verb with a speaker, else None."""
    if ctx.quoted[token.i]:
        return None
    if token.lower_ == "according":
        return according_to(token)
    cue = cue_lemma(token) in CUE_VERBS or _goes_on(token)
    if not cue or not (verb_like(token) or infinitive(token)):
        return None
    subject = subject_of(ctx, token)
    if subject is None or (subject.lower_ in _NOT_SPEAKERS and not described_subject(subject)):
        return None
    return Attribution(cue_offsets(token), mention_offsets(subject))


def cue_lemma(token: Token) -> str:
    """The token's lemma; of a gerund read as a noun, the verb's ("claiming" -> "claim",
    "noting" -> "note", "admitting" -> "admit")."""
    if not noun_gerund(token):
        return token.lemma_.lower()
    stem = token.lower_[:-3]
    forms = (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else stem)
    return next((f for f in forms if f in CUE_VERBS), token.lemma_.lower())


def is_cue(token: Token) -> bool:
    """Whether ``token`` is a reporting verb of :data:`CUE_VERBS`."""
    return cue_lemma(token) in CUE_VERBS


def _goes_on(token: Token) -> bool:
    """``He went on, "…"``: "go on" carries a quote on like "continue" (direct quotes
    only: "went on to ..." reports through its own verb)."""
    return token.lemma_.lower() == "go" and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in token.children
    )


def according_to(token: Token) -> Attribution | None:
    """``according to X``: the phrase as the cue, X (or who delivered X's words) the
    speaker."""
    for prep in token.children:
        if prep.lower_ == "to":
            for source in prep.children:
                if source.dep_ == "pobj":
                    speaker = delivered_by(source) or source
                    return Attribution((token.idx, prep.idx + len(prep)), mention_offsets(speaker))
    return None
