"""The units a figure may be written with, by kind, and their conversion to one unit a
kind: the table :func:`~newsprism.analyze.numbers.read_amounts` reads a unit after a
figure by, and that facts compare and :mod:`newsprism.analyze.unit_modifiers` reads a
unit noun by.

Split out of :mod:`newsprism.analyze.numbers` (no change of behaviour), which still
exports :data:`UNITS` and :data:`Kind`.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from newsprism.analyze.written_forms import SP

__all__ = ["UNITS", "Form", "Kind", "Unit"]

Kind = Literal["count", "percent", "points", "money", "area", "length", "speed", "mass", "time"]
Form = Literal["digits", "words", "fraction", "vague", "ratio"]


class Unit(NamedTuple):
    """A unit as written (regex), its kind, the common unit, and the conversion factor."""

    pattern: str
    kind: Kind
    unit: str
    factor: float = 1.0  # multiply the written value by this to get ``unit``


#: Units written after a number ("30%", "4,200 square kilometres", "a three-day"), with
#: their conversion to one unit per kind. A pattern matches only a whole word; the
#: first pattern that matches wins.
_SQUARE = rf"square(?:{SP}?-{SP}?|{SP}+)"  # "square miles", "square-foot", "square - foot"
UNITS: Final = (
    # Shares. Percentage points are a difference of two shares, never compared with one.
    Unit(r"[%٪]", "percent", "percent"),  # Arabic ٪ too
    Unit(rf"per{SP}?cent|percent|pct\.?", "percent", "percent"),
    Unit(rf"percentage{SP}+points?", "points", "percentage points"),
    # Areas, to km². Square miles and acres are the international (1959) definitions.
    Unit(rf"{_SQUARE}kilomet(?:re|er)s?|sq\.?{SP}?km|km²|km2", "area", "km2"),
    Unit(rf"{_SQUARE}miles?|sq\.?{SP}?mi(?:les?)?|mi²|mi2", "area", "km2", 2.589988110336),
    Unit(r"hectares?|ha", "area", "km2", 0.01),
    Unit(r"acres?", "area", "km2", 0.0040468564224),
    Unit(rf"{_SQUARE}met(?:re|er)s?|sq\.?{SP}?m|m²|m2", "area", "km2", 1e-6),
    Unit(rf"{_SQUARE}(?:feet|foot)|sq\.?{SP}?ft|ft²", "area", "km2", 9.290304e-8),
    # Speeds, to km/h; before lengths, which would take "20 km" of "20 km per hour".
    Unit(rf"km/h|kph|(?:km|kilomet(?:re|er)s){SP}+(?:per|an){SP}+hour", "speed", "km/h"),
    Unit(rf"mph|miles{SP}+(?:per|an){SP}+hour", "speed", "km/h", 1.609344),
    Unit(r"knots?", "speed", "km/h", 1.852),
    # Lengths, to km ("m" after a figure is metres unless a currency makes it million).
    Unit(r"kilomet(?:re|er)s?|kms?", "length", "km"),
    Unit(rf"nautical{SP}+miles?|nmi", "length", "km", 1.852),
    Unit(r"miles?", "length", "km", 1.609344),
    Unit(r"met(?:re|er)s?|m", "length", "km", 1e-3),
    Unit(r"centimet(?:re|er)s?|cm", "length", "km", 1e-5),
    Unit(r"millimet(?:re|er)s?|mm", "length", "km", 1e-6),
    Unit(r"feet|foot|ft", "length", "km", 3.048e-4),
    Unit(r"inch(?:es)?", "length", "km", 2.54e-5),  # "in." is left out: the preposition
    Unit(r"yards?|yds?", "length", "km", 9.144e-4),
    # Weights, to kg. "tons" is read as metric: a US short ton (907 kg) is within 10%.
    Unit(rf"tonnes?|metric{SP}+tons?|tons?", "mass", "kg", 1000.0),
    Unit(r"kilo(?:gram(?:me)?s?|s)?|kgs?", "mass", "kg"),
    Unit(r"gram(?:me)?s?", "mass", "kg", 1e-3),
    Unit(r"lbs?", "mass", "kg", 0.45359237),
    Unit(r"ounces?|oz", "mass", "kg", 0.028349523125),
    # Durations, in their calendar unit (months and years have no fixed length in days).
    Unit(r"seconds?|secs?", "time", "seconds"),
    Unit(r"minutes?|mins?", "time", "minutes"),
    Unit(r"hours?|hrs?", "time", "hours"),
    Unit(r"days?", "time", "days"),
    Unit(r"weeks?", "time", "weeks"),
    Unit(r"fortnights?", "time", "weeks", 2.0),
    Unit(r"months?", "time", "months"),
    Unit(r"years?|yrs?", "time", "years"),
    Unit(r"decades?", "time", "years", 10.0),
    Unit(r"centur(?:y|ies)", "time", "years", 100.0),
    # Money written after the number, to ISO 4217 codes.
    Unit(r"euros?|eur", "money", "EUR"),
    Unit(rf"(?:us{SP}+)?dollars?|usd", "money", "USD"),
    Unit(rf"(?:pounds?{SP}+)?sterling|gbp", "money", "GBP"),
    Unit(r"pounds?", "money", "GBP"),  # a weight where the sentence is about weight
    Unit(r"kronor|krona|sek", "money", "SEK"),  # Swedish plural and singular
    Unit(r"kroner|krone|kr\.?", "money", "kroner"),  # Danish or Norwegian: by context
    Unit(r"dkk", "money", "DKK"),
    Unit(r"nok", "money", "NOK"),
    Unit(r"francs?|chf", "money", "CHF"),
    Unit(r"yen|jpy", "money", "JPY"),
    Unit(r"yuan|renminbi|rmb|cny", "money", "CNY"),
    Unit(r"rupees?|inr", "money", "INR"),
    Unit(r"roubles?|rubles?|rub", "money", "RUB"),
    Unit(r"hryvnias?|uah", "money", "UAH"),
    Unit(r"zlotys?|pln", "money", "PLN"),
)
