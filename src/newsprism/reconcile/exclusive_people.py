"""Exclusives of the ``person`` kind: people of the story's roster one source names (the
rules in :mod:`newsprism.reconcile.exclusives`' module doc), and the tests that tell a
person in the news from a name that only frames words other sources report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsprism.analyze.aliases import TITLES, fold_key, normalize_title, strip_title
from newsprism.analyze.quote_cues import CUE_VERBS, INDIRECT_KINDS
from newsprism.model import Exclusive, Passage, RosterEntry, Statement
from newsprism.reconcile.exclusive_details import overlaps, single_source, spelled_alike
from newsprism.reconcile.exclusive_name_forms import other_form, suffixed
from newsprism.reconcile.exclusive_people_places import placed_or_titled, run_into_person
from newsprism.reconcile.material import StoryMaterial, outlet_key

__all__ = ["person_exclusives"]

_POSSESSIVE = re.compile(r"['’]s\b")
_TEXT_WORD: Final = re.compile(r"[^\W\d_][\w'’.-]*")


# A line of three words or more with no lower-case word of four letters or more is a
# heading in Title Case: the page's headline or a teaser for another page ("PHOTOS: Storm
# Chasers, Harbour Thieves & Lost Sailors Tell All!"). Its capitalised words are tagged
# people freely, and the span runs over the heading's other words ("Nephew Ansel Roos
# Dead"). Read off the development golds' unscored person items (Multi-News dev2: a
# headline; dev: two gossip-page teasers); no scored item of the four moved.
_LONG_LOWER: Final = re.compile(r"\b[a-z][a-z'’]{3,}")
_HEADING_MIN_WORDS: Final = 3
# A results line or a team sheet has the same shape and is often the only place a
# candidate or a scorer is named (review s36 G10): "Lena Vogt (Liberal) 2,300", "Scorers:
# Ola Berg 12, Jan Lind 45.", "Kelmar: Ivo Brandt; Ola Berg, Jan Lind". A line with a
# bracket, a figure ending a list item, or whose part after a colon is a list of two or
# more items of up to three words each, is no heading. A figure inside a headline stays
# one ("... Dead at 63 After ...", "... Drugs & Lip Synching! 50 Of ...": Multi-News dev
# and dev2 headings), and a teaser's list runs longer ("Lost Sailors Tell All!").
_LIST_SHAPE: Final = re.compile(r"[(\[]|[\w)]\s+\d[\d,.]*(?=\s*[,;]|\.?\s*$)")
_LIST_SEPARATOR: Final = re.compile(r"[,;&]|\band\b")
_LIST_ITEM_WORDS: Final = 3


def _in_heading(text: str, start: int) -> bool:
    """Whether the line around ``start`` is a Title Case heading (see above)."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin : end if end >= 0 else len(text)]
    return (
        len(line.split()) >= _HEADING_MIN_WORDS
        and not _LONG_LOWER.search(line)
        and not _LIST_SHAPE.search(line)
        and not _name_list(line)
    )


def _name_list(line: str) -> bool:
    """Whether the line (after a label's colon) lists two or more short items."""
    items = [i.split() for i in _LIST_SEPARATOR.split(line.rsplit(":", 1)[-1])]
    items = [i for i in items if i]
    return len(items) > 1 and all(len(i) <= _LIST_ITEM_WORDS for i in items)


# The parse may stop a hyphened name at its hyphen ("Secretary-General Ola Ber]-lund",
# "Ola Berg]-Lund"): the passage runs on over the name's rest so the reader sees the whole
# name. Read off BASIL calibration's and Multi-News dev2's unscored person items (three
# names cut so). Tried and dropped (s36): running on over capitalised words as well
# ("Assistant Chief Ivo] Brandt") lowered Multi-News dev's exclusives precision 0.746 ->
# 0.742 and let a heading's words through (a page's "Story Highlights" run on).
_RUN_ON: Final = re.compile(r"(?:-[A-Za-z][\w’']*)+(?![\w-])")


def _first_mention(material: StoryMaterial, entry: RosterEntry) -> Passage | None:
    """The name's first mention outside a heading (:func:`_in_heading`), in the first
    article that has one; None where a heading is all that names them."""
    keys = {fold_key(n) for n in (entry.name, *entry.aliases)}
    for article in entry.articles:
        analysis = material.analysis(article)
        if analysis is None:
            continue
        text = material.by_id[article].text
        mentions = [
            m
            for e in analysis.entities
            if e.type == "PERSON" and fold_key(e.name) in keys
            for m in e.mentions
            if not _in_heading(text, m.start)
        ]
        if mentions:
            first = min(mentions, key=lambda m: m.start)
            # The parse may take the hyphen of "then-President" or "ex-Mayor" into the name.
            lead = len(first.text) - len(first.text.lstrip("-–‐ "))
            run_on = _RUN_ON.match(text, first.end)
            end = run_on.end() if run_on else first.end
            return material.passage(article, first.start + lead, end)
    return None


