"""The cached attribute ruler sets exactly what spaCy's own attribute ruler sets.

The extractors read coarse POS tags and lemmas; both come from the attribute ruler
(the lemmatizer reads its POS and morphology). A pipeline with the cached ruler must
give every token the same annotations as the model's own pipeline, including the
rules of two tokens ("gon na", "let 's", "there is") and after the cache starts over.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analyze import nlp as nlp_module
from newsprism.analyze.nlp import CACHED_ATTRIBUTES, RULER, CachedAttributeRuler, load_english

# Invented text touching the ruler's rule kinds: tag-map rules, word+tag rules,
# dependency rules ("there is"), the two-token rules and whitespace tokens.
TEXTS = [
    "Y'all ain't gonna believe it, Mara Lind told reporters on Tuesday.",
    "Let's go, there is a ferry at 6 p.m. and there were 4,200 passengers on it.",
    '"We will not back down," said the union leader.  The port\'s losses reached $3.5m.\n\n'
    "C'mon, the chairman wrote in a letter; gotta admit it's 12% lower than in 2019.",
    "Officials could've said more. The ministers' report, which wasn't published, "
    "estimates that 1.2 million homes are at risk.",
]


def token_annotations(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    return load_english(), load_english(cached_attributes=False)


def test_the_cached_ruler_replaces_the_models_ruler_in_place(
    pipelines: tuple[Language, Language],
) -> None:
    cached, original = pipelines
    assert CACHED_ATTRIBUTES in cached.pipe_names and RULER not in cached.pipe_names
    position = original.pipe_names.index(RULER)
    assert cached.pipe_names[position] == CACHED_ATTRIBUTES
    assert isinstance(cached.get_pipe(CACHED_ATTRIBUTES), CachedAttributeRuler)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_gets_what_spacys_ruler_gives(
    pipelines: tuple[Language, Language], text: str
) -> None:
    cached, original = pipelines
    assert token_annotations(cached(text)) == token_annotations(original(text))
    # A second pass answers from the cache: still the same.
    assert token_annotations(cached(text)) == token_annotations(original(text))


def test_same_annotations_after_the_cache_starts_over(
    pipelines: tuple[Language, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached, original = pipelines
    monkeypatch.setattr(nlp_module, "MAX_CACHED_KEYS", 3)
    for text in TEXTS:
        assert token_annotations(cached(text)) == token_annotations(original(text))
    ruler = cached.get_pipe(CACHED_ATTRIBUTES)
    assert isinstance(ruler, CachedAttributeRuler)
    assert len(ruler.rules) <= 3 + max(len(cached.make_doc(t)) for t in TEXTS)
