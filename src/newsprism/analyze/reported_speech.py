"""What a reporting verb reports when spaCy gives it no complement clause.

:mod:`newsprism.analyze.quotes` reads indirect speech from a reporting verb's ``ccomp``
clause. News sentences often report speech the parser reads otherwise, and these
readings give the reported words back (each a token range ``(first, last)`` of the
verb's sentence, or None):

* :func:`set_off_extent`: a cue set off by commas, inside or at the end of what it
  reports, that the parser made the sentence's root or a parataxis with no clause under
  it ("Men like Orsen, she said."; "If the vote fails, Rask argues, there are other
  ways"; "Though the launch went well, he said, keeping it would not").
* :func:`following_clause`: a finite clause with a subject of its own right after the
  verb (and its object or a time phrase), which the parser hung elsewhere ("Wardens say
  the last time anyone fed the ponies was Monday": a relative clause of "time"; "said
  after the meeting he would not sign": an adverbial clause; "told a panel of dockers
  that no one had paid": a relative clause of "dockers" opened by "that").
* :func:`committed_extent`: a promise, vow or pledge, or a request, warning or order to
  someone, made with an infinitive ("vowed to reopen the ferry yard", "warned the
  council to drop the new fees", "told her aides to find the money").
* :func:`threats`: a threat made with an infinitive by a speaker ("Rask threatened to
  throw the reporter off the pier"), whose verb is no reporting verb of the analysis's
  cue list: a threat is a speech act, but "the storm threatens to flood the quay" is
  none, so only a named person or group, or a personal pronoun, threatens.

None of them reads a clause of time, cause or condition ("said nothing as the crowd
cheered"), a wh-clause or a relative clause ("told the gazette, which printed it Tuesday"),
or anything across a paragraph break or a quotation mark: quoted words are the direct
quote's. Calibrated by reading PolNeAR dev misses (eval/quotes.py --errors-of
reported); PolNeAR test is scored once, untuned. The threats were read off the BASIL
development gold's statement misses (a threat no unit covered: the reconcile step's
speech-act unit for it resembled no other outlet's words and was dropped, while as the
analysis's quote it is a unit of its own). Measured with fresh analyses, one change,
same tree (commit 9130f95): BASIL development statements lexical 67 -> 68 of 96 pairs,
P 0.933 -> 0.947 (judged 70 / 75 -> 71 / 75), dense 68 -> 69, P 0.973 -> 0.973;
calibration and Multi-News development unchanged; PolNeAR dev reported speech P / R
0.951 / 0.690 unchanged.

Cost: a bounded scan of the verb's sentence per reporting verb with no clause.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Span, Token

from newsprism.analyze.aliases import ORG_WORDS
from newsprism.analyze.person_nouns import names_person
from newsprism.analyze.quote_drafts import Attribution
from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.quote_subjects import subject_of
from newsprism.analyze.speaker_mentions import mention_offsets

logger = logging.getLogger(__name__)


def _words(text: str) -> list[str]:
    return text.split()


__all__ = ["committed_extent", "following_clause", "set_off_extent", "stated_object"]

# Dependents that only say where, when, to whom or how a cue spoke ("he said on
# Friday", "he told me", "she argues") and may stand between a set-off cue and its comma.
_CUE_ADJUNCTS: Final = frozenset(
    _words(
        "nsubj npadvmod advmod prep pobj det amod compound poss case dobj dative nummod "
        "punct neg aux prt tmod"
    )
)
# A set-off cue and its adjuncts longer than this are not a parenthetical "he said"
# (set by reading PolNeAR dev: the longest there is "she told us on Tuesday", 5 tokens).
_SET_OFF_MAX: Final = 8
# Dependency roles on the path from a misattached clause up to the reporting verb; a
# coordination or a parenthesis leaves the verb's report.
_PATH_ROLES: Final = frozenset(
    _words("advcl npadvmod tmod dobj dative prep pobj relcl ccomp dep attr oprd")
)
# How many dependency arcs such a path (and a set-off cue's adjunct path) may climb.
# Set by hand, not swept on PolNeAR dev: the shapes read there hang 1 or 2 arcs below
# the verb (relcl -> dobj in "told a panel of dockers that no one ...", advcl in "said
# after the meeting he ...", as the invented sentences of tests/test_reported_speech.py
# parse); 5 leaves room for a phrase or two between ("of X in Y") and stays within the
# verb's clause since only the roles above may be climbed.
_PATH_MAX: Final = 5
# Tokens between the verb and the clause it reports: an object and a time or place
# phrase, up to the clause's subject (an object of 9 tokens, a panel and the dockers and
# harbour it is of, before "that ...", the longest read on PolNeAR dev), not a second thought.
_GAP_MAX: Final = 10
# Modals of a main clause whose participle reports nothing ("would do well to …,
# stressing …": advice, not a statement).
_HYPOTHETICAL: Final = frozenset({"would", "could", "should", "might", "may"})
# Verbs whose "if"/"whether" clause is the question asked.
_ASKING: Final = frozenset({"ask", "wonder"})
# Words between a verb (or its noun of speech) and the colon that hands over to what was
# said ("offered a fuller explanation of why the crew left the buoys in place:": 9).
_COLON_GAP: Final = 12
# Nouns of speech whose words a colon hands over to ("issued a statement:", "offered a
# fuller explanation:"); those of quote_blocks' lead-ins and the acts of explaining
# and apologising.
_STATEMENT_NOUNS: Final = frozenset(
    _words(
        "statement post message letter note tweet remark remarks comment comments response "
        "reply announcement explanation apology warning"
    )
)
# Nouns of a speech act a participle may hang on and report through ("released a
# statement stating …", "issued an apology, blaming …", "an open letter voicing …"): the
# nouns of speech above and the written acts that carry words.
_ACT_NOUNS_OF_SPEECH: Final = _STATEMENT_NOUNS | frozenset(
    _words("release complaint memo op-ed editorial tweets posts messages letters statements")
)
# Verbs that put out such a noun, their subject its author ("issued a statement", "sent a
# letter", "made the defiant statement"); not "saw", "received", "read about" (a reader).
_ISSUING: Final = frozenset(
    _words(
        "issue release make give post send write publish deliver offer tweet share pen "
        "sign file put air broadcast read submit"
    )
)
# Verbs of a speech act a participle after them reports on ("apologized, blaming the crew
# for …", "responded on Twitter, accusing the mayor of …"): acts of speaking whose own
# clause may say nothing.
_SPEAKING_ACTS: Final = frozenset(
    _words("apologize apologise respond reply speak comment tweet post write testify")
)
# Verbs whose object (and its "for"/"of"/"on" phrase) is what was said when the verb is a
# participle of a speech act: "blaming the port for the delay", "accusing the mayor of
# lying", "voicing her support for …", "expressing regret about …". Not verbs of
# CUE_VERBS' indirect kinds, whose clause or object the verb's own cue reads, and only
# after an act (:func:`act_participles`): "cut 300 jobs, blaming weak demand" is narration.
_ACT_PARTICIPLES: Final = frozenset(_words("blame accuse voice express criticize criticise thank"))
# Arcs from a participle up to the speech-act noun it qualifies: 1 for "a statement
# blaming", 3 through a phrase the parser hung it on ("a message on Facebook accusing":
# pcomp, prep); 4 leaves room for "in the Post" as well. Set by hand on the invented
# sentences of tests/test_reported_speech_acts.py, not swept.
_NOUN_PHRASE_ARCS: Final = 4
_THING_PRONOUNS: Final = frozenset({"it", "this", "that", "which"})
_FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "expl"})
_MARKS_OF_REPORT: Final = frozenset({"that", "whether"})
# Verbs that commit their subject to an act ("vowed to ...") or ask, warn or order
# someone to act ("urged the council to ..."): the infinitive is what was said.
_COMMITTING: Final = frozenset({"promise", "vow", "pledge", "warn", "tell", "ask", "urge"})
# Of those, the verbs that report a request to someone: without the person asked
# ("asked not to be named", "asked to see the minister") the infinitive is the
# subject's own wish, not words reported, so they need an object or a dative.
_REQUESTING: Final = frozenset({"warn", "tell", "ask", "urge"})
# An infinitive of fewer words names no claim another outlet could render ("asked to
# go"); the same floor as a request's phrase in quotes._NOMINAL_MIN_WORDS.
_COMMITTED_MIN_WORDS: Final = 3
# Verbs of a threat, which the analysis's cue list does not hold (see :func:`threats`).
_THREATENING: Final = frozenset({"threaten"})
# Subjects that can make a threat: personal pronouns and names of people or groups.
_PERSONAL_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i"})
_SPEAKER_ENTITIES: Final = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Words that open the name of a storm or a vessel ("Storm Ciara", "Hurricane Ida",
# "HMS Victory"): things that threaten, which spaCy often tags PERSON or ORG.
_THING_NAME_OPENERS: Final = frozenset(
    {"storm", "hurricane", "typhoon", "cyclone", "tropical", "hms", "uss", "rms", "mv", "ss"}
)
# Verbs whose subject speaks, to show that a one-word name elsewhere in the text is one
# who speaks ("Brexit" or "Omicron" never says anything; "Hamas said" does).
_SPEAKING: Final = frozenset({"say", "tell", "announce", "state", "add", "claim", "insist"})
# What a group of people is called in apposition ("Hamas, the militant group that …").
_GROUP_NOUNS: Final = ORG_WORDS | frozenset(
    {"movement", "militia", "faction", "organization", "cartel", "gang", "network"}
)
# Verbs whose object is what was made known ("announced the closure of a mill in the
# valley", "cited harsh remarks the mayor had made"): speech acts with a noun phrase
# for content. Not "say", "tell" or "ask" (their object is a thing or a listener: "said
# nothing", "told reporters"), nor verbs of judgement ("called", "praised"), nor
# "propose" (a policy proposed is a plan, not a statement: "proposing lower caps on").
_STATING: Final = frozenset(
    _words(
        "announce confirm deny acknowledge admit disclose mention note cite declare allege "
        "concede stress emphasize emphasise repeat reiterate predict"
    )
)
# Nouns that name the act, not its content ("issued a statement", "repeated the claim").
_ACT_NOUNS: Final = frozenset(
    _words(
        "statement remark remarks comment comments claim claims question questions answer "
        "interview report reports speech story news thing things"
    )
)
# An object of fewer words names no statement ("confirmed the story", "denied it",
# "admitted fault"); set on PolNeAR dev.
_OBJECT_MIN_WORDS: Final = 4


def set_off_extent(ctx: QuotedDoc, verb: Token) -> tuple[int, int] | None:
    """The sentence a cue set off by commas reports: the words before the cue when it
    ends the sentence ("Men like Orsen, she said."), else the whole sentence, the cue
    inside it (a quote is one span). Only for a cue with its subject before it, commas
    on both sides (or a comma and the sentence's end), nothing of a clause between, and
    no quotation mark anywhere in the sentence."""
    commas = _set_off(ctx, verb)
    if commas is None:
        return None
    comma, stop = commas
    sentence = verb.sent
    before = verb.doc[sentence.start : comma]
    if verb.doc[stop].text != ",":
        return (sentence.start, comma) if _statement_like(before) else None
    after = verb.doc[stop + 1 : sentence.end]
    if not any(t.pos_ in ("VERB", "AUX") for t in (*before, *after)):
        return None
    return sentence.start, sentence.end


def _set_off(ctx: QuotedDoc, verb: Token) -> tuple[int, int] | None:
    """The comma before a set-off cue's subject and the comma (or final punctuation)
    after the cue, or None when the cue is not set off so (see :func:`set_off_extent`)."""
    if verb.dep_ not in ("ROOT", "parataxis") or _has_clause(verb):
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    sentence = verb.sent
    if subject is None or any(ctx.quoted[t.i] for t in sentence):
        return None
    comma = subject.left_edge.i - 1
    if comma <= sentence.start or verb.doc[comma].text != ",":
        return None
    stop = _cue_end(verb, sentence.end)
    if stop is None or not _same_paragraph(ctx, sentence.start, sentence.end - 1):
        return None
    return comma, stop


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp", "csubj", "attr", "oprd") for c in verb.children)


def _cue_end(verb: Token, end: int) -> int | None:
    """The comma, or the sentence's last token, that closes a set-off cue; None when a
    word that is not the cue's adjunct stands before it."""
    doc = verb.doc
    for i in range(verb.i + 1, min(end, verb.i + 1 + _SET_OFF_MAX)):
        token = doc[i]
        if token.text == ",":
            return i
        if i == end - 1 and token.is_punct:
            return i
        if not _adjunct_of(token, verb):
            return None
    return None


def _adjunct_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs from ``verb`` through adjunct roles only."""
    return _climbed_below(token, verb, _CUE_ADJUNCTS) is not None


def _statement_like(words: Span) -> bool:
    """Whether the words before a sentence-ending cue say something: a verb among them,
    or a noun phrase at their top ("Men like Orsen"), not a lone phrase of place or
    time ("In an interview, he said.")."""
    tokens = list(words)
    if sum(t.is_alpha for t in tokens) < 2:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return True
    indices = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in indices or t.head.i == t.i]
    return any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tops)


def _same_paragraph(ctx: QuotedDoc, first: int, last: int) -> bool:
    return bool(ctx.para_of[first] == ctx.para_of[last])


def following_clause(ctx: QuotedDoc, verb: Token) -> tuple[int, int] | None:
    """The finite clause with its own subject that follows ``verb`` within a few words
    and hangs from it through objects, phrases or a misread relative clause; from the
    phrase that opens it (or after "that") to its end. See the module docstring."""
    doc = verb.doc
    sentence = verb.sent
    if any(c.dep_ == "nsubj" and c.lower_ in _THING_PRONOUNS for c in verb.children):
        return None  # "it would add so many fees that it would ...": not a speaker
    for i in range(verb.i + 1, min(sentence.end, verb.i + 1 + _GAP_MAX)):
        token = doc[i]
        if ctx.quoted[i] or token.text in (",", ";", ":") or "\n" in token.text:
            return None
        if token.dep_ not in _SUBJECTS or token.tag_ in ("WDT", "WP", "WRB"):
            continue
        clause = token.head
        if clause.i < token.i or not _finite(clause) or not _reports(clause):
            continue
        top = _top_below(clause, verb)
        if top is None:
            continue
        first = _that_after(clause) if clause.dep_ == "relcl" else top.left_edge.i
        last = max(top.right_edge.i, clause.right_edge.i) + 1
        if first is None or first <= verb.i or first > i:
            continue
        if any(ctx.quoted[t] for t in range(first, last)):
            return None
        if _same_paragraph(ctx, verb.i, last - 1):
            return first, last
        return None
    return None


def object_read_subject(ctx: QuotedDoc, verb: Token) -> tuple[int, int] | None:
    """``issued a memo stating the clerk is to blame``: the parser made the
    clause's subject the verb's object and hung the clause's verb, which has no subject,
    elsewhere; the object and the finite verb right after it are the reported clause.
    Only for a participle on a noun ("a memo stating", "a letter saying"), where
    an object of its own is rare; after a finite verb the object may be the listener
    and the clause nested in another report ("claiming that a friend told her the
    bid had …": the one such reading on PolNeAR dev, which its gold leaves out)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        after = obj.right_edge.i + 1
        if after >= len(verb.doc) or verb.doc[after].sent != verb.sent:
            return None
        clause = verb.doc[after]
        # A subject before the participle is the parser's too ("Update: The port has
        # released a statement stating a clerk is to blame": "Update" made the subject
        # of "is"); one after it would be the clause's own.
        if clause.tag_ not in ("VBZ", "VBD", "VBP", "MD") or any(
            c.dep_ in _SUBJECTS and c.i > verb.i for c in clause.children
        ):
            return None
        if clause.tag_ == "MD" or clause.dep_ in ("aux", "auxpass"):
            clause = clause.head  # "hadn't signed": the clause is the main verb's
        first, last = obj.left_edge.i, max(clause.right_edge.i, after) + 1
        if any(ctx.quoted[t] for t in range(first, last)):
            return None
        return (first, last) if _same_paragraph(ctx, first, last - 1) else None
    return None


def after_colon(ctx: QuotedDoc, verb: Token) -> tuple[int, int] | None:
    """``X wrote on a forum: The pier is shut …``, ``offered a fuller explanation of why
    they did it: The pier is shut …``: the words after a colon that closes the verb's
    clause (its object or phrases between, a few words), unquoted, to the end of the
    sentence they open, in the verb's paragraph."""
    doc = verb.doc
    if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("ROOT", "conj", "parataxis"):
        return None  # "explained why they did it:": the colon is the outer verb's
    limit = min(len(doc) - 1, verb.i + 1 + _COLON_GAP)
    for i in range(verb.i + 1, limit):
        token = doc[i]
        if ctx.quoted[i] or "\n" in token.text or token.text in (";", ".", "?", "!"):
            return None
        if token.text != ":":
            continue
        first = i + 1
        while first < len(doc) and doc[first].is_space and "\n" not in doc[first].text:
            first += 1
        if first >= len(doc) or ctx.quoted[first] or ctx.para_of[first] != ctx.para_of[i]:
            return None
        last = doc[first].sent.end
        if doc[first].sent.start <= verb.i:
            last = verb.sent.end  # the parser kept the colon's sentence whole
        if any(ctx.quoted[t] for t in range(first, last)):
            return None
        return first, last
    return None


def noun_statements(ctx: QuotedDoc) -> list[tuple[int, int, Attribution]]:
    """Statements after a colon introduced by a noun of speech as a verb's object
    ("The club has offered a fuller explanation …:", "the board issued a statement:"):
    ``(first, last, attribution)`` token ranges, the verb's subject speaking, the noun
    as the cue; with them the other statements whose cue is no verb of the analysis's
    cue list (:func:`act_participles`, :func:`threats`)."""
    found = []
    for noun in ctx.doc:
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in _STATEMENT_NOUNS:
            continue
        verb = noun.head
        if ctx.quoted[noun.i] or verb.pos_ not in ("VERB", "AUX") or ctx.negated[verb.i]:
            continue
        if any(c.dep_ == "acl" for c in noun.children):
            continue  # "a statement saying:": the participle reports it
        said = _said_by_subject(ctx, after_colon(ctx, noun), verb, noun)
        if said is not None:
            found.append(said)
    return found + act_participles(ctx) + threats(ctx)


def act_participles(ctx: QuotedDoc) -> list[tuple[int, int, Attribution]]:
    """``issued an apology, blaming the port for the delay``, ``wrote an open letter
    voicing her support for the dockers``: the object (with its phrases) of a participle
    of :data:`_ACT_PARTICIPLES` hung on a speech act (:func:`_speech_act_of`), the act's
    subject speaking, the participle as the cue. Its verbs are no cue of indirect speech
    on their own ("blamed the storm" reads as a judgement quoted, if at all), so the
    statement is read here, where the act says words were given."""
    found = []
    for verb in ctx.doc:
        if verb.tag_ != "VBG" or verb.lemma_.lower() not in _ACT_PARTICIPLES:
            continue
        if ctx.quoted[verb.i] or ctx.negated[verb.i]:
            continue
        act = _speech_act_of(verb)
        if act is None or ctx.negated[act.i]:
            continue  # "did not issue a statement blaming …": nothing was said
        said = _said_by_subject(ctx, _participle_object(ctx, verb), act, verb)
        if said is not None:
            found.append(said)
    return found


def threats(ctx: QuotedDoc) -> list[tuple[int, int, Attribution]]:
    """``Rask threatened to throw the reporter off the pier``: the infinitive (see
    :func:`_infinitive_after`) of a verb of :data:`_THREATENING` that carries its
    sentence (:func:`_main_verb`), its subject a speaker (:func:`_speaker_subject`),
    the verb as the cue. Such verbs are no cue of indirect speech on their own (their
    subject is often a thing: "the dispute threatens to delay the vote"), so the
    statement is read here, where the subject says someone spoke."""
    found = []
    for verb in ctx.doc:
        if verb.lemma_.lower() not in _THREATENING or verb.pos_ != "VERB":
            continue
        if ctx.quoted[verb.i] or ctx.negated[verb.i] or not _carries(verb):
            continue
        extent = _infinitive_after(verb)
        if extent is None or not _phrase_words(verb, *extent, _COMMITTED_MIN_WORDS):
            continue
        if not _same_paragraph(ctx, verb.i, extent[1] - 1):
            continue
        subject = subject_of(ctx, verb)
        if subject is not None and _speaker_subject(subject):
            cue = (verb.idx, verb.idx + len(verb))
            found.append((*extent, Attribution(cue, mention_offsets(subject))))
    return found


def _carries(verb: Token) -> bool:
    """Whether ``verb`` carries its sentence (:func:`_main_verb`), also as the last of
    several verbs joined to one subject ("stormed off but returned and threatened to
    ...": the parser hangs each on the one before)."""
    if _main_verb(verb):
        return True
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return top is not verb and not passive and _main_verb(top)


def _infinitive_after(verb: Token) -> tuple[int, int] | None:
    """The token range of the "to"-infinitive after ``verb`` ("to throw the reporter off
    the pier"), or None."""
    for clause in verb.children:
        if clause.dep_ != "xcomp" or clause.i < verb.i:
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return clause.left_edge.i, clause.right_edge.i + 1
    return None


def _speaker_subject(subject: Token) -> bool:
    """Whether a subject can speak: a personal pronoun, or a name of a person or a
    group (a named entity of :data:`_SPEAKER_ENTITIES`), not a thing ("the storm",
    "Storm Ciara", "Brexit")."""
    if subject.lower_ in _PERSONAL_PRONOUNS:
        return True
    if subject.ent_type_ not in _SPEAKER_ENTITIES:
        return False
    name = _entity_of(subject)
    if name[0].lower_ in _THING_NAME_OPENERS:
        return False
    if len(name) > 1 or name.label_ in ("NORP", "GPE") or name.text.isupper():
        return True
    # One capitalised word spaCy took for a person or a group is as often a thing
    # ("Brexit", "Omicron", "The Titanic"): a person named so was named in full before
    # ("Edvin Rask ... Rask"), a group speaks elsewhere in the text ("Hamas said").
    return _named_in_full(name) or _speaks_elsewhere(name) or _group_of_people(name)


def _entity_of(token: Token) -> Span:
    """The named entity ``token`` lies in."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _named_in_full(name: Span) -> bool:
    """Whether a longer person's name in the text ends with this one-word name."""
    word = name.text
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in name.doc.ents)


def _group_of_people(name: Span) -> bool:
    """Whether a one-word organisation is shown to be people somewhere in the text:
    it names their members ("Hamas fighters", "a Hezbollah spokesman", "Hamas's
    leader") or is described as a group in apposition ("Hamas, the militant group");
    a thing is neither ("Omicron cases", "Brexit talks")."""
    if name.label_ != "ORG":
        return False
    word = name.text
    for token in name.doc:
        if token.text != word:
            continue
        head = token.head
        if token.dep_ in ("compound", "poss") and head.i != token.i and names_person(head):
            return True
        if any(c.dep_ == "appos" and c.lemma_.lower() in _GROUP_NOUNS for c in token.children):
            return True
    return False


def _speaks_elsewhere(name: Span) -> bool:
    """Whether the same word is the subject of a verb of speaking in the text."""
    word = name.text
    return any(
        t.text == word and t.dep_ == "nsubj" and t.head.lemma_.lower() in _SPEAKING
        for t in name.doc
    )


def _said_by_subject(
    ctx: QuotedDoc, extent: tuple[int, int] | None, act: Token, cue: Token
) -> tuple[int, int, Attribution] | None:
    """The span ``extent`` attributed to the subject of ``act`` with ``cue`` as its cue;
    None without a span or a subject, or when the subject is a thing ("it", "this")."""
    if extent is None:
        return None
    subject = subject_of(ctx, act)
    if subject is None or subject.lower_ in _THING_PRONOUNS:
        return None
    return (*extent, Attribution((cue.idx, cue.idx + len(cue)), mention_offsets(subject)))


def _act_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in _ACT_NOUNS_OF_SPEECH


def _speech_act_of(participle: Token) -> Token | None:
    """The verb whose subject speaks through ``participle``: the verb of a speech-act noun
    the participle qualifies ("released a statement blaming"), or the verb the
    participle follows when that verb is an act of speaking or has such a noun for its
    object ("apologized, blaming", "issued an apology, blaming"); None for a participle of
    anything else ("left the meeting, blaming …": the reporter's narration)."""
    noun = _act_noun_above(participle)
    if noun is not None:
        return _issuer_verb(noun)
    head = participle.head
    if participle.dep_ != "advcl" or head.i > participle.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() in _SPEAKING_ACTS:
        return head
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < participle.i]
    return head if any(_act_noun(o) and _issuer_verb(o) is not None for o in objects) else None