def person_exclusives(
    material: StoryMaterial, roster: Sequence[RosterEntry], statements: Sequence[Statement]
) -> list[Exclusive]:
    result = []
    outlets = {outlet_key(a.outlet) for a in material.articles if a.outlet}
    speakers = {
        fold_key(s.speaker) for s in statements if s.speaker and not single_source(material, s)
    }
    shared = [v.passage for s in statements if not single_source(material, s) for v in s.variants]
    for entry in roster:
        if entry.type != "PERSON" or material.sources(entry.articles) != 1:
            continue
        if _names_an_outlet(entry, outlets):
            continue  # "documents seen by the Tribune": a paper, not a person
        if speakers & {fold_key(n) for n in (entry.name, *entry.aliases)}:
            continue  # their words are reported by others: the name only attributes them
        if _part_of_other_name(material, entry, roster):
            continue
        mention = _first_mention(material, entry)
        if mention is None or any(overlaps(mention, p) for p in shared):
            continue  # named only inside words other sources report too
        if _credit(material, mention) or _bare_title(mention) or _thing_shape(material, mention):
            continue
        if run_into_person(material, mention):
            continue  # a name cut short: its surname is the person
        if not _name_shape(mention) or (
            not _person_cue(material, entry)
            and (
                _place_or_employer(material, mention)
                or placed_or_titled(material, mention)
                or _not_a_name(material, entry, mention)
            )
        ):
            continue
        if _beside_shared_words(material, mention, shared, entry, statements):
            continue
        result.append(Exclusive("person", mention))
    return result


# A name the parse tags as a person where the words around it say it is a place, a firm or
# a page's credit: a shop after "at" ("seen at Halden's."), a firm after "working for"
# ("a driver working for Brask Haulage"), before a firm's or a shop's staff ("Brask
# Haulage staff"), or after a credit's "by" ("Editing by Ivo Brandt", "Photo by"). Read
# off the development golds' wrong person exclusives (Multi-News dev and dev2: a store
# named two ways by two outlets, a driller's firm). Kept narrow (review s34 F3): "at" only
# before one word or a bare possessive (a person is fired or shouted "at Carl Moen"), and no
# possessive before the staff word ("Carl Moen's company" is an owner, a person); a person
# cue anywhere (:func:`_person_cue`) outweighs it.
_PLACE_BEFORE: Final = re.compile(
    r"(?:\b(?:working for|works for|worked for|employed by)"
    r"|\b(?:[Ee]diting|[Rr]eporting|[Ww]riting|[Pp]hotos?|[Pp]hotograph) by)\s+$"
)
_AT_BEFORE: Final = re.compile(r"\bat\s+$")
_SHOP_AFTER: Final = re.compile(r"['’]s(?![\w-])(?!\s+[a-z])")
_FIRM_AFTER: Final = re.compile(r"^\s+(?:staff|employees|workers|store|stores|shop|company)\b")


def _place_or_employer(material: StoryMaterial, mention: Passage) -> bool:
    """Whether the words around a name's mention make it a place, a firm or a credit, not
    a person in the news (see :data:`_PLACE_BEFORE`)."""
    text = material.by_id[mention.article].text
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 30]
    if _AT_BEFORE.search(before):
        if " " not in mention.text.strip():
            return True  # a one-word name after "at" is a shop's ("seen at Kelmarts in ...")
        own = _POSSESSIVE.search(mention.text)  # the parse may keep the "'s" in the mention
        if _SHOP_AFTER.match(text, mention.start + own.start() if own else mention.end):
            return True
    return bool(_PLACE_BEFORE.search(before) or _FIRM_AFTER.match(after))


