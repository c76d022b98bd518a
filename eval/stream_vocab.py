"""Word lists and sentence templates of the generated story stream (``eval/stream.py``).

Everything is invented: five countries with their towns, regions and cabinets, twenty
outlets and two wire agencies, sixteen kinds of event, and the English, German and
French templates that outlets fill in. Constants only; all choices are made in
``stream.py`` from a seeded ``random.Random``.

Template slots: ``{place}`` ``{region}`` ``{country}`` ``{noun}`` (the outlet's word for
the event: "strike", "walkout"), ``{group}`` (who is affected), ``{site}``, ``{unit}``
(what is counted), ``{count}``, ``{money}``, ``{pct}``, ``{when}``, ``{org}``, and for
people ``{name}``, ``{surname}``, ``{title}``, ``{role}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Country:
    """A country: its towns, regions, and the titles of its recurring public figures."""

    name: str
    places: tuple[str, ...]
    regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventKind:
    """One kind of news event and the words outlets use for it.

    ``nouns`` are synonyms (each outlet prefers one); ``ministers`` are the cabinet
    titles that comment on such events; ``ledes`` and ``quotes`` are English templates;
    ``noun_de``/``noun_fr`` and ``unit_de``/``unit_fr`` feed the German and French ones.
    """

    key: str
    nouns: tuple[str, ...]
    group: str
    site: str
    unit: str
    count_range: tuple[int, int]
    ministers: tuple[str, ...]
    ledes: tuple[str, ...]
    quotes: tuple[str, ...]
    noun_de: str
    unit_de: str
    noun_fr: str
    unit_fr: str


@dataclass(frozen=True, slots=True)
class OutletName:
    """An outlet: display name, and whether it is a wire agency (its credit tag)."""

    name: str
    credit: str | None = None


COUNTRIES: Final = (
    Country(
        "Ostrenia",
        ("Lorvik", "Jelvar", "Sennik", "Dolna Brava", "Veransk", "Kelmstad", "Rostaval",
         "Quenby", "Marrowby", "Talsk"),
        ("the Caldera Hills", "the Orsk valley"),
    ),
    Country(
        "Valdoria",
        ("Tessel", "Orsk", "Mirefield", "Pellham", "Vastmoor", "Eldhavn", "Corvale",
         "Astrid Falls", "Brennock", "Sorrento Nuevo"),
        ("the Tessel coast", "the Mire delta"),
    ),
    Country(
        "Kesteria",
        ("Brannock", "Harrowgate Bay", "Ostrava Nova", "Caldera Springs", "Saltmarsh",
         "Wexley Cross", "Dunhaven", "Irvale", "Kestrel Point", "Moravik"),
        ("the Brannock peninsula", "the eastern lowlands"),
    ),
    Country(
        "Norland",
        ("Fjellby", "Narvesund", "Holmgard", "Skarvik", "Trollheim", "Lindmark", "Osterdal",
         "Ravnsborg", "Vikhamar", "Eikeland"),
        ("the northern fjords", "the Lind plateau"),
    ),
    Country(
        "Tarvessa",
        ("Porto Alvar", "San Celeste", "Marivel", "Costa Brava Nueva", "Valdecruz",
         "Albarena", "Puerto Lumen", "Santa Orla", "Monteverde Alto", "Riobranco"),
        ("the western uplands", "the Alvar basin"),
    ),
)

# Cabinet titles every country has; a story picks the ones its event kind concerns.
CABINET: Final = (
    "Prime Minister", "Finance Minister", "Interior Minister", "Transport Minister",
    "Health Minister", "Environment Minister", "Labour Minister", "Justice Minister",
    "Housing Minister", "Education Minister", "Energy Minister", "opposition leader",
)
CABINET_DE: Final = {
    "Prime Minister": "Regierungschef", "Finance Minister": "Finanzminister",
    "Interior Minister": "Innenminister", "Transport Minister": "Verkehrsminister",
    "Health Minister": "Gesundheitsminister", "Environment Minister": "Umweltminister",
    "Labour Minister": "Arbeitsminister", "Justice Minister": "Justizminister",
    "Housing Minister": "Bauminister", "Education Minister": "Bildungsminister",
    "Energy Minister": "Energieminister", "opposition leader": "Oppositionsführer",
}
CABINET_FR: Final = {
    "Prime Minister": "le Premier ministre", "Finance Minister": "le ministre des Finances",
    "Interior Minister": "le ministre de l'Intérieur",
    "Transport Minister": "le ministre des Transports",
    "Health Minister": "le ministre de la Santé",
    "Environment Minister": "le ministre de l'Environnement",
    "Labour Minister": "le ministre du Travail", "Justice Minister": "le ministre de la Justice",
    "Housing Minister": "le ministre du Logement",
    "Education Minister": "le ministre de l'Éducation",
    "Energy Minister": "le ministre de l'Énergie",
    "opposition leader": "le chef de l'opposition",
}

FIRST_NAMES: Final = (
    "Ilse", "Dario", "Lenka", "Rhea", "Nadia", "Tomas", "Marek", "Sofia", "Anselm", "Greta",
    "Jonah", "Petra", "Oskar", "Mira", "Fabian", "Helga", "Ruben", "Anika", "Callum", "Yara",
    "Emil", "Ines", "Lucan", "Vera", "Teodor", "Alma", "Kasimir", "Nora", "Bastian", "Liv",
    "Hedda", "Matteo", "Signe", "Idris", "Leontine", "Pavel", "Zora", "Cyprian", "Maren",
    "Aurelio",
)
SURNAMES: Final = (
    "Marrow", "Kessel", "Dravic", "Calloway", "Ferro", "Vantrell", "Oberlin", "Haskard",
    "Pellweather", "Strand", "Quillon", "Marsk", "Tobrin", "Welloway", "Ashgrove", "Renske",
    "Dunmore", "Valtieri", "Korhonen", "Lindqvist", "Okonkwo-Hale", "Brevik", "Castellane",
    "Morrow", "Fenwick", "Halloran", "Szabo-Reyes", "Winterbourne", "Achterberg", "Sorel",
    "Ambrosetti", "Nygaard", "Vukovic", "Delacroix-Py", "Ferreira", "Holt", "Ivanko",
    "Jaramillo", "Kowalczyk", "Lund",
)
ORGANISATIONS: Final = (
    "the Port Authority", "the Dockworkers' Union", "the State Fire and Rescue Service",
    "the National Statistics Office", "the Regional Council", "the Central Bank",
    "Varnholt Logistics", "Meridian Energy", "the Health Directorate",
    "the Coastal Water Board", "Kelmstad University", "the Farmers' Federation",
    "the Consumer Council", "Pellham Rail", "the Housing Agency", "the Audit Office",
    "the Chamber of Commerce", "Orsk General Hospital", "the Environment Agency",
    "the Teachers' Association", "the Civil Protection Agency", "Norsk Hydrolite",
    "the Road Safety Board", "the Tenants' Alliance",
)
ROLES: Final = (
    "spokesperson", "chief executive", "director", "chair", "deputy mayor", "head of policy",
    "regional governor", "chief economist", "senior engineer", "general secretary", "mayor",
    "fire chief", "union leader", "professor",
)

OUTLETS: Final = (
    OutletName("The Daily Meridian"), OutletName("Harbour Herald"),
    OutletName("Valdoria Today"), OutletName("Northgate Courier"),
    OutletName("The Tessel Observer"), OutletName("Coastline Post"),
    OutletName("Orsk Evening Standard"), OutletName("Brannock Gazette"),
    OutletName("The Kesterian Times"), OutletName("Fjellby Dagblad English Edition"),
    OutletName("Alvar Chronicle"), OutletName("The Lowlands Ledger"),
    OutletName("Capital Dispatch"), OutletName("The Weekly Beacon"),
    OutletName("Riverside Record"), OutletName("The Continental Review"),
    OutletName("Metro Echo"), OutletName("The Plateau Sentinel"),
    OutletName("Morning Lantern"), OutletName("The Citizen Journal"),
)
OUTLETS_DE: Final = (
    OutletName("Ostrenische Rundschau"), OutletName("Kesterischer Anzeiger"),
    OutletName("Neue Valdorische Zeitung"),
)
OUTLETS_FR: Final = (
    OutletName("Le Courrier de Tarvessa"), OutletName("La Gazette continentale"),
    OutletName("Le Matin d'Orsk"),
)
WIRES: Final = (
    OutletName("Meridian Press Agency", "MPA"),
    OutletName("Continental Wire", "CW"),
)

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_DE: Final = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                      "Sonntag")
WEEKDAYS_FR: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
CURRENCIES: Final = {"Ostrenia": "€", "Valdoria": "€", "Kesteria": "£", "Norland": "€",
                     "Tarvessa": "$"}


def _event(
    key: str, nouns: tuple[str, ...], group: str, site: str, unit: str,
    count_range: tuple[int, int], ministers: tuple[str, ...], ledes: tuple[str, ...],
    quotes: tuple[str, ...], de: tuple[str, str], fr: tuple[str, str],
) -> EventKind:
    return EventKind(key, nouns, group, site, unit, count_range, ministers, ledes, quotes,
                     de[0], de[1], fr[0], fr[1])


EVENTS: Final = (
    _event("strike", ("strike", "walkout", "stoppage"), "dockworkers", "the container port",
           "ships", (12, 240), ("Labour Minister", "Transport Minister"),
           ("A {noun} by {group} shut {site} in {place} {when}, leaving {count} {unit} "
            "waiting offshore.",
            "{group_cap} in {place} began an open-ended {noun} {when}, halting work at {site}."),
           ("We will not load a single ship until the offer is fair",
            "The union has made its point and now it must come back to the table",
            "Every day of this {noun} costs {place} dearly"),
           ("Streik", "Schiffe"), ("grève", "navires")),
    _event("wildfire", ("wildfire", "forest fire", "blaze"), "residents", "the forest reserve",
           "hectares", (300, 12000), ("Interior Minister", "Environment Minister"),
           ("A {noun} near {place} has burned {count} {unit} of {site} since {day}.",
            "Firefighters battled a {noun} outside {place} {when} as flames spread through "
            "{site}."),
           ("The wind turned and the fire came down the hill faster than anyone expected",
            "We have lost homes, but we have not lost a single life",
            "This {noun} is the worst {region} has seen in decades"),
           ("Waldbrand", "Hektar"), ("incendie", "hectares")),
    _event("flood", ("flood", "flooding", "floodwaters"), "homeowners",
           "the river embankment", "homes", (40, 3000), ("Interior Minister", "Housing Minister"),
           ("Heavy rain sent {noun} over {site} in {place} {when}, damaging {count} {unit}.",
            "{count} {unit} in {place} were evacuated {when} after {site} gave way."),
           ("The water rose a metre in an hour and there was nothing we could do",
            "The embankment should have been repaired years ago",
            "Nobody will be left to face this alone"),
           ("Hochwasser", "Häuser"), ("inondations", "maisons")),
    _event("budget", ("budget", "spending plan", "fiscal package"), "taxpayers",
           "the finance committee", "public jobs", (500, 20000),
           ("Finance Minister", "Prime Minister", "opposition leader"),
           ("The government presented its {noun} {when}, cutting {count} {unit} and raising "
            "fuel duty.",
            "{site_cap} approved a {noun} {when} that will shed {count} {unit} by next year."),
           ("This {noun} asks the most from those who have the least",
            "We are restoring order to the public finances",
            "The numbers simply do not add up"),
           ("Haushalt", "Stellen"), ("budget", "emplois publics")),
    _event("derailment", ("derailment", "train crash", "rail accident"), "passengers",
           "the main line", "passengers", (5, 180), ("Transport Minister", "Prime Minister"),
           ("A freight train left the tracks on {site} near {place} {when}, injuring "
            "{count} {unit}.",
            "{count} {unit} were hurt when a train derailed outside {place} {when}."),
           ("The signals had been failing for weeks and we reported it",
            "Our thoughts are with everyone hurt in this {noun}",
            "There will be a full and independent investigation"),
           ("Zugunglück", "Fahrgäste"), ("déraillement", "passagers")),
    _event("hospital", ("hospital closure", "ward closure", "hospital cutback"), "patients",
           "the emergency ward", "beds", (20, 600), ("Health Minister", "opposition leader"),
           ("Health officials confirmed {when} that {site} in {place} will close, removing "
            "{count} {unit}.",
            "The {noun} in {place} will take {count} {unit} out of service, it was announced "
            "{when}."),
           ("Patients will have to travel two hours for emergency care",
            "This decision was made on the advice of doctors",
            "We will fight this {noun} in the courts if we must"),
           ("Klinikschließung", "Betten"), ("fermeture d'hôpital", "lits")),
    _event("housing", ("housing protest", "rent protest", "tenant march"), "tenants",
           "the new estate", "protesters", (300, 40000), ("Housing Minister", "Prime Minister"),
           ("{count} {unit} marched through {place} {when} demanding a cap on rents at "
            "{site}.",
            "A {noun} drew {count} {unit} to the centre of {place} {when}."),
           ("Rents have doubled and wages have not moved",
            "We hear the anger of tenants and we will act",
            "Housing is a right, not an investment"),
           ("Mietprotest", "Demonstranten"), ("manifestation pour le logement", "manifestants")),
    _event("election", ("election", "mayoral vote", "local poll"), "voters",
           "the town hall", "votes", (2000, 90000), ("Prime Minister", "opposition leader"),
           ("Voters in {place} elected a new council {when}, with {count} {unit} cast.",
            "The {noun} in {place} {when} ended with a margin of {count} {unit}."),
           ("Tonight {place} voted for change",
            "We accept the result and we will listen",
            "This {noun} was won street by street"),
           ("Kommunalwahl", "Stimmen"), ("élection", "voix")),
    _event("layoffs", ("factory closure", "plant shutdown", "mass layoffs"), "workers",
           "the assembly plant", "jobs", (150, 4000), ("Labour Minister", "Finance Minister"),
           ("{org_cap} will close {site} in {place}, cutting {count} {unit}, the company said "
            "{when}.",
            "{count} {unit} will go in {place} after the {noun} announced {when}."),
           ("Three generations of my family worked at that plant",
            "The market has changed and we must change with it",
            "We will not abandon the workers of {place}"),
           ("Werksschließung", "Arbeitsplätze"), ("fermeture d'usine", "emplois")),
    _event("bridge", ("bridge collapse", "bridge failure", "collapse"), "motorists",
           "the old river bridge", "vehicles", (3, 60), ("Transport Minister", "Interior Minister"),
           ("Part of {site} in {place} collapsed {when}, sending {count} {unit} into the "
            "water.",
            "Rescuers searched the river in {place} {when} after the {noun} on {site}."),
           ("I heard a crack like thunder and then the road was gone",
            "Every bridge of this age will now be inspected",
            "Warnings about this bridge were ignored"),
           ("Brückeneinsturz", "Fahrzeuge"), ("effondrement du pont", "véhicules")),
    _event("trial", ("trial", "court case", "corruption trial"), "defendants",
           "the district court", "counts of fraud", (3, 40), ("Justice Minister",),
           ("The {noun} of a former official opened at {site} in {place} {when} on {count} "
            "{unit}.",
            "A judge in {place} heard the first evidence {when} in a {noun} involving {count} "
            "{unit}."),
           ("My client is innocent and will prove it",
            "Nobody is above the law in this country",
            "The public deserves to know where the money went"),
           ("Korruptionsprozess", "Anklagepunkte"), ("procès", "chefs d'accusation")),
    _event("storm", ("storm", "gale", "tempest"), "households", "the seafront",
           "households without power", (1000, 150000), ("Interior Minister", "Energy Minister"),
           ("A {noun} battered {place} {when}, leaving {count} {unit}.",
            "Winds of up to 140 km/h hit {site} in {place} {when}; {count} {unit} remain."),
           ("We have crews working through the night to restore power",
            "Stay indoors and keep away from the coast",
            "This {noun} was forecast and still we were not ready"),
           ("Sturm", "Haushalte ohne Strom"), ("tempête", "foyers sans électricité")),
    _event("spill", ("chemical spill", "toxic leak", "spill"), "fishermen", "the estuary",
           "litres", (2000, 400000), ("Environment Minister", "Health Minister"),
           ("{count} {unit} of solvent leaked into {site} near {place} {when}.",
            "A {noun} at a plant outside {place} {when} released {count} {unit} into {site}."),
           ("Do not drink the tap water until further notice",
            "The company will pay for every litre of this {noun}",
            "The fish are dying and nobody is telling us why"),
           ("Chemieunfall", "Liter"), ("fuite chimique", "litres")),
    _event("cyberattack", ("cyberattack", "ransomware attack", "hack"), "customers",
           "the city's computer systems", "records", (5000, 900000),
           ("Interior Minister", "Justice Minister"),
           ("A {noun} took down {site} in {place} {when}, exposing {count} {unit}.",
            "Hackers stole {count} {unit} from {site} in {place} {when}."),
           ("We will not pay a ransom to criminals",
            "Customers should change their passwords today",
            "This {noun} was sophisticated and well planned"),
           ("Cyberangriff", "Datensätze"), ("cyberattaque", "dossiers")),
    _event("schools", ("teachers' strike", "school walkout", "teachers' protest"), "pupils",
           "the district schools", "schools", (10, 900), ("Education Minister", "Labour Minister"),
           ("Teachers in {place} walked out {when}, closing {count} {unit}.",
            "A {noun} shut {count} {unit} in and around {place} {when}."),
           ("Our classrooms are overcrowded and our pay is frozen",
            "Children should be in school, and the talks must resume",
            "We did not want this {noun} but we had no choice"),
           ("Lehrerstreik", "Schulen"), ("grève des enseignants", "écoles")),
    _event("mine", ("mine accident", "mine collapse", "mining disaster"), "miners",
           "the copper mine", "miners", (4, 90), ("Labour Minister", "Energy Minister"),
           ("{count} {unit} were trapped after a tunnel collapsed at {site} near {place} "
            "{when}.",
            "Rescue teams reached {site} outside {place} {when}, where {count} {unit} were "
            "trapped."),
           ("We can hear them knocking and we will get them out",
            "Safety rules at this mine were broken again and again",
            "The whole of {place} is waiting at the gate"),
           ("Grubenunglück", "Bergleute"), ("accident minier", "mineurs")),
)

# Generic quotes any story can use (filled with its names and numbers).
GENERIC_QUOTES: Final = (
    "We are asking people to be patient, but {group} deserve a straight answer",
    "I will keep saying it until someone in {country} listens",
    "We warned about this years ago and were told to wait",
    "Nobody in {place} should have to live like this",
    "The next few days will be decisive",
)

# Sentences about a story's facts, one list per fact; an outlet picks one of each.
COUNT_SENTENCES: Final = (
    "{count} {unit} were affected, according to {org}.",
    "{org_cap} put the number of {unit} affected at {count}.",
    "Officials said {count} {unit} had been affected since {day}.",
    "The toll rose to {count} {unit}, {org} said.",
)
MONEY_SENTENCES: Final = (
    "The cost of the {noun} is estimated at {money}.",
    "Early estimates put the damage at {money}, {org} said.",
    "Officials said the bill could reach {money}.",
    "The government has set aside {money} to deal with the consequences.",
)
PCT_SENTENCES: Final = (
    "About {pct} of {group} in {region} said they had been directly affected, a survey "
    "found.",
    "A poll by {org} found that {pct} of {group} blamed the government.",
    "Nearly {pct} of {group} in {place} said they had lost income.",
)
FIGURE_SENTENCES: Final = (
    "{title_cap} {name} said the government would do whatever it takes to help {place}.",
    "{title_cap} {name} visited {place} {when} and promised an inquiry.",
    "{name}, the {title}, called the {noun} a test for the whole country.",
    "Critics said {title} {name} had been slow to respond.",
    "{title_cap} {name} is due to make a statement to parliament {when}.",
)
LOCAL_SENTENCES: Final = (
    "{name}, the {role} of {org}, said the situation in {place} was under control.",
    "{name}, {role} at {org}, said more help was needed in {place}.",
    "According to {name} of {org}, the {noun} had been expected for some time.",
)
QUOTE_FORMS: Final = (
    '"{quote}," said {name}.',
    '"{quote}," {name} told reporters in {place}.',
    '{name} said: "{quote}."',
    '"{quote}," {surname} added.',
    '"{quote}," the {role} said.',
)
BACKGROUND: Final = (
    "{country} has been hit by a series of crises since the start of the year.",
    "Parliament returns from its recess {when}.",
    "The government's approval rating has fallen in recent polls.",
    "Local elections are due across {country} in the spring.",
    "It is the second such incident in {region} this year.",
    "Officials in {country} said further updates would follow.",
    "The opposition has called for an emergency debate.",
    "Economists expect growth in {country} to slow this year.",
)
WHEN: Final = ("on {weekday}", "late on {weekday}", "early on {weekday}", "on {weekday} morning",
               "on {weekday} evening")
HEADLINES: Final = (
    "{place}: {noun} leaves {count} {unit} affected",
    "{noun_cap} in {place}: what we know",
    "{title_cap} {surname} under pressure over {place} {noun}",
    "{count} {unit} hit as {noun} strikes {place}",
    "Anger in {place} after {noun}",
    "{place} {noun}: {surname} speaks out",
    "Live: {noun} in {place}",
)
FOLLOW_UP_LEDES: Final = (
    "{lede} It comes days after the {parent_noun} in {place}.",
    "{lede} The {parent_noun} that hit {place} earlier is still fresh in people's minds.",
    "Days after the {parent_noun}, {place} faces new trouble. {lede}",
)

# Outlets' word choices: each outlet applies a fixed subset of these replacements.
SYNONYMS: Final = (
    ("about ", "around "), ("About ", "Around "), ("officials", "authorities"),
    ("Officials", "Authorities"), ("residents", "locals"), ("promised", "pledged"),
    ("inquiry", "investigation"), ("estimated", "put"), ("affected", "hit"),
    ("said", "stated"), ("the government", "the cabinet"), ("help", "support"),
    ("visited", "travelled to"), ("began", "started"), ("demanding", "calling for"),
)

# --- German and French (a small set, enough for a few stories told in several languages)

LEDES_DE: Final = (
    "{place}: {noun} – mindestens {count} {unit} betroffen.",
    "Nach Angaben von {org} sind in {place} mindestens {count} {unit} betroffen.",
    "{place}: Lage nach {noun} am {weekday} weiter angespannt.",
)
FACTS_DE: Final = (
    "Die Kosten werden auf {money} geschätzt.",
    "{title} {name} kündigte am {weekday} eine Untersuchung an.",
    "{name} sagte, die Lage in {place} sei sehr ernst.",
    "Die Regierung von {country} steht unter Druck.",
    "„Wir werden den Menschen in {place} helfen“, sagte {name}.",
    "Laut {name} war die Lage seit Tagen angespannt.",
    "Rund {pct} der Befragten in {place} sind unzufrieden.",
)
HEADLINES_DE: Final = ("{noun} in {place}: {count} {unit} betroffen", "{place}: {noun}")
LEDES_FR: Final = (
    "{place} : {noun}, au moins {count} {unit} touchés.",
    "Selon {org}, au moins {count} {unit} ont été touchés à {place}.",
    "{place} : {noun} ce {weekday}, la situation reste tendue.",
)
FACTS_FR: Final = (
    "Le coût est estimé à {money}.",
    "{title} {name} a annoncé une enquête {weekday}.",
    "{name} a déclaré que la situation à {place} était très grave.",
    "Le gouvernement de {country} est sous pression.",
    "« Nous aiderons les habitants de {place} », a déclaré {name}.",
    "Selon {name}, la situation était tendue depuis plusieurs jours.",
    "Environ {pct} des habitants de {place} se disent mécontents.",
)
HEADLINES_FR: Final = ("{noun} à {place} : {count} {unit} touchés", "{place} : {noun}")