def _issuer_verb(noun: Token) -> Token | None:
    """The verb that puts out a speech-act noun ("issued a statement", "wrote a letter"),
    whose subject is its author; None for one that only meets it ("saw a statement",
    "received a letter": the subject is its reader)."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _ISSUING:
        return verb
    return None


def _act_noun_above(participle: Token) -> Token | None:
    """The speech-act noun a participle qualifies, directly ("a statement blaming") or
    through the phrase after it that the parser hung it on ("a message on Facebook
    accusing": a participle read as the complement of "on")."""
    token = participle
    for _ in range(_NOUN_PHRASE_ARCS):
        if token.dep_ not in ("acl", "pcomp", "prep", "pobj"):
            return None
        token = token.head
        if _act_noun(token):
            return token
    return None


def _participle_object(ctx: QuotedDoc, participle: Token) -> tuple[int, int] | None:
    """From the participle's object to the end of its phrase ("the port for the delay"),
    unquoted (quoted words are the direct quote's, which the same cue attributes) and in
    the participle's paragraph; None without an object."""
    objects = [c for c in participle.children if c.dep_ == "dobj" and c.i > participle.i]
    if not objects or objects[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    first, last = objects[0].left_edge.i, participle.right_edge.i + 1
    if any(ctx.quoted[t] or ctx.doc[t].is_quote for t in range(first, last)):
        return None
    return (first, last) if _same_paragraph(ctx, first, last - 1) else None


def _finite(clause: Token) -> bool:
    if clause.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children)


def _reports(clause: Token) -> bool:
    """Whether a clause can be what was said: no mark of time, cause or condition, no
    wh-word, and a relative clause only when "that" opens it with no role inside it."""
    for child in clause.children:
        if child.dep_ == "mark":
            if child.lower_ not in _MARKS_OF_REPORT:
                return False
        elif child.tag_ in ("WDT", "WP", "WP$", "WRB"):
            return False  # a mark "that" is tagged WDT too
    if clause.dep_ == "relcl":
        return _that_after(clause) is not None
    return clause.dep_ not in ("acl", "conj", "parataxis")


def _that_after(clause: Token) -> int | None:
    """The index after a "that" marking a clause the parser read as a relative one."""
    that = clause.left_edge
    if that.lower_ == "that" and that.dep_ == "mark" and that.head.i == clause.i:
        return that.i + 1
    return None


def _top_below(clause: Token, verb: Token) -> Token | None:
    """The ancestor of ``clause`` right below ``verb``, reached through :data:`_PATH_ROLES`
    only; None when the clause does not hang from the verb that way."""
    return _climbed_below(clause, verb, _PATH_ROLES)


def _climbed_below(token: Token, verb: Token, roles: frozenset[str]) -> Token | None:
    """The ancestor of ``token`` (itself included) right below ``verb``, climbing at most
    :data:`_PATH_MAX` arcs, each of a role in ``roles``; None otherwise."""
    for _ in range(_PATH_MAX):
        if token.dep_ not in roles:
            return None
        if token.head.i == verb.i:
            return token
        token = token.head
    return None


def _main_verb(verb: Token) -> bool:
    """A verb that carries its sentence (or a coordinate of it), a participle of its
    main clause ("spoke to the dockers, promising to …", "…, citing a risk to …"),
    or an adverbial clause with a subject of its own ("when Rask cited …"); active.
    Not "declined to pledge", "by asking the judges to", "who asked the wardens to",
    "when asked to" or "Rask said Lind promised to" (a report inside a report)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    head = verb.head if verb.dep_ == "conj" else verb
    if head.dep_ in ("ROOT", "parataxis") or _issued_act_participle(head):
        return True
    if head.dep_ != "advcl":
        return False
    own = [c for c in head.children if c.dep_ == "nsubj"]
    if own:
        return own[0].tag_ not in ("WDT", "WP")
    if head.tag_ != "VBG" or any(c.dep_ == "mark" for c in head.children):
        return False
    # The clause the participle goes with is itself the sentence's ("… would do well to
    # court farmers, stressing …": a hypothetical's participle reports nothing).
    main = head.head
    while main.dep_ in ("conj", "xcomp", "advcl") and main.head.i != main.i:
        main = main.head
    hypothetical = any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in main.children)
    return main.dep_ in ("ROOT", "parataxis") and not hypothetical


# Public for the other readers of statements without a clause (quote_namings).
main_verb = _main_verb


def _issued_act_participle(verb: Token) -> bool:
    """``issued a statement confirming …``, ``sent a letter urging …``: a participle
    qualifying a speech act its subject put out, whose words it gives."""
    noun = _act_noun_above(verb) if verb.tag_ == "VBG" else None
    return noun is not None and _issuer_verb(noun) is not None


def committed_extent(verb: Token) -> tuple[int, int] | None:
    """``vowed to reopen the ferry yard``, ``told her aides to find the money``: the
    infinitive (with the person asked, warned or told) after a verb of
    :data:`_COMMITTING`, of at least :data:`_COMMITTED_MIN_WORDS` words; a verb of
    :data:`_REQUESTING` only with the person asked."""
    if verb.lemma_.lower() not in _COMMITTING or not _main_verb(verb):
        return None
    for clause in verb.children:
        if clause.dep_ != "xcomp" or clause.i < verb.i:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
        if not objects and verb.lemma_.lower() in _REQUESTING:
            return None  # "asked not to be named": no one asked, nothing reported
        first = objects[0].left_edge.i if objects else clause.left_edge.i
        # "vowed to end …, protect … and defeat …": the parser may hang each infinitive
        # of a list on the verb.
        last = 1 + max(
            c.right_edge.i for c in verb.children if c.dep_ == "xcomp" and c.i >= clause.i
        )
        if _phrase_words(verb, first, last, _COMMITTED_MIN_WORDS):
            return first, last
        # "vowed to end "stagnant wages," protect Medicare and defeat …": a partial
        # quote inside an infinitive with words of its own around it; the phrase is
        # more than the quote (not "told him to "please let go"": only "to" is left).
        unquoted = _unquoted_words(verb.doc[clause.left_edge.i : last])
        return (first, last) if unquoted > _COMMITTED_MIN_WORDS else None
    return None


_DOUBLE_QUOTES: Final = frozenset({'"', "“", "”", "``", "''"})


def _unquoted_words(tokens: Span) -> int:
    """The words of ``tokens`` outside pairs of double quote marks, "to" aside."""
    inside, count = False, 0
    for token in tokens:
        if token.text in _DOUBLE_QUOTES:
            inside = not inside
        elif token.is_alpha and not inside and token.lower_ != "to":
            count += 1
    return count


def _phrase_words(verb: Token, first: int, last: int, needed: int) -> bool:
    """Whether ``doc[first:last]`` has ``needed`` words and no quotation mark: a phrase
    with quoted words in it ("told the mayor to "please let go of the harbour"") is the direct
    quote's, which the same cue attributes; the phrase would add only the listener."""
    tokens = verb.doc[first:last]
    return sum(t.is_alpha for t in tokens) >= needed and not any(t.is_quote for t in tokens)


def stated_object(verb: Token) -> tuple[int, int] | None:
    """``The port announced on Monday the closure of a pier``: the object of a verb of
    :data:`_STATING`, when it is a noun phrase of :data:`_OBJECT_MIN_WORDS` words or more
    that names content, not the act of speaking."""
    if verb.lemma_.lower() not in _STATING or not _main_verb(verb):
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        if obj.lemma_.lower() in _ACT_NOUNS:
            return None
        first, last = obj.left_edge.i, obj.right_edge.i + 1
        return (first, last) if _phrase_words(verb, first, last, _OBJECT_MIN_WORDS) else None
    return None


def question_clause(verb: Token) -> tuple[int, int] | None:
    """The "if"/"whether" clause after a verb of asking, read as an adverbial clause
    (after other verbs "if" opens a condition: "said she would run if asked")."""
    if verb.lemma_.lower() not in _ASKING:
        return None
    for clause in verb.children:
        marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
        if (
            clause.dep_ == "advcl"
            and clause.i > verb.i
            and any(m.lower_ in ("if", "whether") for m in marks)
        ):
            return clause.left_edge.i, clause.right_edge.i + 1
    return None


def described_subject(subject: Token) -> bool:
    """``Those near to her say …``: a demonstrative with words that say who is meant."""
    return subject.lower_ in ("those", "these") and any(
        c.dep_ in ("amod", "prep", "relcl", "acl") for c in subject.children
    )