# A page's credits name its staff, not people in the news: a line made only of credits
# that says who wrote, reported or edited the story ("By Ivo Brandt", "(Additional
# reporting by Ivo Brandt; Editing by Ola Berg and Kai Lund)", "Ivo Brandt reported from
# Velmar. Ola Berg contributed to this report.") and a picture's credit ("Photo: Ivo
# Brandt, Kelmar Wire", "KELMAR/Ivo Brandt", "Ivo Brandt/Kelmar Wire"). Read off the
# Multi-News development golds' unscored person items (15 staff credits of 185 person
# items; no right one among them). The whole line must be credits (review s35 F6): one
# that opens with a by-credit or ends with "contributed to this report", whose other
# lower-case words are all credit words (:data:`_CREDIT_WORDS_IN_LINE`); a paragraph of
# news with "edited by" in it ("The memo, edited by Ivo Brandt, ordered ...", "Mayor Ola
# Berg praised the crew. A video, edited by Kelmar TV, ...") names people in the news.
_BY_CREDIT: Final = re.compile(
    r"\W*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ee]dit(?:ing|ed)|[Ww]rit(?:ing|ten)|"
    r"[Cc]ompiled)\s+by\s+[A-Z]"
)
_CONTRIBUTED: Final = re.compile(
    r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\W*$"
)
_CREDIT_WORDS_IN_LINE: Final = frozenset(
    {"additional", "reporting", "editing", "edited", "writing", "written", "compiled", "by"}
    | {"reported", "contributed", "to", "this", "report", "story", "article"}
    | {"and", "in", "from", "at", "with", "for", "of", "the"}
    | {"writer", "writers", "reporter", "reporters", "correspondent", "correspondents"}
    | {"editor", "editors", "photographer", "staff", "also"}
)
_CREDIT_MAX_WORDS: Final = 50
# A byline is a line of its own, a name or two after "By" ("By Friday, Ivo Brandt had
# ...", opens a paragraph of news).
_BYLINE: Final = re.compile(r"\W*By\s+[A-Z]")
_BYLINE_MAX_WORDS: Final = 8
_PICTURE_BEFORE: Final = re.compile(
    r"(?:\b(?:[Pp]hoto(?:graph)?s?|[Pp]ictures?|[Ii]mages?)\s*:|[A-Z][\w.&]*\s*/)\s*$"
)
_PICTURE_AFTER: Final = re.compile(r"\s*/\s*[A-Z]")
# What a picture credit's name may be followed by before its end (a closing parenthesis
# or the line's end): the agency, "for"/"via" it. Any other lower-case word makes it a
# caption naming who is pictured ("Photo: Ola Berg, 34, a passenger, waits on the quay").
_CREDIT_REST: Final = re.compile(r"[^)\n]*")
_LOWER_WORD: Final = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_CREDIT_WORDS: Final = frozenset({"for", "via", "of", "and", "the"})


def _credit_line(line: str) -> bool:
    """Whether a line is made only of credits (see :data:`_BY_CREDIT`)."""
    if not (_BY_CREDIT.match(line) or _CONTRIBUTED.search(line)):
        return False
    return all(w in _CREDIT_WORDS_IN_LINE for w in _LOWER_WORD.findall(line))


def _credit(material: StoryMaterial, mention: Passage) -> bool:
    """Whether a name stands in a credit: a short line made only of credits
    (:func:`_credit_line`), a byline, or just beside a picture credit's label or
    slash with nothing but the agency after it (:data:`_CREDIT_REST`). An age or a role
    set off by a comma right after the name (:data:`_APPOSITION`) is a person's."""
    text = material.by_id[mention.article].text
    cue = _APPOSITION.match(text, mention.end)
    if cue and not (cue.group(1) and _NOT_A_ROLE.fullmatch(_head(cue.group(1)))):
        return False
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = len(line.split())
    if words <= _CREDIT_MAX_WORDS and _credit_line(line):
        return True
    if words <= _BYLINE_MAX_WORDS and _BYLINE.match(line):
        return True
    before = text[max(0, mention.start - 20) : mention.start]
    if not (_PICTURE_BEFORE.search(before) or _PICTURE_AFTER.match(text, mention.end)):
        return False
    rest = _CREDIT_REST.match(text, mention.end)
    return not any(
        w not in _CREDIT_WORDS for w in _LOWER_WORD.findall(rest.group() if rest else "")
    )


# A name whose last word is a place's or a body's head noun ("Orlen High School", "Kelmar
# Airport", "Brenn Boulevard", "Popular Harbour Committees"); no surname among them.
_THING_LAST: Final = re.compile(
    r"(?:schools?|airports?|boulevard|avenue|committees?|university|college|hospital|"
    r"academy|highlights)",
    re.IGNORECASE,
)
# A name in parentheses of its own just after other words is their short form, a party, a
# work or an acronym ("the pilots' union (Balpa)", "Ivo Brandt (Harbour Party)", "Ola Berg
# (Low Tide)"), not a person newly named.
_OPEN_PAREN: Final = re.compile(r"(\w[\w.'’]*)\s+\($")
# The word before the parenthesis must be a name (capitalised: "Ola Berg (Harbour
# Party)") or a body's or a work's noun: after any other lower-case noun the name in
# parentheses is a person's ("His widow (Ola Berg) told the court ...", review s35 F6).
_BODY_BEFORE: Final = re.compile(
    r"(?:union|party|film|movie|album|book|novel|song|series|show|band|group|company|"
    r"firm|agency|committee|council|association|federation|alliance|coalition|movement|"
    r"league|network|channel|newspaper|magazine|organi[sz]ation|ministry|department|"
    r"programme|program|bill|act|law|report|study|club|team)s?",
    re.IGNORECASE,
)
_CLOSE_PAREN: Final = re.compile(r"\)")


