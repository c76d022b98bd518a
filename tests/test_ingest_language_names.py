"""Names do not decide a text's language: a short English report dense with Polish names
was detected as Polish (langid reads the names' letter sequences) and never analysed.
Invented names and events."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.language import LanguageDetector, without_names
from newsprism.store import Store

_ENGLISH_POLISH_NAMES = (
    "Mayor Krzysztof Wójcik-Brzęczyszczykiewicz met Grzegorz Szczepański and Małgorzata "
    "Żółtowska in Łódź on Tuesday. Wójcik said Szczepański and Żółtowska would lead the "
    "Przybyszewski Foundation. Jarosław Kaczmarczyk of Wrocław and Bożena Chmielewska from "
    "Szczecin joined Zbigniew Wiśniewski at Piotrkowska Street."
)
_ENGLISH_FEW_WORDS = (
    "Zdzisław Krzyżanowski and Łucja Wróblewska-Szczęsna won seats in Częstochowa, while "
    "Przemysław Grzybowski lost in Białystok. Krzyżanowski thanked voters in Kraków."
)
_POLISH_ENGLISH_NAMES = (
    "Prezydent Łodzi Krzysztof Wójcik spotkał się z John Smith i Mary Johnson z Boston "
    "Harbour Trust. Smith powiedział, że plan będzie gotowy w przyszłym tygodniu."
)
_GERMAN_ENGLISH_NAMES = (
    "Der Bürgermeister traf sich am Dienstag mit John Smith und Mary Johnson von der "
    "Harbour Trust Company in Boston. Smith sagte, dass die Pläne bald fertig seien."
)


def test_an_english_text_dense_with_polish_names_is_english() -> None:
    detector = LanguageDetector()
    assert detector.detect(_ENGLISH_POLISH_NAMES) == "en"
    assert detector.detect(_ENGLISH_FEW_WORDS) == "en"


def test_one_english_sentence_dense_with_names_is_english() -> None:
    """Six prose words were too few to decide, and the names' Polish stood."""
    detector = LanguageDetector()
    charged = (
        "Krzysztof Wójcik, Grzegorz Szczepański and Małgorzata Żółtowska were charged in "
        "Bydgoszcz, prosecutor Paweł Kwiatkowski said."
    )
    assert detector.detect(charged) == "en"
    met = "Jääskeläinen and Kärkkäinen met Hyvärinen in Jyväskylä. The meeting was short."
    assert detector.detect(met) == "en"


def test_one_foreign_sentence_dense_with_names_keeps_its_language() -> None:
    detector = LanguageDetector()
    polish = (
        "Krzysztof Wójcik, Grzegorz Szczepański i Małgorzata Żółtowska zostali oskarżeni "
        "w Bydgoszczy, powiedział prokurator Paweł Kwiatkowski."
    )
    assert detector.detect(polish) == "pl"
    italian = "Mario Rossi e Giulia Bianchi hanno incontrato Lucia Ferrante a Palazzo Venera."
    assert detector.detect(italian) == "it"
    dutch = "Jan de Vries en Pieter Jansen spraken met Joris Bakker in Den Haag over het plan."
    assert detector.detect(dutch) == "nl"


def test_a_text_whose_prose_is_another_language_keeps_it() -> None:
    detector = LanguageDetector()
    assert detector.detect(_POLISH_ENGLISH_NAMES) == "pl"
    # German capitalises its nouns: what is left is still German.
    assert detector.detect(_GERMAN_ENGLISH_NAMES) == "de"


def test_without_names_only_where_names_are_dense() -> None:
    plain = "The council voted on Tuesday to close the old pier by the end of the month."
    assert without_names(plain) is None
    assert without_names("Ana Holt met Bo Lind in Tessel.") == "met in"
    assert without_names("") is None


