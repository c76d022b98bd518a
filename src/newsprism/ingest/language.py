"""Language identification with py3langid (langid.py's model, offline).

py3langid finds the byte n-gram features of a text by walking a finite automaton over it
one byte at a time in Python, which was two thirds of its time (bench/ingest.py). The
walk here is the same automaton run over every byte position at once with numpy: the
states of step ``k`` are the states of step ``k - 1`` shifted by one position, moved on
by each position's byte, until a step changes nothing. That fixed point is the
sequential walk itself (each state is then its predecessor moved on by its byte, and
the first is the start state's move), reached after one more step than the longest
feature of the model has bytes (6 for py3langid 0.4's: 7 steps). The feature counts go
to py3langid's scoring in the order the sequential walk first meets them, so the
scores are the library's to the last bit (tests/test_ingest_language.py compares both).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import numpy.typing as npt
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from newsprism.model import word_count

logger = logging.getLogger(__name__)

# The languages the analysis reads (analyze.analyzer.SUPPORTED_LANGUAGES is this very
# set: it lives here so that ingest can say which articles it will skip without loading
# spaCy).
ANALYSED_LANGUAGES = frozenset({"en"})

# langid's normalized probability below which we say "unknown" rather than guess;
# short or mixed texts fall under it. 0.5 keeps every sample article above it.
MIN_CONFIDENCE = 0.5
# The head of an article decides its language; reading more changes nothing but time.
# langid's cost is linear in the sample (a walk over its bytes, then a lookup per n-gram
# found). Calibrated on the 730 texts over 2,000 characters of the evaluation sets
# (English and German news): every decision (code or unclear) at 500, 800 or 1,000
# characters equals the one at 2,000; 1,000 keeps a margin.
SAMPLE_CHARS = 1000

# Scripts read as one for the bulk of a text: Japanese mixes kanji and kana in one
# sentence (its prolonged sound mark "ー" and iteration mark "々" are letters of their
# own name), and its full-width Latin letters belong to it.
_EAST_ASIAN = frozenset(
    {
        "CJK",
        "HIRAGANA",
        "KATAKANA",
        "KATAKANA-HIRAGANA",
        "IDEOGRAPHIC",
        "HANGUL",
        "FULLWIDTH",
        "HALFWIDTH",
    }
)
# What one East Asian letter counts for when the main script is chosen: a kanji, a
# hanzi or a Hangul syllable carries what two or more Latin letters do (a Chinese word
# is one or two characters). By letters alone, a short Chinese or Korean article with a
# few product names ("Windows 11", "Galaxy S24 Ultra") was mostly Latin, and so English.
# 2 keeps two English sentences with one Japanese sentence of like length English
# (tests/test_ingest_language_bulk.py) and makes such articles Chinese or Korean.
_EAST_ASIAN_WEIGHT = 2
# The fewest words a sample needs for a language; an East Asian letter counts as one
# (Chinese and Japanese are written without spaces).
_MIN_WORDS = 3
# Names do not tell a text's language: a short English report dense with Polish names
# ("Mayor Krzysztof Wójcik met Grzegorz Szczepański in Łódź ...") was Polish at 0.99999,
# since langid reads the names' letter sequences, and was never analysed. When at least
# _NAME_SHARE of a sample's words are capitalised, its other words (function words,
# verbs) are classified too, and decide when there are _MIN_PLAIN_WORDS of them and
# langid is sure of them. Calibrated over 3,739 labelled texts (SemEval 2022 task 8's
# de/en/es/pl/tr/... pairs, BASIL, ECB+, Multi-News, the German quotation set): at
# 0.3, 0.2, 0.15 not one decision changed (1,542 / 2,270 / 2,875 texts asked twice);
# at 0 (every text) one changed, Hindi -> English, rightly. 0.2 reaches English texts
# with a fifth of their words names and asks 60 % of texts twice.
_NAME_SHARE = 0.2
# Languages that capitalise every noun: there a fifth of the words capitalised is prose,
# not names, and the words left are function words plus any quote in another language
# (a short German report quoting one English sentence was read as English and analysed
# as such; review s36/2 M2). Their full sample's answer stands.
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_MIN_PLAIN_WORDS = 8
# A one-sentence report dense with names leaves fewer prose words than that ("... were
# charged in ..., prosecutor ... said": 6), and its names' language stood, so it was
# never analysed. From this many prose words, their answer stands when it is a language
# the analysis reads (skipping an English report loses it; the prose of a foreign one
# says its own language, as 'i zostali oskarżeni w'). Calibrated on 2,693 labelled
# texts (SemEval 2022 task 8 in 10 languages, BASIL, ECB+, Multi-News), each whole and
# cut to its first 1, 2, 3 sentences and 150, 300 characters: at 3, 5 or 6 words no
# analysed-or-not decision changed (15 at 5 went from unclear to English, all English
# texts); taking any language's answer instead read two English heads as foreign.
_MIN_PLAIN_WORDS_ANALYSED = 5
# langid's short answer alone is no proof (review s38/2 S1): an Italian headline's prose
# 'e match in streaming a' read as English at 5 words. The short answer stands only when
# the prose holds at least _MIN_ENGLISH_WORDS English function words that are not words
# of the other Latin-script languages langid confuses with it ('in', 'a', 'an', 'on',
# 'at', 'for', 'is', 'die' are; 'was', 'of', 'to', 'by' are words elsewhere too but
# never two of them in one short foreign prose langid calls English).
_ENGLISH_FUNCTION_WORDS = frozenset(
    {"and", "the", "were", "was", "said", "says", "of", "to", "by", "with", "has", "have"}
    | {"had", "been", "are", "from", "after", "that", "this", "who", "which", "their"}
    | {"they", "its", "would", "but", "into", "about", "than", "when", "while", "told"}
)
_MIN_ENGLISH_WORDS = 2
# A German reading of a name-dense sample is its names' (review s38/2 S1: 'Hans Müller,
# Jürgen Schäfer and Petra Köhler were charged in ..., prosecutor ... said' was German and
# never analysed). German capitalises its nouns, so its prose is only its lower-case
# words; they are overruled only when they hold none of German's commonest function
# words (no German sentence goes without one) and read as English as above.
_GERMAN_FUNCTION_WORDS = frozenset(
    {"und", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem"}
    | {"einer", "ist", "sind", "war", "wurde", "wurden", "hat", "haben", "nicht", "mit"}
    | {"von", "zu", "zum", "zur", "im", "am", "auf", "für", "bei", "nach", "aus", "sich"}
    | {"auch", "dass", "sagte", "über", "vor", "wie", "oder", "aber", "es", "er", "sie"}
)
# Lower-case particles inside names (Dutch, German, Romance, Arabic, Malay): before a
# capitalised word (or joined to one by a hyphen, 'al-Name') they belong to the name.
# Listed by hand from naming conventions, not fitted to a set.
_NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "ter", "ten", "de", "del", "della", "di", "da", "das"}
    | {"dos", "do", "du", "la", "le", "bin", "binti", "bint", "ibn", "al", "el", "abu"}
)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


class _ArrayWalkIdentifier(LanguageIdentifier):  # type: ignore[misc]
    """py3langid's identifier with the feature walk done over all positions at once."""

    __slots__ = ("_moves", "_outputs", "_rows")

    def __init__(self, nb_ptc: object, *args: object, **kwargs: object) -> None:
        super().__init__(np.asarray(nb_ptc, dtype=np.float32), *args, **kwargs)
        # The automaton as arrays: next state = moves[rows[state] + byte]; outputs[state]
        # is the feature a state stands for, or -1.
        self._moves = np.frombuffer(self.tk_nextmove, dtype=_dtype_of(self.tk_nextmove))
        self._rows = np.asarray(self._rowbase, dtype=np.int64)
        self._outputs = np.asarray(self.tk_output, dtype=np.int64)

    def _raw_score(self, text: bytes) -> FloatArray:
        """py3langid's ``_raw_score``: its naive Bayes scores of the text's features."""
        features, counts = feature_counts(self._walk(text), self._outputs)
        if not len(features):
            return super()._raw_score(text)  # type: ignore[no-any-return]  # its "no features"
        scores: FloatArray = np.log1p(counts) @ self.nb_ptc[features] + self.nb_pc
        return scores

    def _walk(self, text: bytes) -> IntArray:
        """The automaton's state after each byte of ``text``, as the sequential walk."""
        letters = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
        states = np.zeros(len(letters), dtype=np.int64)
        if not len(letters):
            return states
        start = int(self._rows[0])
        while True:
            moved = np.empty_like(states)
            moved[0] = self._moves[start + letters[0]]
            moved[1:] = self._moves[self._rows[states[:-1]] + letters[1:]]
            if np.array_equal(moved, states):
                return states
            states = moved