def _thing_shape(material: StoryMaterial, mention: Passage) -> bool:
    """Whether a mention names a thing by its shape (:data:`_THING_LAST`) or stands in
    parentheses after other words (:data:`_OPEN_PAREN`). Read off the Multi-News
    development golds' unscored person items (a school, an airport, a boulevard,
    committees, a page heading; a union's acronym, a party, a film, after a name)."""
    words = mention.text.split()
    if len(words) > 1 and _THING_LAST.fullmatch(words[-1].strip(".,")):
        return True
    text = material.by_id[mention.article].text
    before = text[max(0, mention.start - 40) : mention.start]
    opened = _OPEN_PAREN.search(before)
    if opened is None or not _CLOSE_PAREN.match(text, mention.end):
        return False
    word = opened.group(1)
    return word[:1].isupper() or bool(_BODY_BEFORE.fullmatch(word))


def _bare_title(mention: Passage) -> bool:
    """Whether the mention is a title with no name ("Sgt." cut from "Sgt. Ivo Brandt")."""
    return normalize_title(mention.text.strip()) in TITLES


# What marks a mention as a person's, against the place/firm/outlet/common-noun guesses
# below (review s34 F3, F9, F11, F12: "Petra Jordan, a nurse," "Obrecht, the transport
# minister," "Price, the depot's manager," "Carl Moen, 52,"): an age or a role set off by
# a comma right after it. A place's or a firm's apposition ("Velmar, the capital,", "Brask,
# a haulage firm,") is no cue: the role's head word is looked at (:data:`_NOT_A_ROLE`).
_APPOSITION: Final = re.compile(r",\s+(?:\d{1,3}\s*,|(?:a|an|the)\s+([^,.;]{1,60}))")
_NOT_A_ROLE: Final = re.compile(
    r"(?:capital|city|town|village|country|region|province|state|county|port|island|"
    r"river|company|firm|group|chain|store|shop|brand|site|network|newspaper|channel|"
    r"agency|party|band|team|club|airline|bank|maker|retailer|restaurant|service|"
    r"platform|app|show|programme|program|magazine|website|outlet|ship|ferry|vessel|"
    r"hotel|bar|pub|school|university|hospital|airport|festival|award|prize|breed)s?",
    re.IGNORECASE,
)


_AFTER_HEAD: Final = re.compile(r"\s+(?:of|in|on|at|for|with|that|which|who|where)\s")


def _head(phrase: str) -> str:
    """The last word before a phrase's first "of"/"in"/"that" ...: its head noun ("the
    ferry line's chief" -> "chief", "a town of 3" -> "town")."""
    words = _AFTER_HEAD.split(phrase, maxsplit=1)[0].split()
    return words[-1].strip("'’\"") if words else ""


def _person_cue(material: StoryMaterial, entry: RosterEntry) -> bool:
    """Whether any article's PERSON mention of the name carries a title or an age or a
    role set off by a comma (:data:`_APPOSITION`): a person, whatever else the words
    around another mention or the parse's other labels suggest."""
    keys = {fold_key(n) for n in (entry.name, *entry.aliases)}
    for article in material.articles:
        analysis = material.analysis(article.id)
        if analysis is None:
            continue
        text = article.text
        for e in analysis.entities:
            if e.type != "PERSON" or fold_key(e.name) not in keys:
                continue
            for m in e.mentions:
                if strip_title(m.text):
                    return True
                cue = _APPOSITION.match(text, m.end)
                if cue and not (cue.group(1) and _NOT_A_ROLE.fullmatch(_head(cue.group(1)))):
                    return True
    return False