def test_the_command_line_stores_it_as_english(tmp_path: Path) -> None:
    article = tmp_path / "council.txt"
    article.write_text("Council names foundation board\n\n" + _ENGLISH_POLISH_NAMES + "\n")
    db = tmp_path / "n.db"
    result = CliRunner().invoke(app, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "not analysed" not in result.stderr
    with Store(db) as store:
        (stored,) = store.list_articles()
    assert stored.language == "en"


_GERMAN_ENGLISH_QUOTE = (
    "Streik im Werk Tormstadt: Die Gewerkschaft Metall Ost lehnt das Angebot der "
    "Werksleitung ab.\n\nBetriebsrat Dan Curtis, ein Ire, sagte: \u201ewe are not going back "
    "in until the bosses keep their word\u201c.\n\nDie Bänder stehen still.\n"
)


def test_a_short_german_report_quoting_english_stays_german(tmp_path: Path) -> None:
    """German capitalises every noun: without its capitalised words a short report is
    its function words and the English quote, which read as English (review s36/2 M2)."""
    article = tmp_path / "werk.txt"
    article.write_text(_GERMAN_ENGLISH_QUOTE, encoding="utf-8")
    db = tmp_path / "n.db"
    args = ["ingest", str(article), "--outlet", "Ostkurier", "--db", str(db)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "language de: not analysed" in result.stderr
    with Store(db) as store:
        (stored,) = store.list_articles()
    assert stored.language == "de"


_ENGLISH_DUTCH_NAMES = (
    "Jan van der Berg met Pieter de Vries and Anneke van den Heuvel in Utrecht. Van der "
    "Berg said Maarten van Dijk and Sanne de Jong would join Femke van der Linden at "
    "Oudegracht."
)


def test_name_particles_are_part_of_the_name() -> None:
    # Review s36/2 L5: 'van der ... de ... van den' were kept as prose and the text read
    # as Dutch.
    assert LanguageDetector().detect(_ENGLISH_DUTCH_NAMES) == "en"
    plain = without_names("Omar al-Rashid met Ali bin Sami and Eva van der Berg in Tessel.")
    assert plain == "met and in"


def test_a_particle_before_a_plain_word_stays_prose() -> None:
    assert without_names("Ana Holt and Bo Lind met de facto in Tessel.") == "and met de facto in"


# Review s37/2 S1: Romance prose puts 'de', 'la', 'di', 'da' before every place and
# institution; dropped as name particles, a short report was left its English quote.
_FRENCH_ENGLISH_QUOTE = (
    "Le maire de la commune de Port Vendrelle, Luc de la Ferté, a reçu mardi Anne du Val "
    "et Rémi de la Haye à la salle de Sainte Mireille. La visite a duré une heure. "
    '"We are very glad that the new bridge will be built this year for everyone", a '
    "déclaré de la Ferté."
)
_ITALIAN_ENGLISH_QUOTE = (
    "Il sindaco del comune di Valdorma, Piero di Sante, ha ricevuto martedì Gino della "
    "Rocca e Ugo da Riva nella sala della Provincia di Castelvetro. La visita è durata "
    "un'ora. \"We are very glad that the new bridge will be built this year for "
    'everyone", ha dichiarato di Sante.'
)


def test_romance_prepositions_before_places_stay_prose() -> None:
    detector = LanguageDetector()
    assert detector.detect(_FRENCH_ENGLISH_QUOTE) == "fr"
    assert detector.detect(_ITALIAN_ENGLISH_QUOTE) == "it"
    # A particle after a lower-case word is prose; after a first name, part of the name.
    plain = without_names("Le maire de Port Vendrelle a reçu Luc de la Ferté.")
    assert plain == "maire de a reçu"


def test_a_short_foreign_report_dense_with_names_is_not_read_as_english() -> None:
    """Review s38/2 S1: five prose words langid called English ('e ... in ... a') were
    taken as English, and an Italian one-liner was analysed as English. Invented."""
    detector = LanguageDetector()
    tour = "Carla Venti, Dario Lupo e Nino Sarti in tour a Roccalta con Elio Ferri."
    assert detector.detect(tour) != "en"
    streaming = "Carla Venti e Nino Sarti: match in streaming a Roccalta."
    assert detector.detect(streaming) != "en"


def test_one_english_sentence_dense_with_german_names_is_english() -> None:
    """Review s38/2 S1: German names made the sample German, whose answer always stood."""
    detector = LanguageDetector()
    charged = (
        "Uwe Kählert, Jörg Schüßler and Birgit Wölfle were charged in Quedlinburg, "
        "prosecutor Rüdiger Pfäfflin said."
    )
    assert detector.detect(charged) == "en"
    german = (
        "Uwe Kählert, Jörg Schüßler und Birgit Wölfle wurden in Quedlinburg angeklagt, "
        "sagte Staatsanwalt Rüdiger Pfäfflin."
    )
    assert detector.detect(german) == "de"
