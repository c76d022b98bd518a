"""Indirect speech: the clause or phrase a reporting verb outside quote marks reports,
for :mod:`newsprism.analyze.quotes` (its module doc, part 2, lists the forms).

A verb that is negated, or the complement of a refusal ("declined to say whether
…"), reports nothing; nor does one that leaves a question open ("will confirm whether
…"), nor a research field's standing conjecture ("Scientists have long theorized that
…"). Split out of :mod:`newsprism.analyze.quotes`; tested in
``tests/test_reported_speech.py``, ``tests/test_quotes_refusals.py`` and the other
``tests/test_quotes_*`` files.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from newsprism.analyze.quote_cues import (
    CUE_VERBS,
    INDIRECT_KINDS,
    according_to,
    attribution_of,
    cue_lemma,
)
from newsprism.analyze.quote_datelines import after_dateline
from newsprism.analyze.quote_drafts import Attribution, Draft, within_nesting
from newsprism.analyze.quote_extents import (
    bracketing_clause,
    circumstance_clause,
    fronted_topic,
    relative_read_clause,
    requested_extent,
)
from newsprism.analyze.quote_modality import unasserted
from newsprism.analyze.quote_namings import named_extent
from newsprism.analyze.quote_questions import answer_extent, aside_answer
from newsprism.analyze.quote_subjects import fronted_subject_clause, subject_of, verb_like
from newsprism.analyze.reported_speech import (
    after_colon,
    committed_extent,
    following_clause,
    noun_statements,
    object_read_subject,
    question_clause,
    set_off_extent,
    stated_object,
)
from newsprism.analyze.speaker_resolution import SpeakerDoc
from newsprism.analyze.speech_nouns import speech_nouns

__all__ = ["indirect_drafts"]

# A requested or apologised-for phrase ("called for calm", "asked for comment") shorter
# than this names no claim another outlet could render; 3 words keep "called for armed
# guards" and "apologized for the remarks" (set by reading, not fitted).
_NOMINAL_MIN_WORDS: Final = 3
# Marks the tokenizer splits off a figure that are its unit, not punctuation of the
# clause: "a rent rise of 15%, their association said" keeps its "%".
_UNIT_MARKS: Final = frozenset("%\u2030\u2031")


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


# Verbs whose infinitive complement is what was not done: "declined to say whether …",
# "refused to confirm that …", "avoided speculating …" (review s34 F8). Not "hesitate":
# "did not hesitate to say" says it.
_REFUSALS: Final = frozenset({"decline", "refuse", "avoid", "reject", "resist", "refrain"})
# Verbs whose negation refuses their complement: "would not want to speculate that …".
_WILLING: Final = frozenset({"want", "wish", "care", "dare", "venture", "agree", "choose"})


# Verbs whose "whether"/"if" clause is the question they put, the reported words.
_QUESTIONING: Final = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query"})


def _open_question(verb: Token, clause: Token) -> bool:
    """A "whether"/"if" clause after a verb that does not ask: a question left open
    ("will say on Monday whether the captain was drunk", "will confirm whether …"), no
    assertion of its content (review s34 F8)."""
    if verb.lemma_.lower() in _QUESTIONING:
        return False
    marks = (c for c in clause.children if c.dep_ == "mark" and c.i < clause.i)
    return any(m.lower_ in ("whether", "if") for m in marks)


def _refused(token: Token) -> bool:
    """Whether a cue verb is the complement of a refusal, so nothing was said:
    "declined to say whether …", "refused to confirm that …", "did not want to
    speculate that …", "was unwilling to say that …". The chain of complements is
    climbed ("declined to be drawn to say")."""
    verb = token
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "pcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        lemma = verb.lemma_.lower()
        if lemma in _REFUSALS or (lemma in _WILLING and _negated(verb)):
            return True
        if verb.pos_ == "ADJ" and lemma in ("unwilling", "reluctant", "loath", "loth"):
            return True
    return False


def indirect_drafts(ctx: SpeakerDoc) -> list[Draft]:
    """The article's indirect statements: reported clauses of cue verbs outside quote
    marks, "according to" clauses and noun speech acts, the outermost of nested ones."""
    drafts = []
    for token in ctx.doc:
        if ctx.quoted[token.i]:
            continue
        found = _reported_clause(ctx, token)
        if found is not None:
            drafts.append(found)
    for first, last, attribution in noun_statements(ctx) + speech_nouns(ctx):
        found = _clause_draft(ctx, first, last, attribution, _NOMINAL_MIN_WORDS)
        if found is not None:
            drafts.append(found)
    return within_nesting(drafts)


def _reported_clause(ctx: SpeakerDoc, token: Token) -> Draft | None:
    if token.lower_ == "according" and token.dep_ == "prep":
        return _according_clause(ctx, token)
    if not verb_like(token) or _negated(token) or _refused(token) or unasserted(token):
        # "did not say whether the fire was linked to …", "might say no", "Would Holt
        # call the levy a tax?": nothing was said
        return None
    indirect = CUE_VERBS.get(cue_lemma(token)) in INDIRECT_KINDS
    extent = _reported_extent(ctx, token) if indirect else None
    nominal = extent is None
    if nominal:
        # "called for armed guards in every school", "urged Congress to act": a
        # request or apology whose content is a phrase, not a clause.
        # "called the levy a tax on the poor": a judgement given as a name.
        extent = (
            requested_extent(token)
            or committed_extent(token)
            or stated_object(token)
            or named_extent(token)
        )
    if extent is not None:
        # "Holt was asked if the ferry would stop", "Asked whether ..., Holt said": a
        # question put is nobody's statement; "said, when asked about X, that Y" keeps Y
        extent = answer_extent(token, *extent)
    if extent is None:
        return None
    attribution = attribution_of(ctx, token)
    if attribution is None or _field_conjecture(ctx, token):
        return None
    return _clause_draft(ctx, *extent, attribution, _NOMINAL_MIN_WORDS if nominal else 1)


# Verbs of conjecture (quote_cues.CUE_VERBS): a claim put forward by someone, but with
# a bare plural of a research field for subject in a habitual frame ("Scientists have
# long theorized that …") the belief of a field, which no one in the story stated and a
# fact-checker cannot put to anyone.
_CONJECTURING: Final = frozenset(
    {"theorize", "theorise", "speculate", "hypothesize", "hypothesise", "posit", "surmise"}
)


# Nouns of a research field, whose bare plural is the field itself. Not the people a
# story quotes without naming them ("Investigators/Police/Officials/Analysts/Residents
# speculated that …": review s35 r1 F5), nor "experts"/"economists", who are in news
# as often the story's own sources as a field.
_FIELD_NOUNS: Final = frozenset(
    {
        "scientists", "researchers", "scholars", "astronomers", "historians", "geologists",
        "physicists", "biologists", "archaeologists", "archeologists", "paleontologists",
        "palaeontologists", "anthropologists", "chemists", "mathematicians", "philosophers",
        "theorists", "linguists", "cosmologists", "astrophysicists", "zoologists",
        "botanists", "geneticists", "climatologists", "ecologists", "theologians",
    }
)  # fmt: skip


# Adverbs of a standing belief ("have long theorized", "once posited").
_HABITUAL: Final = frozenset({"long", "once", "traditionally", "historically", "widely"})


# What makes a plural subject someone in particular ("the scientists", "scientists at
# Vell University", "Rask's scientists", "Norland scientists").
_PARTICULAR_DEPS: Final = frozenset(
    {"det", "poss", "prep", "compound", "amod", "relcl", "acl", "appos", "nummod"}
)


_GENERIC_DETERMINERS: Final = frozenset({"some", "many", "most", "few", "several", "other"})


def _field_conjecture(ctx: SpeakerDoc, verb: Token) -> bool:
    """Whether ``verb`` is a conjecture of a research field: its subject a bare plural
    field noun, or one with only "some"/"many"-like determiners ("some geologists have
    speculated …"), and the belief a standing one (:func:`_standing`). "Scientists
    speculated that …" (past, once) may be the story's own scientists: kept."""
    if cue_lemma(verb) not in _CONJECTURING or not _standing(verb):
        return False
    subject = subject_of(ctx, verb)
    if subject is None or subject.tag_ != "NNS" or subject.lower_ not in _FIELD_NOUNS:
        return False
    return all(
        c.dep_ not in _PARTICULAR_DEPS
        or (c.dep_ in ("det", "amod") and c.lower_ in _GENERIC_DETERMINERS)
        for c in subject.children
    )


def _standing(verb: Token) -> bool:
    """A habitual frame: present tense ("historians hypothesize"), the perfect ("have
    speculated") or an adverb of a standing belief ("long", "once")."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return any(
        (c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "advmod" and c.lower_ in _HABITUAL)
        for c in verb.children
    )


def _reported_extent(ctx: SpeakerDoc, verb: Token) -> tuple[int, int] | None:
    """Token range of what ``verb`` reports: its ``ccomp`` clause (the one after it when
    the parser took the subject into a clause before it), else a complement the parser
    read as a relative clause ("said at the time that …"), or a question the parser
    read as an adverbial clause ("asked him if he supported …", "asked whether …")."""
    subject_clause = fronted_subject_clause(verb)
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and c != subject_clause and not circumstance_clause(c)
    ]
    if any(_open_question(verb, c) for c in clauses):
        return None  # "will confirm whether …": no later clause is what was said either
    if clauses:
        clause = next((c for c in clauses if c.i > verb.i), clauses[0])
        fronted = fronted_topic(ctx, verb) if clause.i > verb.i else None
        first = fronted.left_edge.i if fronted is not None else clause.left_edge.i
        subject = object_read_clause_subject(verb, clause) if fronted is None else None
        return (first if subject is None else subject.left_edge.i), clause.right_edge.i + 1
    return (
        aside_answer(verb)
        or relative_read_clause(verb)
        or question_clause(verb)
        or bracketing_clause(ctx, verb)
        or set_off_extent(ctx, verb)
        or following_clause(ctx, verb)
        or object_read_subject(ctx, verb)
        or after_colon(ctx, verb)
    )


# Verbs whose object is the listener ("told the crew ..."): the cue span takes the object
# in (speaker_mentions.cue_offsets), so it is never the reported clause's subject.
_LISTENER_VERBS: Final = frozenset({"tell", "inform", "assure", "remind", "notify", "ask"})
# Object-case pronouns cannot be a clause's subject ("warned them ..."); "it" and "you"
# can ("warned it could take years").
_OBJECT_PRONOUNS: Final = frozenset({"me", "him", "her", "us", "them", "whom"})
_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_FINITE: Final = frozenset({"MD", "VBD", "VBZ", "VBP"})


def object_read_clause_subject(verb: Token, clause: Token) -> Token | None:
    """The reported clause's subject that the parser hung on the reporting verb as its
    object: in "Rask warned the ferry could stop" spaCy reads "the ferry" as the object
    of "warned" and "could stop" as a clause with no subject, so the clause alone lost
    what it is about ("could stop"). The object is the clause's subject when it sits
    right before the clause (nothing between), the clause is finite and has no subject
    of its own, and the verb takes no listener. "warned the ferry's crew about the
    storm" has no clause; "told the crew the ferry would stop" has a clause with its own
    subject: both unchanged. Found on the dev gold sets' analyses: "warned", "reported"
    with a noun phrase before "could/may/will ..." (three of the four reports whose
    text opened on a modal; the fourth, "telling X Y is ...", is a listener verb)."""
    if clause.i < verb.i or cue_lemma(verb) in _LISTENER_VERBS:
        return None
    if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "mark" for c in clause.children):
        return None
    if clause.tag_ not in _FINITE and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in clause.children
    ):
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.right_edge.i + 1 != clause.left_edge.i:
            continue
        if obj.pos_ in ("NOUN", "PROPN") or (
            obj.pos_ == "PRON" and obj.lower_ not in _OBJECT_PRONOUNS
        ):
            return obj
    return None


def _according_clause(ctx: SpeakerDoc, token: Token) -> Draft | None:
    """``According to X, the talks failed``: the clause the phrase modifies, less it."""
    attribution = according_to(token)
    head = token.head
    if attribution is None or head.i == token.i:
        return None
    if attribution_of(ctx, head) is not None:
        # "“…,” Cruz said …, according to The Hill": the clause is Cruz's statement,
        # which his own cue already attributes; the phrase only names where it ran.
        return None
    first, last = head.left_edge.i, head.right_edge.i + 1
    phrase_first, phrase_last = token.left_edge.i, token.right_edge.i + 1
    if phrase_first == first:
        first = phrase_last
    elif phrase_last >= last - 1 or _joined_clause_after(head, phrase_last):
        # "The council approved the plan, according to its office, and work will begin
        # in June": the phrase closes the clause it modifies; the clause joined after it
        # is told in the writer's voice, and a span cannot leave the phrase out
        last = phrase_first
    return _clause_draft(ctx, first, last, attribution)


def _joined_clause_after(head: Token, after: int) -> bool:
    """Whether a clause of its own subject, joined to ``head`` ("..., and work will
    begin"), starts at token ``after`` past a comma and a conjunction."""
    doc = head.doc
    for clause in head.children:
        if clause.dep_ != "conj" or clause.i < after:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        between = doc[after : clause.left_edge.i]
        if any(t.dep_ == "cc" for t in between) and all(
            t.is_punct or t.dep_ == "cc" for t in between
        ):
            return True
    return False


def _clause_draft(
    ctx: SpeakerDoc, first: int, last: int, attribution: Attribution, min_words: int = 1
) -> Draft | None:
    """A clause ``doc[first:last]`` trimmed of a leading "that" and edge punctuation,
    or None when it has fewer than ``min_words`` words or all of them are quoted."""
    doc = ctx.doc
    first, last = _in_cue_paragraph(ctx, first, last, attribution)
    if first < last:
        first = after_dateline(doc[first], last)
    while first < last and (
        doc[first].is_punct or doc[first].is_space or _is_mark_that(doc[first])
    ):
        first += 1
    while last > first and (_edge_punct(doc[last - 1]) or doc[last - 1].is_space):
        last -= 1
    if not _has_words(ctx, first, last, max(1, min_words)):
        return None
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    return Draft(start, end, False, attribution)


def _has_words(ctx: SpeakerDoc, first: int, last: int, needed: int) -> bool:
    """True when ``doc[first:last]`` holds ``needed`` words, not all of them quoted; read
    only as far as that takes (a chain of nested reports, "Rask said that Rask said
    that ...", hands every report the rest of the page: listing each clause's words was
    quadratic in the page)."""
    count, unquoted = 0, False
    for i in range(first, last):
        if ctx.doc[i].is_alpha:
            count += 1
            unquoted = unquoted or not ctx.quoted[i]
            if count >= needed and unquoted:
                return True
    return False


def _in_cue_paragraph(
    ctx: SpeakerDoc, first: int, last: int, attribution: Attribution
) -> tuple[int, int]:
    """The clause's tokens in the cue's paragraph: a parse that runs a sentence over a
    paragraph break (no full stop before it, or a quote mark after it) hands a verb a
    clause of the paragraph before, with the quotes of both in it."""
    cue = ctx.token_at(attribution.cue[0])
    if cue is None:
        return first, last
    paragraph = ctx.para_of[cue.i]
    while first < last and ctx.para_of[first] != paragraph:
        first += 1
    end = first
    while end < last and ctx.para_of[end] == paragraph:
        end += 1
    return first, end


def _edge_punct(token: Token) -> bool:
    """Punctuation a clause's end sheds: not a unit mark written on the figure
    before it ("15%", "4 %"), which is part of what was said."""
    if not token.is_punct:
        return False
    previous = token.nbor(-1) if token.i > 0 else None
    return not (token.text in _UNIT_MARKS and previous is not None and previous.like_num)


def _is_mark_that(token: Token) -> bool:
    return token.lower_ in ("that", "whether", "if") and token.dep_ == "mark"