# Second opinions that a name the parse tags PERSON once names no person. Labels the
# parse gives the same words elsewhere in the story (a place, a people, a firm, a work):
_THING_LABELS: Final = frozenset(
    {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LOC"}
)
# A one-word name right after "on"/"via" is a platform or a show ("said on Kelmo",
# "followers on Kelmo"), after "a"/"an" a thing or a prize ("won an Aurel", "a Kelmo
# retriever"), after a work's noun the work ("the hit television show Kelmo"): a person in
# the news is not counted like that. Read off the development golds' unscored person items
# (a platform, an award, a dog breed, an aircraft, a camp; s36: a television show); no
# right person exclusive there stands after these words.
_THING_BEFORE: Final = re.compile(
    r"\b(?:on|via|an?|show|series|sitcom|film|movie|programme|program|album|novel)\s+$",
    re.IGNORECASE,
)
# A one-word name that reports news or is told it is a newspaper or a site ("Kelmo
# reported Tuesday", "Kelmo was first to report", "told Kelmo: ..."); a person in the news
# is named in full. Read off the development golds' person items: a news site three times,
# a tabloid, a byline ("Dalton reported from ..."), all junk; no right one dropped.
# Kept narrow (review s34 F12): "reported" with no object after it (a witness "reported
# the leak" is a person), and a colon not before first-person speech (a transcript's
# speaker label, "Obrecht: I saw water ...").
_OUTLET_AFTER: Final = re.compile(
    r"\s+(?:first\s+)?reported\b(?!\s+(?:the|a|an|his|her|their|its|two|three|\d))"
    r"|\s+was\s+(?:the\s+)?first\s+to\b"
    r"|:(?!\s*(?:I|I'm|I’m|We|My|Our|Me)\b)"
)
# A person's name has a capitalised word and is not one shouted word ("UPDATE"; an
# initialism of three letters or fewer may be a person's); the parse also tags
# lower-case runs ("’s agenda", "lesbian group") as people.
_CAPITALISED: Final = re.compile(r"\b[A-Z]")
_SHOUTED: Final = re.compile(r"\W*[A-Z]{4,}\W*")  # a dash or a colon beside it


def _name_shape(mention: Passage) -> bool:
    """Whether a mention has a name's shape: a capitalised word, not one shouted word."""
    return bool(_CAPITALISED.search(mention.text)) and not _SHOUTED.fullmatch(mention.text.strip())


def _not_a_name(material: StoryMaterial, entry: RosterEntry, mention: Passage) -> bool:
    """Whether the name's mention or the parse's labels elsewhere in the story say it
    names no person: a one-word platform or thing (:data:`_THING_BEFORE`),
    a common noun (:func:`_common_word`), or the same words tagged a place, people, firm
    or work in any article of the story (:data:`_THING_LABELS`) with no title before any
    of its mentions ("Mr. Kelmo")."""
    text = material.by_id[mention.article].text
    before = text[max(0, mention.start - 12) : mention.start]
    if " " not in mention.text and (
        _THING_BEFORE.search(before)
        or _common_word(material, entry)
        or _OUTLET_AFTER.match(text, mention.end)
        or _modifier(material, mention.text)
    ):
        return True
    forms = {fold_key(n) for n in (entry.name, *entry.aliases)}
    # A full name only where the entry has one: a bare surname is also a town or a firm
    # too often ("Petra Jordan" / "from Jordan"; review s34 F9).
    full = {f for f in forms if " " in f}
    return _labelled_thing(material, full or forms)


# A one-word name written between an article and a lower-case noun qualifies the noun:
# a people, a place or a side ("the Velmari navy", "the mainly ethnic Orlan and Tesk
# quarter"), not a person in the news. Read off the development golds' unscored person
# items (Multi-News dev2: a nationality and two peoples tagged persons); a title or an
# age or role beside a mention (:func:`_person_cue`) still makes it a person.
_MODIFIER_BEFORE: Final = r"\b(?:the|a|an)\s+(?:[a-z]+\s+){0,2}(?:[A-Z][\w’'-]*\s+(?:and|or)\s+)?"
_MODIFIER_AFTER: Final = r"(?:\s+(?:and|or)\s+[A-Z][\w’'-]*)?\s+[a-z]"


def _modifier(material: StoryMaterial, name: str) -> bool:
    """Whether the story writes the one-word ``name`` as a noun's modifier (see above)."""
    found = re.compile(_MODIFIER_BEFORE + re.escape(name) + _MODIFIER_AFTER)
    return any(found.search(a.text) for a in material.articles)


def _common_word(material: StoryMaterial, entry: RosterEntry) -> bool:
    """Whether a one-word name is a common noun the story also writes in lower case
    ("Victim's mother" in a heading, "the victim" in the text): capitalised at a heading
    or a sentence's start, not a person's name. On the four development golds it drops 3
    person items, all such nouns, and no surname."""
    if " " in entry.name or any(" " in a for a in entry.aliases):
        return False
    word = re.compile(rf"\b{re.escape(entry.name.casefold())}\b")
    return any(word.search(a.text) for a in material.articles)


def _labelled_thing(material: StoryMaterial, keys: set[str]) -> bool:
    """Whether any article tags one of the name's forms with a label of a thing, and no
    mention of it as a person carries a title (the person evidence that outweighs it)."""
    thing = False
    for article in material.articles:
        analysis = material.analysis(article.id)
        if analysis is None:
            continue
        for e in analysis.entities:
            forms = {fold_key(e.name)} | {fold_key(m.text) for m in e.mentions}
            if not forms & keys:
                continue
            if e.type in _THING_LABELS:
                thing = True
            elif e.type == "PERSON" and any(strip_title(m.text) for m in e.mentions):
                return False
    return thing


def _beside_shared_words(
    material: StoryMaterial,
    mention: Passage,
    shared: Sequence[Passage],
    entry: RosterEntry,
    statements: Sequence[Statement],
) -> bool:
    """Whether the name only frames words other sources report (a variant of a
    statement of two or more sources in the name's sentence, not spoken by this person
    there): it stands in the attribution of speech (:func:`_in_attribution`: "told a
    reporter, Ivo Brandt, that ...", "asked by the host Ivo Brandt", "Ivo Brandt of
    Kelmar TV reported", a firm "Brandt & Holm"). A person newly named in such a
    sentence with a verb of their own ("after naming the guard as Ivo Brandt, the chief
    said ...") is news, and stays. Read off the development golds: of 10 wrong person
    exclusives, 4 were framing names; the sentence alone (any name beside shared
    words) also dropped 1 of 72 right ones (review s31/1, finding 3)."""
    sentence = material.sentence_at(mention.article, mention.start)
    if sentence is None or not any(overlaps(sentence, p) for p in shared):
        return False
    keys = {fold_key(n) for n in (entry.name, *entry.aliases)}
    speaks = any(
        s.speaker is not None
        and fold_key(s.speaker) in keys
        and any(overlaps(sentence, v.passage) for v in s.variants)
        for s in statements
    )
    return not speaks and _in_attribution(material, sentence, mention, shared)


# Reporting verbs of speech, stance and writing (the analyser's, by lemma), and the
# verbs and nouns of a conversation: the words an addressee or asker is attached to.
_SPEECH_LEMMAS: Final = frozenset(
    {lemma for lemma, kind in CUE_VERBS.items() if kind in INDIRECT_KINDS}
    | {"speak", "talk", "interview", "chat", "conversation"}
)
# Of those, the verbs whose bare object is the one spoken to ("told Ivo Brandt"); the
# others take them after "to", "with" or "by" ("said to", "spoke with", "asked by"). A
# bare object of "said" ("said Ivo Brandt was hurt") is the reported clause's subject.
_ADDRESSEE_OBJECT: Final = frozenset(
    {"tell", "ask", "assure", "email", "text", "interview", "answer"}
)
_IRREGULAR: Final = {
    "told": "tell", "said": "say", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak",
}  # fmt: skip
_LINKS: Final = frozenset({"to", "with", "by"})
# Plural nouns of negotiation, not speech to a listener: "held talks with rebel leader
# Ivo Brandt" names a party to the talks (review s31, open finding).
_NOT_SPEECH: Final = frozenset({"talks"})
# The name as the subject of a clause of its own (after an optional ", 41,"): a finite
# verb, an auxiliary or a regular past form, follows it ("told reporters Ivo Brandt, 41,
# was wounded": Ivo Brandt is news, not the one told). A past form then followed by
# "by" or a comma is a participle describing the name ("told Ivo Brandt, 41, reached by
# phone, that ...": the one told, review s32 finding 10).
_OWN_CLAUSE = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+(?:was|were|is|are|had|has|have|will|would|could|can|"
    r"may|might|must|should|did|does|died|[a-z]{3,}ed(?!\s*,|\s+by\b))\b"
)
_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
# At most this many words (a role: "the veteran reporter") between the speech word and
# the name; a longer span holds a phrase of its own.
_FRAME_WORDS: Final = 3
# Words that open a clause of the name's own between the speech word and the name, or
# a phrase the name completes ("told the family of Ivo Brandt": the family was told).
_CLAUSE_WORDS: Final = frozenset(
    {"that", "whether", "who", "whom", "which", "when", "as", "and", "or", "but", "if"}
    | {"of", "for", "about", "on", "in", "at", "from", "after", "before", "against"}
)
# Words (with their apostrophes, dots, hyphens) and single punctuation marks.
_TOKEN = re.compile(r"[\w'’&.-]+|[^\w\s]")
# After the name, before the cue: nothing, the name's outlet or firm ("Ivo Brandt of
# Kelmar TV reported"), or one adverb ("Ivo Brandt also reported"); not a conjunction
# ("talks with Ivo Brandt and said": the cue's agent is the sentence's subject).
_AGENT_GAP = re.compile(
    r"[\s,]*(?:(?:of|from|at|for)\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)?[\s,]*"
    r"(?:(?!(?:and|or|but|nor|who|which|that)\s)[a-z]+(?<!ed)(?<!ing)\s+)?"
)
# Longest text between an agent's name and the cue worth reading (a firm of a few words).
_AGENT_REACH: Final = 60
# A name between a determiner and a common noun modifies the noun ("the Brandt tax
# plan"): it names a thing, not a person in the news.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _speech_lemma(word: str) -> str | None:
    """The speech lemma a word form may be ("told", "speaking", "asked", "interview")."""
    w = word.lower()
    if w in _NOT_SPEECH:
        return None
    forms = {w, _IRREGULAR.get(w, w)}
    for end, repl in (("ies", "y"), ("ied", "y"), ("s", ""), ("ed", ""), ("d", ""),
                      ("ing", ""), ("ing", "e")):  # fmt: skip
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)] + repl
            forms |= {stem, stem[:-1]} if stem[-1:] == stem[-2:-1] else {stem}
    found = forms & _SPEECH_LEMMAS
    return min(found) if found else None