def feature_counts(states: IntArray, outputs: IntArray) -> tuple[IntArray, FloatArray]:
    """The features the states stand for and how often, in order of first appearance
    (the order of py3langid's ``Counter``, which fixes the order of its sums)."""
    found = outputs[states]
    found = found[found >= 0]
    features, first, counts = np.unique(found, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return features[order], counts[order].astype(np.float32)


def _dtype_of(table: object) -> str:
    """numpy's name for an ``array.array``'s item type (the model stores unsigned ints)."""
    typecode = getattr(table, "typecode", None)
    if typecode is None:
        raise TypeError(f"py3langid's automaton table is a {type(table).__name__}, not an array")
    return str(np.dtype(typecode).str)


@functools.cache
def _identifier() -> _ArrayWalkIdentifier:
    """langid's model, loaded once per process and shared: it is only read after
    loading, and every ingest context (one per shard on a dask worker, one per web
    upload) would otherwise load its own (about 0.6 s each)."""
    model: _ArrayWalkIdentifier = _ArrayWalkIdentifier.from_modelpath(
        Path(MODEL_DIR) / MODEL_FILE, norm_probs=True
    )
    return model


class LanguageDetector:
    """Detects an ISO 639-1 code, or None when the text is too short or unclear.

    Uses langid's model, loaded once per process (about 0.6 s, 90 MB); ``detect`` reads
    a 1,000-character sample.
    """

    def __init__(self) -> None:
        self._identifier = _identifier()

    def detect(self, text: str) -> str | None:
        head = text[:SAMPLE_CHARS]
        sample = main_script(head)
        code = self._classify(sample)
        if code is None and sample != head:
            # The main script's letters alone are unclear (a few brand names blanked out
            # of their Korean sentences): the whole sample says more than they do.
            code = self._classify(head)
        plain = without_names(sample)
        if plain is None:
            return code
        if code in _NOUNS_CAPITALISED:
            return self._english_prose(plain, _GERMAN_FUNCTION_WORDS) or code
        return self._prose_language(plain) or code

    def _prose_language(self, plain: str) -> str | None:
        """The language of a name-dense sample's other words (:func:`without_names`),
        or None when they do not decide it."""
        found = self._classify(plain, _MIN_PLAIN_WORDS)
        if found is not None:
            return found
        return self._english_prose(plain)

    def _english_prose(self, plain: str, foreign: frozenset[str] = frozenset()) -> str | None:
        """English ("en") when a short prose reads as English, holds English function
        words and none of ``foreign``; else None (too short to say anything else)."""
        words = plain.lower().split()
        english = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
        if english < _MIN_ENGLISH_WORDS or any(w in foreign for w in words):
            return None
        short = self._classify(plain, _MIN_PLAIN_WORDS_ANALYSED)
        return short if short in ANALYSED_LANGUAGES else None

    def _classify(self, sample: str, min_words: int = _MIN_WORDS) -> str | None:
        """langid's code for ``sample``, or None when it is too short or unclear."""
        if word_count(sample) < min_words:
            return None
        code, confidence = self._identifier.classify(sample)
        if confidence < MIN_CONFIDENCE:
            logger.debug("language unclear (%s at %.2f)", code, confidence)
            return None
        return str(code)


def without_names(sample: str) -> str | None:
    """``sample``'s words that are not capitalised, when at least ``_NAME_SHARE`` of its
    words are (a text dense with names, whose letters may say another language than its
    prose); else None. The words kept are in their order, one space apart."""
    words = _WORD.findall(sample)
    plain = [w for i, w in enumerate(words) if not _in_name(words, i)]
    if not words or len(words) - len(plain) < _NAME_SHARE * len(words):
        return None
    return " ".join(plain)


def _in_name(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is part of a name: capitalised, or a lower-case name particle
    ('van', 'de', 'bin', 'al-') between capitalised words (review s36/2 L5: "Jan van der
    Berg met Pieter de Vries ..." kept 'van der de van' as prose and an English text read
    as Dutch). A capitalised word must stand before the particles too (review s37/2 S1):
    in Romance prose 'de', 'la', 'di', 'da' come before every place and institution ('la
    mairie de Saint Brieuc'), and dropping them left a short French report its English
    quote."""
    word = words[i]
    if word[0].isupper():
        return True
    start = i
    while start > 0 and words[start - 1] in _NAME_PARTICLES:
        start -= 1
    if start == 0 or not words[start - 1][0].isupper():
        return False
    head, dash, rest = word.partition("-")
    if dash and head.lower() in _NAME_PARTICLES:
        return rest[:1].isupper()
    j = i
    while j < len(words) and words[j] in _NAME_PARTICLES:
        j += 1
    return j > i and j < len(words) and words[j][0].isupper()


def main_script(sample: str) -> str:
    """``sample`` with the letters of every script but its main one (the one most of its
    letters are written in) blanked, so the bulk of a text decides its language. langid
    reads bytes, and a Japanese character is three of them: a short English article
    with one Japanese sentence was ``ja`` and so never analysed."""
    if sample.isascii():
        return sample
    scripts = [_script(c) for c in sample]
    counts = Counter(s for s in scripts if s)
    if len(counts) < 2:
        return sample
    if "CJK" in counts:
        counts["CJK"] *= _EAST_ASIAN_WEIGHT
    main = counts.most_common(1)[0][0]
    return "".join(" " if s and s != main else c for c, s in zip(sample, scripts, strict=True))


def _script(char: str) -> str | None:
    """The script of a letter by its Unicode name's first word (LATIN, CYRILLIC, ARABIC,
    or one East Asian group); None for what is no letter (digits, marks, punctuation)
    and for modifier letters, which serve many scripts (Ukrainian writes "ʼ" inside its
    Cyrillic words)."""
    if not unicodedata.category(char).startswith("L"):
        return None
    word = unicodedata.name(char, "?").split(" ", 1)[0]
    if word == "MODIFIER":
        return None
    return "CJK" if word in _EAST_ASIAN else word
