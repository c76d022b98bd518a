"""Language detection: the array walk gives py3langid's own scores, bit for bit."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from newsprism.ingest.language import LanguageDetector, feature_counts

# Invented sentences in the languages the evaluation sets hold, and mixed and odd ones.
TEXTS = [
    "The harbour board of Tessel voted on Tuesday to close the old ferry pier by March.",
    "Der Hafenrat von Tessel hat am Dienstag beschlossen, den alten Fähranleger zu schließen.",
    "Le conseil du port de Tessel a voté mardi la fermeture du vieil embarcadère.",
    "La junta del puerto de Tessel votó el martes cerrar el viejo muelle de transbordadores.",
    "Tessel liman kurulu salı günü eski feribot iskelesini kapatma kararı aldı.",
    "Rada portu w Tesselu zagłosowała we wtorek za zamknięciem starego nabrzeża promowego.",
    "صوّت مجلس ميناء تيسل يوم الثلاثاء على إغلاق رصيف العبارات القديم.",
    "泰瑟尔港务局周二投票决定关闭旧渡轮码头。",
    "Совет порта Тессела во вторник проголосовал за закрытие старого паромного причала.",
    "THE HARBOUR BOARD VOTED TO CLOSE THE PIER",  # all capitals: py3langid lowers it
    "Tessel: 12,5 % mehr Fähren (2026) — „so viele wie nie“, sagte die Sprecherin.",
    "",
    "a",
    "🙂 🚢 ⚓",
    "\x00\x01 tab\tand\nbreaks\r\n",
    "lone surrogate \ud800 kept",
]


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.fixture(scope="module")
def stock() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(Path(MODEL_DIR) / MODEL_FILE, norm_probs=True)


def random_texts(count: int, seed: int = 7) -> list[str]:
    """Random strings over ASCII, Latin, Cyrillic, Arabic and CJK, some very short."""
    rng = random.Random(seed)
    ranges = [(0x20, 0x7E), (0xC0, 0x17F), (0x400, 0x4FF), (0x600, 0x6FF), (0x4E00, 0x4FFF)]
    texts = []
    for _ in range(count):
        low, high = rng.choice(ranges)
        texts.append("".join(chr(rng.randint(low, high)) for _ in range(rng.randint(0, 300))))
    return texts


def test_scores_equal_py3langid_bit_for_bit(
    detector: LanguageDetector, stock: LanguageIdentifier
) -> None:
    ours = detector._identifier
    for text in TEXTS + random_texts(150):
        expected = stock._decide(text)
        got = ours._decide(text)
        assert got.dtype == expected.dtype
        assert np.array_equal(got, expected), text
        assert ours.classify(text) == stock.classify(text)


def test_walk_is_the_sequential_walk(detector: LanguageDetector) -> None:
    ours = detector._identifier
    text = "Der Hafenrat von Tessel, 2026: „Schluss“ 🙂".encode()
    state, expected = 0, []
    for byte in text:  # py3langid's own walk
        state = ours.tk_nextmove[ours._rowbase[state] + byte]
        expected.append(state)
    assert ours._walk(text).tolist() == expected
    assert ours._walk(b"").tolist() == []


def test_feature_counts_keep_first_appearance_order() -> None:
    outputs = np.array([-1, 5, 3, 9, -1], dtype=np.int64)
    states = np.array([2, 0, 1, 2, 3, 1, 4, 2], dtype=np.int64)
    features, counts = feature_counts(states, outputs)
    assert features.tolist() == [3, 5, 9]
    assert counts.tolist() == [3.0, 2.0, 1.0]
    assert counts.dtype == np.float32


def test_detect_names_languages_and_abstains_on_short_text(detector: LanguageDetector) -> None:
    assert detector.detect(TEXTS[0]) == "en"
    assert detector.detect(TEXTS[1]) == "de"
    assert detector.detect(TEXTS[5]) == "pl"
    assert detector.detect("Tessel pier") is None  # under three words