def _addressed(before: str) -> bool:
    """Whether the text before a name ends with a speech word and the name's frame as
    its addressee or asker, no verb of the name's own between: "told ", "speaking to
    the reporter ", "asked by the host ", "in an interview with a reporter, "."""
    tokens = _TOKEN.findall(before[-120:])
    words = 0
    linked = False
    for n, token in enumerate(reversed(tokens)):
        if token == ",":
            if n:  # only an apposition's comma, just before the name
                return False
            continue
        lemma = _speech_lemma(token)
        if lemma is not None:
            return linked or lemma in _ADDRESSEE_OBJECT
        low = token.lower()
        if low in _LINKS:
            linked = True
            continue
        if low in _DETERMINERS:
            continue
        words += 1
        # an outlet's possessive is a role word ("said to Kelmar News' ", "told TV4's ")
        bare = _POSSESSIVE.sub("", token).rstrip("'’")
        # a verb form or a clause's word between: the name has a phrase of its own
        if linked or words > _FRAME_WORDS or not bare.isalnum() or low.endswith(("ed", "ing")):
            return False
        if low in _CLAUSE_WORDS:
            return False
    return False


def _in_attribution(
    material: StoryMaterial, sentence: Passage, mention: Passage, shared: Sequence[Passage]
) -> bool:
    """Whether the name stands in the attribution of speech in its sentence: inside a
    quote's cue ("told the reporter Ivo Brandt"), just before the cue of a shared quote
    as its agent (not a witness's own cue in the same sentence), the
    addressee or asker of a speech word (:func:`_addressed`), a modifier of a common noun
    ("the Brandt tax plan"), or inside a firm's name."""
    analysis = material.analysis(mention.article)
    if analysis is None:
        return False
    text = material.by_id[mention.article].text
    # The subject of a clause of its own is never the one told, wherever the cue ends.
    listener = _OWN_CLAUSE.match(text, mention.end) is None
    for q in analysis.quotes:
        if q.cue_start is None or q.cue_end is None:
            continue
        if not sentence.start <= q.cue_start < sentence.end:
            continue
        if listener and q.cue_start <= mention.start and mention.end <= q.cue_end:
            return True
        if (
            mention.end <= q.cue_start <= mention.end + _AGENT_REACH
            and any(
                p.article == mention.article and q.start < p.end and p.start < q.end for p in shared
            )
            and _AGENT_GAP.fullmatch(text[mention.end : q.cue_start])
        ):
            return True
    before = text[sentence.start : mention.start]
    if (listener and _addressed(before)) or (
        _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(text, mention.end)
    ):
        return True
    return any(
        e.type == "ORG"
        and any(m.start <= mention.start and mention.end <= m.end for m in e.mentions)
        for e in analysis.entities
    )


# Where a name ends before words the parse ran on: a possessive, also a plural one and one
# written with a left quote for the apostrophe ("Ansel Roos‘ half-brother", scraped text).
_NAME_END: Final = re.compile(r"['’‘]s\b|(?<=s)['’‘](?!\w)")


def _name_words(name: str) -> list[str]:
    """A name's words after a leading title, up to a possessive ("President Anton" ->
    Anton; "Ansel Roos's levy" -> Ansel Roos)."""
    name = _NAME_END.split(strip_title(name) or name)[0]
    return [fold_key(w) for w in name.split() if fold_key(w)]


def _part_of_other_name(
    material: StoryMaterial, entry: RosterEntry, roster: Sequence[RosterEntry]
) -> bool:
    """Whether a one-source person is a piece of a person another source names: the
    given name alone ("Jonas" beside "Jonas Merrick", a cut "President Anton") or a
    full name with words the parse ran on ("Ansel Roos's levy"; a name equal to
    another's once cut is that person, or the roster would have merged them)."""
    source = material.source_of(entry.articles[0])
    people = [
        [tuple(_name_words(name)) for name in (other.name, *other.aliases)]
        for other in roster
        if other.type == "PERSON" and any(material.source_of(a) != source for a in other.articles)
    ]
    others = [list(n) for person in people for n in person if n]
    fulls = [f for f in others if len(f) > 1]
    for name in (entry.name, *entry.aliases):
        words = _name_words(name)
        if any(_respelled(words, f) and not _written_together(material, words, f) for f in others):
            return True
        if len(words) == 1 and len({tuple(f) for f in fulls if f[0] == words[0]}) == 1:
            return True
        if len(words) > 1 and any(
            f == words[: len(f)] and not suffixed(words[len(f) :]) for f in fulls
        ):
            return True  # not "Ivo Holm Jr." beside "Ivo Holm": father and son
    # "President Holm" / "Ivo Holm", "Chris Holm" / "Christopher J. Holm"; not the
    # people its own article names apart from it ("Ivo Holm ... his mother, Mrs. Holm")
    own = set(entry.articles)
    beside = [
        [tuple(_name_words(name)) for name in (other.name, *other.aliases)]
        for other in roster
        if other is not entry and other.type == "PERSON" and own & set(other.articles)
    ]
    return other_form(
        [tuple(_name_words(n)) for n in (entry.name, *entry.aliases)],
        people,
        lambda a, b: _written_together(material, list(a), list(b)),
        beside,
    )


def _respelled(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` name ``other`` spelled differently ("Marlowe" / "Marlow"); a
    surname alone is compared with the other's surname ("Halvorsen" / "Anders
    Halvorson"). Given names that are each other's other-gender form are two people."""
    if len(words) == 1 and len(other) > 1:
        other = other[-1:]
    if any(_gender_pair(a, b) for a, b in zip(words[:-1], other[:-1], strict=False)):
        return False
    if _transliterated(words, other):
        return True
    return (
        len(words) == len(other)
        and words != other
        and all(a == b or spelled_alike(a, b) for a, b in zip(words, other, strict=True))
    )


# Given names of two relatives often differ only at their end, where a vowel marks the
# gender ("Kristian" / "Kristina", "Antonio" / "Antonia", "Justin" / "Justine"); a
# transliteration's letters differ inside the name ("Kasymir" / "Kazimir") or end in
# "i"/"y" ("Sergei" / "Sergey"). Review s36 G5: siblings were merged into one person.
_GENDER_ENDINGS: Final = frozenset("aeo")


def _gender_pair(a: str, b: str) -> bool:
    """Whether two given names differ at their last letter, one ending in a gender
    vowel (see above)."""
    return a != b and a[-1:] != b[-1:] and bool({a[-1:], b[-1:]} & _GENDER_ENDINGS)


def _written_together(material: StoryMaterial, words: list[str], other: list[str]) -> bool:
    """Whether one article writes both given names beside one surname: one writer
    spells one person one way, so two spellings there are two people
    ("His sister Antonia Ruiz died; her brother Antonio Ruiz survived")."""
    if words[-1:] != other[-1:]:
        return False  # a surname spelled two ways in one article is a slip of one writer
    mine, theirs = set(words) - set(other), set(other) - set(words)
    if not mine or not theirs:
        return False
    for article in material.articles:
        written = {fold_key(_POSSESSIVE.sub("", w)) for w in _TEXT_WORD.findall(article.text)}
        if mine <= written and theirs <= written:
            return True
    return False


# A given name rendered two ways from another script ("Yevgeny" / "Evgeny" aside): the same
# length, first letter and surname, at most two letters swapped ("Kasymir" / "Kazimir").
# Seven letters or more, so short names that differ in two letters ("Marta" / "Maria")
# stay two people. Read off Multi-News dev2 (a head of government spelled both ways).
_TRANSLITERATED_MIN: Final = 7
_TRANSLITERATED_LETTERS: Final = 2


def _transliterated(words: list[str], other: list[str]) -> bool:
    """Whether the last two words of each name are one surname and one given name in
    two renderings (see above); words before them (a title the roster kept) aside."""
    if len(words) < 2 or len(other) < 2 or words[-1] != other[-1]:
        return False
    mine, theirs = words[-2], other[-2]
    return (
        mine != theirs
        and len(mine) == len(theirs) >= _TRANSLITERATED_MIN
        and mine[0] == theirs[0]
        and sum(a != b for a, b in zip(mine, theirs, strict=True)) <= _TRANSLITERATED_LETTERS
    )


def _names_an_outlet(entry: RosterEntry, outlets: set[str]) -> bool:
    """Whether the name (or an alias) is an outlet of the story or a word of one."""
    words = {w for key in outlets for w in key.split()}
    return any(
        outlet_key(name) in outlets or (" " not in name and name.casefold() in words)
        for name in (entry.name, *entry.aliases)
    )
