"""A deterministic corpus of synthetic defence-cooperation documents, for benchmarks.

    python benchmarks/synth.py --docs 1000 --out /tmp/corpus [--seed 1]

writes N plain-text documents shaped like the seeds in source_docs/:

- Kamerbrieven ("Nr. 29  BRIEF VAN DE MINISTER VAN DEFENSIE", "Den Haag, 3 maart 2019"),
  hard-wrapped with Dutch hyphenation at line ends, pages separated by form feeds, each
  page ending in the running footer "Tweede Kamer, vergaderjaar 2018–2019, 33 279, nr. 29 3";
- verslagen of NATO and EU ministerial meetings, also Kamerstukken;
- beslisnota's ("TER BESLISSING", "Datum" / "Onze referentie MINDEF..."), one paragraph a
  line as exported from Word, often with "[redacted]" fields.

Partners, initiatives, topics and organisations come from vocabulary/*.yml (country names
from Babel/CLDR), so that the generator finds them. Documents cite earlier documents of the
same corpus ("(Kamerstuk 33 279, nr. 28)"), with preferential attachment, so that the
cited-by graph is real and has hubs. Sizes are log-uniform between 3 and 30 kB.

The same --docs, --seed and vocabulary give byte-identical files. The prose is made of
template sentences with variation; it is not copied from the seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = ROOT / "vocabulary"

MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]
FIRST_DATE, LAST_DATE = dt.date(2005, 1, 1), dt.date(2026, 12, 31)
MIN_SIZE, MAX_SIZE = 3_000, 30_000
TARGET_MAX = 26_000
"""Text is added in whole paragraphs until a target is passed: aim a little below 30 kB."""

# Dossiers of letters to parliament, with the title printed above "Nr. ...".
LETTER_DOSSIERS = [
    ("33 279", "Internationale militaire samenwerking", 6),
    ("28 676", "NAVO", 3),
    ("21 501-28", "Raad Defensie", 2),
    ("29 521", "Nederlandse deelname aan vredesmissies", 2),
    ("27 830", "Materieelprojecten", 2),
    ("32 623", "Internationale veiligheidsstrategie", 1),
    ("36 124", "Defensiestrategie", 1),
    ("30 806", "Internationale defensiesamenwerking Benelux", 1),
]
MEETING_DOSSIERS = [("28 676", "NAVO", 3), ("21 501-28", "Raad Defensie", 2)]

STRATEGIC = {"DE": 12, "BE": 12, "LU": 5, "FR": 9, "GB": 10, "US": 10, "NO": 7}
ALLIES = {
    "DK": 3, "SE": 3, "FI": 3, "PL": 3, "EE": 2, "LV": 2, "LT": 2, "IT": 3, "ES": 3, "PT": 2,
    "CA": 3, "CZ": 2, "RO": 2, "BG": 1, "SK": 1, "HU": 1, "GR": 1, "TR": 2, "IS": 1, "HR": 1,
    "SI": 1, "AT": 1, "IE": 1, "UA": 4, "JP": 3, "KR": 2, "AU": 2, "NZ": 1, "SG": 1, "ID": 1,
    "IN": 1, "MA": 1, "JO": 1, "AE": 1, "QA": 1, "ML": 1, "NE": 1, "IQ": 1, "AF": 1,
    "GE": 1, "MD": 1, "CH": 1,
}
ARTICLES = {
    "GB": "het Verenigd Koninkrijk", "US": "de Verenigde Staten", "AE": "de Verenigde Arabische Emiraten",
    "PH": "de Filipijnen", "CZ": "Tsjechië", "NL": "Nederland",
}
CITIES = [
    "Brussel", "Berlijn", "Parijs", "Londen", "Washington", "Oslo", "Luxemburg", "Kopenhagen", "Stockholm",
    "Helsinki", "Warschau", "Vilnius", "Riga", "Tallinn", "Rome", "Madrid", "Lissabon", "Ottawa", "Praag",
    "Boekarest", "Wenen", "Tokio", "Seoul", "Canberra", "Ramstein", "Münster", "Bergen", "Den Helder",
    "Brunssum", "Mons", "Norfolk", "Vilseck", "Rukla", "Bardufoss", "Toulon", "Portsmouth", "Zeebrugge",
]
FIRST_NAMES = "A. B. C. D. E. F. G. H. J. K. L. M. N. P. R. S. T. W.".split()
SURNAMES = [
    "de Vries", "Jansen", "van den Broek", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
    "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Berg", "Kramer", "van Dijk", "Hoekstra", "Koster", "Prins",
    "Verhoeven", "Post", "Kuipers", "Willems", "van Vliet", "Schouten", "Wouters", "Huisman", "Timmermans",
]
ROLES = [
    ("De Minister van Defensie,", 8),
    ("De Staatssecretaris van Defensie,", 2),
    ("De minister van Defensie,", 2),
]
MEETING_ROLES = [("De Minister van Defensie,", 5), ("De Minister van Buitenlandse Zaken,", 1)]
EXERCISES = [
    "Cold Response", "Trident Juncture", "BALTOPS", "Frisian Flag", "Steadfast Defender", "Locked Shields",
]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    stem: str | None
    """Uninflected adjective ("Duits"), for compounds such as "Duits-Nederlandse"."""
    adjective: str | None
    """Inflected adjective ("Duitse")."""
    adversary: bool

    @property
    def phrase(self) -> str:
        return ARTICLES.get(self.code, self.name)

    @property
    def title(self) -> str:
        text = self.phrase
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    forms: tuple[str, ...]
    kind: str | None = None
    since: int | None = None
    """The first year its description names ("NAVO-concept uit 2012"): not mentioned before."""


@dataclass
class Vocab:
    countries: dict[str, Country]
    partners: list[Country]
    partner_weights: list[float]
    adversaries: list[Country]
    initiatives: list[Term]
    topics: list[Term]
    organisations: list[Term]


def load_vocabulary(folder: Path = VOCABULARY) -> Vocab:
    from babel import Locale

    names = Locale("nl").territories
    raw = yaml.safe_load((folder / "countries.yml").read_text(encoding="utf-8")) or {}
    countries: dict[str, Country] = {}
    for code, entry in sorted(raw.items()):
        code = str(code)
        entry = entry or {}
        if code not in names:
            continue
        adjectives = list(entry.get("adjectives") or [])
        stem = next((a for a in adjectives if not a.endswith("e") and "-" not in a), None)
        inflected = next((a for a in adjectives if a.endswith("e") and "-" not in a), None)
        countries[code] = Country(code, names[code], stem, inflected, bool(entry.get("adversary")))
    weights = {**{code: 0.02 for code in countries}, **ALLIES, **STRATEGIC}
    partners = [c for c in countries.values() if not c.adversary]
    initiatives = [
        Term(t["id"], t["name"], tuple([t["name"], *(t.get("aliases") or [])]), t.get("kind"), _first_year(t))
        for t in yaml.safe_load((folder / "initiatives.yml").read_text(encoding="utf-8"))
    ]
    geography = {"Indo", "Pacific", "Azië", "Zee", "Chinese", "Straat", "Taiwan", "Noord", "Oost", "Zuid", "Zuidoost"}
    for country in countries.values():
        geography.update(part for part in (country.name, country.stem, country.adjective) if part)
    for entry in raw.values():
        geography.update((entry or {}).get("demonyms") or [])
    topics = [
        Term(t["id"], t["name"], tuple(_capitalise(k, geography) for k in (t.get("keywords") or [t["name"].lower()])))
        for t in yaml.safe_load((folder / "topics.yml").read_text(encoding="utf-8"))
    ]
    organisations = [
        Term(t["id"], t["name"], tuple([t["name"], *(t.get("aliases") or [])]))
        for t in yaml.safe_load((folder / "organisations.yml").read_text(encoding="utf-8"))
    ]
    return Vocab(
        countries=countries,
        partners=partners,
        partner_weights=[weights[c.code] for c in partners],
        adversaries=[c for c in countries.values() if c.adversary],
        initiatives=initiatives,
        topics=topics,
        organisations=organisations,
    )


def _first_year(entry: dict) -> int | None:
    years = re.findall(r"\b(19[5-9]\d|20[0-3]\d)\b", str(entry.get("description") or ""))
    return int(years[0]) if years else None


def _capitalise(keyword: str, geography: set[str]) -> str:
    """"oorlog in oekraïne" -> "oorlog in Oekraïne": keywords are listed in lower case."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize() if m.group(0).capitalize() in geography else m.group(0), keyword)


# --------------------------------------------------------------------------- the plan


@dataclass
class Spec:
    """What one document is, before any text is written."""

    index: int
    kind: str
    """kamerbrief, verslag or beslisnota."""
    date: dt.date
    dossier: str | None = None
    dossier_title: str | None = None
    number: int | None = None
    reference: str | None = None
    cites: list["Spec"] = field(default_factory=list)
    citations: int = 0
    """How often others cite this document so far (preferential attachment)."""

    @property
    def kamerstuk(self) -> str | None:
        return f"Kamerstuk {self.dossier}, nr. {self.number}" if self.dossier else None

    @property
    def vergaderjaar(self) -> str:
        start = self.date.year if self.date.month >= 9 else self.date.year - 1
        return f"{start}–{start + 1}"


def plan_corpus(count: int, rng: random.Random) -> list[Spec]:
    """Kinds, dates, Kamerstuk numbers (rising with the date within a dossier), memo
    references and citations to earlier documents."""
    span = (LAST_DATE - FIRST_DATE).days
    specs = []
    for index in range(count):
        day = FIRST_DATE + dt.timedelta(days=rng.randrange(span + 1))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        kind = rng.choices(["kamerbrief", "verslag", "beslisnota"], [60, 20, 20])[0]
        specs.append(Spec(index, kind, day))
    specs.sort(key=lambda s: (s.date, s.index))
    numbers: dict[str, int] = {}
    memo_counter: dict[int, int] = {}
    for spec in specs:
        if spec.kind == "beslisnota":
            memo_counter[spec.date.year] = memo_counter.get(spec.date.year, rng.randrange(1000, 5000)) + rng.randrange(1, 40)
            spec.reference = f"MINDEF{spec.date.year}{memo_counter[spec.date.year]:07d}"
            continue
        table = MEETING_DOSSIERS if spec.kind == "verslag" else LETTER_DOSSIERS
        dossier, title, _ = rng.choices(table, [w for _, _, w in table])[0]
        numbers[dossier] = numbers.get(dossier, rng.randrange(1, 120)) + rng.randrange(1, 4)
        spec.dossier, spec.dossier_title, spec.number = dossier, title, numbers[dossier]
    cited_pool: list[Spec] = []
    for spec in specs:
        if cited_pool:
            wanted = rng.choices([0, 1, 2, 3, 4, 5], [15, 25, 25, 18, 10, 7])[0]
            chosen: list[Spec] = []
            for _ in range(wanted * 3):
                if len(chosen) >= wanted:
                    break
                if rng.random() < 0.5:
                    candidate = cited_pool[-1 - min(len(cited_pool) - 1, int(rng.expovariate(1 / 25)))]
                else:
                    candidate = _preferential(cited_pool, rng)
                if candidate not in chosen and candidate.date < spec.date:
                    chosen.append(candidate)
            for cited in chosen:
                cited.citations += 1
            spec.cites = chosen
        if spec.dossier:
            cited_pool.append(spec)
    return specs


def _preferential(pool: list[Spec], rng: random.Random) -> Spec:
    """A document chosen with probability growing with how often it was cited."""
    for _ in range(8):
        candidate = pool[rng.randrange(len(pool))]
        if rng.random() < (1 + candidate.citations) / (4 + candidate.citations):
            return candidate
    return pool[rng.randrange(len(pool))]


# --------------------------------------------------------------------------- prose


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class Writer:
    """Sentences about one document's partners, initiatives and topics."""

    def __init__(self, spec: Spec, vocab: Vocab, rng: random.Random):
        self.spec, self.vocab, self.rng = spec, vocab, rng
        r = rng
        count = r.choices([1, 2, 3, 4, 5, 6], [15, 25, 25, 15, 12, 8])[0]
        self.partners = _unique_sample(vocab.partners, vocab.partner_weights, count, r)
        current = [t for t in vocab.initiatives if t.since is None or t.since <= spec.date.year]
        self.initiatives = r.sample(current, r.randint(2, 7))
        self.topics = r.sample(vocab.topics, r.randint(1, 4))
        self.organisations = r.sample(vocab.organisations[:12], r.randint(1, 3))
        self.adversary = r.choice(vocab.adversaries) if r.random() < 0.35 else None
        self.citations = list(spec.cites)
        self.footnote_citations: list[Spec] = []
        if self.citations and r.random() < 0.3:
            self.footnote_citations.append(self.citations.pop())

    # -- pieces
    def partner(self) -> Country:
        return self.rng.choice(self.partners)

    def other_partner(self, than: Country) -> Country:
        others = [p for p in self.partners if p != than]
        if others:
            return self.rng.choice(others)
        return self.rng.choices(self.vocab.partners, self.vocab.partner_weights)[0]

    def initiative(self) -> str:
        term = self.rng.choice(self.initiatives)
        r = self.rng.random()
        if r < 0.15 and len(term.forms) > 1:
            return f"{term.name} ({term.forms[1]})"
        if r < 0.3 and len(term.forms) > 1:
            return self.rng.choice(term.forms[1:])
        return term.name

    def keyword(self, topic: Term | None = None) -> str:
        topic = topic or self.rng.choice(self.topics)
        return self.rng.choice(topic.forms[:8])

    def short_organisation(self) -> str:
        term = self.rng.choice(self.organisations)
        return min(term.forms, key=len)

    def organisation(self) -> str:
        term = self.rng.choice(self.organisations)
        return self.rng.choice(term.forms[:2])

    def day(self) -> str:
        """A day shortly before the document's date, as "3 maart" or "3 maart jl."."""
        earlier = self.spec.date - dt.timedelta(days=self.rng.randint(1, 80))
        if earlier.year == self.spec.date.year:
            return f"{earlier.day} {MONTHS[earlier.month - 1]}" + (" jl." if self.rng.random() < 0.5 else "")
        return dutch_date(earlier)

    def cite(self) -> str:
        if not self.citations:
            return ""
        cited = self.citations.pop(0)
        return f" ({cited.kamerstuk})"

    def remaining_citations(self) -> str:
        """Sentences citing what was planned but not cited yet, so every planned citation is written."""
        parts = []
        while self.citations:
            parts.append(self.fill(self.rng.choice(CITING)))
        return "".join(f" {part}" for part in parts)

    def remaining_footnote(self) -> str | None:
        return self.footnote_citations.pop().kamerstuk if self.footnote_citations else None

    def adjective(self, country: Country) -> str:
        return country.adjective or f"uit {country.phrase}"

    def compound(self, country: Country) -> str:
        return f"{country.stem}-Nederlandse" if country.stem else "bilaterale"

    def number(self) -> str:
        return self.rng.choice(["twee", "drie", "vier", "vijf", "zes", "acht", "tien", "twaalf", "vijftien", "twintig"])

    # -- sentences
    def fill(self, template: str) -> str:
        """Fill the {slots} of a template; each slot is drawn only when the template has it."""
        r = self.rng
        chosen: dict[str, Country] = {}

        def partner() -> Country:
            if "P" not in chosen:
                chosen["P"] = self.partner()
            return chosen["P"]

        def other() -> Country:
            if "Q" not in chosen:
                chosen["Q"] = self.other_partner(partner())
            return chosen["Q"]

        makers = {
            "P": lambda: partner().phrase, "Pt": lambda: partner().title,
            "Padj": lambda: self.adjective(partner()), "Pc": lambda: self.compound(partner()),
            "Q": lambda: other().phrase, "Qadj": lambda: self.adjective(other()),
            "I": self.initiative, "J": self.initiative, "K": self.keyword, "L": self.keyword,
            "O": self.organisation, "Ob": self.short_organisation, "D": self.day,
            "Y": lambda: str(self.spec.date.year), "Yn": lambda: str(self.spec.date.year + 1),
            "Yp": lambda: str(self.spec.date.year - r.randint(2, 9)),
            "N": self.number, "M": lambda: str(r.randint(2, 60) * 5), "C": lambda: r.choice(CITIES),
            "E": lambda: r.choice(EXERCISES), "X": self.cite,
            "A": lambda: self.adversary.name if self.adversary else "statelijke actoren",
            "Aadj": lambda: self.adversary.adjective if self.adversary and self.adversary.adjective else "vijandige",
        }
        sentence = template.format_map(_Lazy(makers))
        return sentence[:1].upper() + sentence[1:]

    def generic(self) -> str:
        r = self.rng
        subject = r.choice(GENERIC_SUBJECTS)
        verb = r.choice(GENERIC_VERBS)
        obj = r.choice(GENERIC_OBJECTS)
        qualifier = r.choice(GENERIC_QUALIFIERS)
        text = f"{subject} {verb} {obj}{qualifier}."
        return self.fill(text)

    def paragraph(self, bank: list[str], sentences: tuple[int, int] = (3, 7)) -> str:
        count = min(self.rng.randint(*sentences), len(bank))
        parts = [
            self.generic() if self.rng.random() < 0.28 else self.fill(template)
            for template in self.rng.sample(bank, count)
        ]
        if self.citations and self.rng.random() < 0.35:
            parts.append(self.fill(self.rng.choice(CITING)))
        return " ".join(parts)

    def topic_paragraph(self, topic: Term) -> str:
        """A paragraph that names the topic at least twice, so that it is found."""
        first = self.fill(self.rng.choice(TOPIC_SENTENCES).replace("{K}", self.keyword(topic)))
        rest = self.paragraph(PARTNER_SENTENCES, (2, 5))
        last = self.fill(self.rng.choice(TOPIC_SENTENCES).replace("{K}", self.keyword(topic)))
        return f"{first} {rest} {last}"


class _Lazy(dict):
    """A mapping for str.format_map that makes each value on first use."""

    def __init__(self, makers: dict):
        super().__init__()
        self.makers = makers

    def __missing__(self, key: str) -> str:
        value = self[key] = self.makers[key]()
        return value


def _unique_sample(items: list, weights: list[float], count: int, rng: random.Random) -> list:
    chosen: list = []
    for _ in range(count * 4):
        if len(chosen) >= count:
            break
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


GENERIC_SUBJECTS = [
    "het kabinet", "Defensie", "Nederland", "de krijgsmacht", "de Commandant der Strijdkrachten",
    "het ministerie", "het bondgenootschap", "de projectorganisatie", "de gezamenlijke werkgroep", "de stuurgroep",
    "de Koninklijke Marine", "de Koninklijke Landmacht", "de Koninklijke Luchtmacht", "de Koninklijke Marechaussee",
    "de Defensie Materieel Organisatie", "de Directie Internationale Zaken",
]
GENERIC_VERBS = [
    "zet in op", "werkt aan", "investeert in", "streeft naar", "onderzoekt", "verkent", "bevordert",
    "versterkt", "ondersteunt", "geeft prioriteit aan", "blijft werken aan", "hecht veel waarde aan",
    "maakt afspraken over", "inventariseert de mogelijkheden voor",
]
GENERIC_OBJECTS = [
    "de verdere integratie van eenheden", "gezamenlijke opleidingen en oefeningen", "de uitwisseling van kennis en ervaring",
    "een betere interoperabiliteit", "snellere besluitvorming", "gemeenschappelijke standaarden",
    "de aanschaf van nieuw materieel", "de instandhouding van bestaande wapensystemen", "duurzame inzetbaarheid",
    "de bescherming van vitale infrastructuur", "de versterking van de Europese defensie-industrie",
    "een evenwichtige lastenverdeling", "de gereedheid van de eenheden", "betere logistieke ondersteuning",
    "de bevordering van de internationale rechtsorde", "samenwerking op het gebied van {K}",
    "het delen van faciliteiten en oefenterreinen", "een gezamenlijke aanpak van {K}",
    "de uitvoering van {I}", "een bijdrage aan {I}", "nauwere banden met {P}",
]
GENERIC_QUALIFIERS = [
    "", "", " in {Ob}-verband", " binnen de bestaande financiële kaders", " op korte termijn",
    " in de komende jaren", " in nauwe afstemming met {P}", " waar dat meerwaarde heeft",
    " samen met {P} en {Q}", " vanaf {Yn}", " zoals afgesproken in {C}",
]
OPENINGS = [
    "Hierbij informeer ik u over de stand van zaken van de samenwerking met {P} op het gebied van {K}.",
    "Met deze brief informeer ik uw Kamer over de voortgang van {I} en de Nederlandse bijdrage daaraan.",
    "Zoals toegezegd tijdens het commissiedebat van {D} informeer ik u over de ontwikkelingen rond {I}.",
    "Hierbij bied ik u de jaarrapportage internationale militaire samenwerking {Y} aan.",
    "In deze brief ga ik in op de uitkomsten van mijn bezoek aan {C} en de afspraken met mijn {Padj} ambtgenoot.",
    "Hierbij zend ik u, mede namens de Minister van Buitenlandse Zaken, de reactie op de motie over {K}.",
    "Met deze brief geef ik invulling aan het verzoek van de vaste commissie voor Defensie om een overzicht van de samenwerking met {P}.",
]
PARTNER_SENTENCES = [
    "Nederland en {P} werken sinds {Yp} nauw samen op het gebied van {K}.",
    "Op {D} sprak ik met mijn {Padj} collega over de voortgang van {I}.",
    "De samenwerking binnen {I} draagt bij aan {K} en versterkt de positie van Nederland binnen de {O}.",
    "Tijdens de bijeenkomst in {C} is afgesproken dat {P} en Nederland de mogelijkheden voor {K} verder verkennen.",
    "De {Pc} samenwerking krijgt verder vorm in {I}.",
    "Met {P} is een intentieverklaring opgesteld over {K}, die naar verwachting in {Yn} wordt ondertekend.",
    "{Pt} heeft aangeboden de leiding te nemen bij {I}; Nederland levert daarvoor {N} stafofficieren.",
    "De {Padj} en Nederlandse eenheden oefenen jaarlijks samen, onder meer tijdens {E}.",
    "Ook met {P} en {Q} zijn gesprekken gaande over {K}.",
    "Defensie levert in {Y} een bijdrage aan {I} met circa {M} militairen en ondersteunend personeel.",
    "In {C} tekenden de defensieministers van Nederland en {P} een Memorandum of Understanding over {I}.",
    "Een {Padj} liaison officier is sinds {Yp} geplaatst bij de staf in Den Helder.",
    "De inzet van {I} wordt gecoördineerd met {P} en in {Ob}-verband afgestemd.",
    "Het {Padj} voorstel om {K} gezamenlijk op te pakken, wordt door Nederland gesteund.",
    "Nederland en {P} hebben afgesproken elkaar jaarlijks te informeren over de voortgang van {I}.",
    "De ervaringen met {I} laten zien dat de samenwerking met {P} ook op het gebied van {L} meerwaarde heeft.",
    "In het kader van {I} is in {Y} een gezamenlijke werkgroep opgericht met vertegenwoordigers uit {P} en {Q}.",
    "De eerste resultaten van {I} worden in het najaar van {Y} verwacht.",
]
TOPIC_SENTENCES = [
    "Het kabinet hecht groot belang aan {K}.",
    "Op het gebied van {K} is de afgelopen periode veel bereikt.",
    "De aandacht voor {K} is in {Ob}-verband de laatste jaren sterk toegenomen.",
    "Voor {K} is een langjarige inzet nodig, in nauwe samenwerking met partners.",
    "De ontwikkelingen op het terrein van {K} volg ik nauwgezet.",
    "Nederland pleit in {C} voor een gezamenlijke aanpak van {K}.",
    "De investeringen in {K} passen binnen de afspraken die in {Ob}-verband zijn gemaakt.",
]
THREAT_SENTENCES = [
    "De dreiging die uitgaat van {A} vraagt om een gezamenlijke inzet op {K}.",
    "Het {Aadj} optreden in de regio onderstreept het belang van {I}.",
    "Bondgenoten spraken hun zorgen uit over de militaire activiteiten van {A}.",
    "De {Aadj} desinformatiecampagnes en cyberaanvallen worden in {Ob}-verband besproken.",
]
CITING = [
    "Over de eerdere stappen bent u geïnformeerd{X}.",
    "Ik verwijs hierbij naar mijn eerdere brief{X}.",
    "Dit sluit aan bij wat eerder aan uw Kamer is gemeld{X}.",
    "De uitgangspunten daarvan zijn beschreven in de brief van {D}{X}.",
    "Zoals toegezegd in het commissiedebat{X}, houd ik u op de hoogte van de voortgang.",
]
CLOSINGS = [
    "Ik zal uw Kamer voor het einde van {Y} informeren over de verdere uitwerking.",
    "Over de financiële gevolgen wordt u geïnformeerd bij de eerstvolgende suppletoire begroting.",
    "Ik houd uw Kamer op de hoogte van de voortgang van {I}.",
    "De volgende rapportage ontvangt u in het voorjaar van {Yn}.",
    "Met deze brief beschouw ik de toezegging als afgedaan.",
]
MEETING_ITEMS = [
    ("Oekraïne", "steun-aan-oekraine"),
    ("Afschrikking en verdediging", "afschrikking-en-verdediging"),
    ("Lastenverdeling", "lastenverdeling-en-defensie-uitgaven"),
    ("Partnerschappen", "indo-pacific"),
    ("Missies en operaties", "missies-en-operaties"),
    ("Defensie-industrie en munitie", "munitie"),
    ("Cyber en hybride dreigingen", "cyber-en-hybride-dreigingen"),
    ("Innovatie", "innovatie-en-technologie"),
    ("Militaire mobiliteit", "militaire-mobiliteit"),
    ("Wapenbeheersing", "wapenbeheersing-en-non-proliferatie"),
]
MEETING_SENTENCES = [
    "De ministers spraken over {K} en over de voortgang van {I}.",
    "Nederland heeft tijdens de sessie het belang van {K} onderstreept.",
    "Bondgenoten herhaalden hun steun aan {I}.",
    "Ik heb aangegeven dat Nederland in {Yn} een bijdrage blijft leveren aan {I}.",
    "Met mijn {Padj} en {Qadj} collega's sprak ik en marge van de bijeenkomst over {K}.",
    "De Secretaris-Generaal van de {O} gaf een toelichting op de stand van zaken van {I}.",
    "Er bestond brede overeenstemming over de noodzaak om {K} te versterken.",
    "{Pt} kondigde aan de bijdrage aan {I} uit te breiden.",
]
MEMO_SUBJECTS = [
    "MR: Instemming met ondertekening van het {I}",
    "Nederlandse bijdrage aan {I} in {Yn}",
    "Bilateraal overleg met {P} over {K}",
    "Reactie op verzoek van {P} om samenwerking op het gebied van {K}",
    "Deelname aan {I}",
    "Verlenging van de inzet in het kader van {I}",
]
MEMO_SECTIONS = [
    ("Aanleiding", PARTNER_SENTENCES),
    ("Geadviseerd besluit", [
        "U wordt geadviseerd in te stemmen met de Nederlandse deelname aan {I}.",
        "U wordt geadviseerd kennis te nemen van het verzoek van {P} en in te stemmen met het voorgestelde antwoord.",
        "Geadviseerd wordt de inzet op {K} in {Yn} voort te zetten.",
    ]),
    ("Kernpunten", PARTNER_SENTENCES + TOPIC_SENTENCES),
    ("Toelichting", PARTNER_SENTENCES),
]
MEMO_TAILS = [
    ("Financiële overwegingen", ["Geen bijzonderheden.", "De kosten worden gedekt uit de bestaande begroting.", "De uitgaven bedragen naar verwachting {M} duizend euro per jaar."]),
    ("Juridische overwegingen", ["Geen aanvullingen.", "Er is een volkenrechtelijk mandaat voor de inzet.", "DJZ is akkoord met de voorgestelde tekst."]),
    ("Communicatie", ["Voorlopig niet.", "Er wordt een persbericht opgesteld.", "Communicatie vindt plaats na ondertekening."]),
]


# --------------------------------------------------------------------------- layout


class Layout:
    """Hard-wrap paragraphs, hyphenate at line ends, cut pages with running footers."""

    def __init__(self, rng: random.Random, width: int, lines_per_page: int, footer: str | None):
        import pyphen

        self.rng = rng
        self.width = width
        self.lines_per_page = lines_per_page
        self.footer = footer
        self.hyphenator = pyphen.Pyphen(lang="nl_NL")
        self.pages: list[list[str]] = [[]]
        self.notes: list[list[str]] = [[]]
        self.note_number = 0

    def wrap(self, text: str) -> list[str]:
        lines: list[str] = []
        line = ""
        for word in text.split():
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= self.width:
                line = candidate
                continue
            room = self.width - len(line) - 1
            if line and len(word) >= 7 and room >= 4 and "-" not in word and self.rng.random() < 0.85:
                split = self.hyphenator.wrap(word, room)
                if split:
                    lines.append(f"{line} {split[0]}")
                    line = split[1]
                    continue
            if line and "-" in word and room > word.index("-") + 1 and self.rng.random() < 0.7:
                head, tail = word.split("-", 1)
                lines.append(f"{line} {head}-")
                line = tail
                continue
            if line:
                lines.append(line + " ")
            line = word
        if line:
            lines.append(line + " ")
        return lines

    def _room(self) -> int:
        used = len(self.pages[-1]) + (len(self.notes[-1]) + 1 if self.notes[-1] else 0)
        return self.lines_per_page - used

    def _new_page(self) -> None:
        self.pages.append([])
        self.notes.append([])

    def add_lines(self, lines: list[str]) -> None:
        for line in lines:
            if self._room() <= 0:
                self._new_page()
            self.pages[-1].append(line)

    def paragraph(self, text: str, note: str | None = None) -> None:
        if note is not None:
            self.note_number += 1
            words = text.rstrip(".").split(" ")
            text = " ".join(words) + f"{self.note_number}."
        lines = self.wrap(text)
        if self._room() < 3:
            self._new_page()
        self.add_lines(lines)
        if note is not None:
            self.notes[-1].extend(self.wrap(f"{self.note_number} {note}"))
        self.add_lines([""])

    def heading(self, text: str) -> None:
        if self._room() < 5:
            self._new_page()
        self.add_lines([text + " ", ""])

    def raw(self, lines: list[str]) -> None:
        self.add_lines(lines)

    def block(self, lines: list[str]) -> None:
        """Lines that stay on one page (a signature)."""
        if self._room() < len(lines):
            self._new_page()
        self.add_lines(lines)

    def render(self) -> str:
        pages = []
        total = len(self.pages)
        for number, (lines, notes) in enumerate(zip(self.pages, self.notes), start=1):
            while lines and not lines[-1].strip():
                lines = lines[:-1]
            body = list(lines)
            if notes:
                body += [""] + notes
            if self.footer:
                body += ["", f"{self.footer} {number}" if number > 1 or total > 1 else self.footer]
            pages.append("\n".join(body) + "\n")
        return "\f".join(pages)


# --------------------------------------------------------------------------- documents


def target_size(rng: random.Random) -> int:
    return int(math.exp(rng.uniform(math.log(MIN_SIZE), math.log(TARGET_MAX))))


def signature(rng: random.Random, spec: Spec, roles: list[tuple[str, int]]) -> list[str]:
    role = rng.choices([r for r, _ in roles], [w for _, w in roles])[0]
    return [role, author_name(spec.date, role)]


def author_name(day: dt.date, role: str) -> str:
    """One fictional office-holder per role and period of about three years."""
    period = (day.year - 2005) // 3
    local = random.Random(f"{role}:{period}")
    first = local.choice(FIRST_NAMES) + (local.choice(FIRST_NAMES) if local.random() < 0.5 else "")
    surname = local.choice(SURNAMES)
    if local.random() < 0.25:
        surname += "-" + local.choice(SURNAMES).split()[-1].capitalize()
    return f"{first} {surname}"


def letter(spec: Spec, vocab: Vocab, rng: random.Random) -> str:
    w = Writer(spec, vocab, rng)
    footer = f"Tweede Kamer, vergaderjaar {spec.vergaderjaar}, {spec.dossier}, nr. {spec.number}"
    layout = Layout(rng, rng.randint(68, 78), rng.randint(46, 54), footer)
    head = []
    if rng.random() < 0.6:
        head += [f"{spec.dossier}  {spec.dossier_title} ", ""]
    signer = signature(rng, spec, MEETING_ROLES if spec.kind == "verslag" else ROLES)
    office = signer[0].rstrip(",").split(" van ", 1)[0].replace("De ", "").upper()
    head += [
        f" Nr. {spec.number}  BRIEF VAN DE {office} VAN {'BUITENLANDSE ZAKEN' if 'Buitenlandse' in signer[0] else 'DEFENSIE'} ",
        "",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal ",
        "",
        f"Den Haag, {dutch_date(spec.date)} ",
        "",
    ]
    layout.raw(head)
    size = target_size(rng)
    if spec.kind == "verslag":
        _meeting_body(w, layout, spec, rng, size)
    else:
        _letter_body(w, layout, spec, rng, size)
    layout.block(["", *signer])
    return layout.render()


def _letter_body(w: Writer, layout: Layout, spec: Spec, rng: random.Random, size: int) -> None:
    opening = w.fill(rng.choice(OPENINGS))
    layout.paragraph(f"{opening} {w.paragraph(PARTNER_SENTENCES, (2, 4))}")
    written = len(opening) + 400
    sections = []
    for partner in w.partners:
        sections.append(("partner", partner))
    for topic in w.topics:
        sections.append(("topic", topic))
    for term in w.initiatives[:3]:
        sections.append(("initiative", term))
    rng.shuffle(sections)
    if w.adversary:
        sections.insert(rng.randrange(len(sections) + 1), ("threat", w.adversary))
    position = 0
    while written < size:
        kind, subject = sections[position % len(sections)]
        position += 1
        if kind == "partner":
            title = subject.title if position <= len(sections) else f"Samenwerking met {subject.phrase}"
            bank = PARTNER_SENTENCES
        elif kind == "topic":
            title = subject.name if position <= len(sections) else f"{subject.name}: vervolg"
            bank = PARTNER_SENTENCES + TOPIC_SENTENCES
        elif kind == "initiative":
            title = subject.name
            bank = PARTNER_SENTENCES
        else:
            title = "Veiligheidssituatie"
            bank = THREAT_SENTENCES + TOPIC_SENTENCES
        layout.heading(title)
        for index in range(rng.randint(1, 3)):
            if kind == "topic" and index == 0:
                text = w.topic_paragraph(subject)
            elif kind == "partner":
                everyone, w.partners = w.partners, [subject]
                text = w.paragraph(bank)
                w.partners = everyone
            else:
                text = w.paragraph(bank)
            note = None
            if w.footnote_citations and rng.random() < 0.5:
                note = f"{w.footnote_citations.pop().kamerstuk}"
            layout.paragraph(text, note)
            written += len(text) + 2
    closing = " ".join(w.fill(rng.choice(CLOSINGS)) for _ in range(rng.randint(1, 2)))
    layout.paragraph(closing + w.remaining_citations(), w.remaining_footnote())


def _meeting_body(w: Writer, layout: Layout, spec: Spec, rng: random.Random, size: int) -> None:
    nato = spec.dossier == "28 676"
    first = spec.date - dt.timedelta(days=rng.randint(3, 30))
    second = first + dt.timedelta(days=1)
    where = "Brussel" if rng.random() < 0.7 else rng.choice(CITIES)
    if nato:
        meeting = f"de bijeenkomst van de NAVO-ministers van Defensie op {first.day} en {second.day} {MONTHS[second.month - 1]} jl. in {where}"
    else:
        meeting = f"de Raad Buitenlandse Zaken met de ministers van Defensie van {first.day} {MONTHS[first.month - 1]} jl. in {where}"
    opening = f"Hierbij ontvangt u, mede namens de Minister van Buitenlandse Zaken, het verslag van {meeting}."
    layout.heading("Inleiding")
    layout.paragraph(f"{opening} {w.paragraph(MEETING_SENTENCES, (2, 4))}")
    items = rng.sample(MEETING_ITEMS, len(MEETING_ITEMS))
    topics = {t.id: t for t in w.vocab.topics}
    written = len(opening) + 400
    position = 0
    while written < size:
        title, topic_id = items[position % len(items)]
        if position >= len(items):
            title = f"{title} (vervolg)"
        position += 1
        layout.heading(title)
        topic = topics.get(topic_id)
        for index in range(rng.randint(1, 3)):
            if index == 0 and topic is not None:
                text = w.topic_paragraph(topic)
            else:
                text = w.paragraph(MEETING_SENTENCES + PARTNER_SENTENCES + (THREAT_SENTENCES if w.adversary else []))
            layout.paragraph(text)
            written += len(text) + 2
    layout.paragraph(w.fill(rng.choice(CLOSINGS)) + w.remaining_citations(), w.remaining_footnote())


def memo(spec: Spec, vocab: Vocab, rng: random.Random) -> str:
    """A beslisnota as exported from Word: one paragraph a line, no page furniture."""
    w = Writer(spec, vocab, rng)
    redacted = rng.random() < 0.7
    hidden = "[redacted]"
    lines = ["", "", ""]
    lines.append(rng.choice(["Aan MINDEF", "Aan de Minister van Defensie", "Aan de Staatssecretaris van Defensie", "Aan SG"]))
    lines.append(f"Van {hidden if redacted else rng.choice(['DGB', 'DOPS', 'HDFC', 'DJZ'])}")
    if rng.random() < 0.6:
        lines.append(f"Afgestemd met {hidden if redacted else rng.choice(['BZ', 'DJZ, HDFC', 'CDS'])}")
    if rng.random() < 0.4:
        lines.append(f"In afschrift aan {hidden if redacted else 'SG'}")
    lines += ["", "TER BESLISSING", "", "Datum", dutch_date(spec.date), "Onze referentie", spec.reference]
    lines += ["Opgesteld door"] + ([hidden] * rng.randint(2, 6) if redacted else [rng.choice(["Directie Beleid", "DGB/DIO"])])
    lines += ["Aantal bijlagen", str(rng.randint(0, 3)), "", "Nota", ""]
    lines += [w.fill(rng.choice(MEMO_SUBJECTS)), ""]
    size = target_size(rng) // 2 + MIN_SIZE // 2
    written = sum(len(line) for line in lines)
    citations = w.citations + w.footnote_citations
    w.citations, w.footnote_citations = [], []
    for title, bank in MEMO_SECTIONS:
        lines += [title, ""]
        advice = title == "Geadviseerd besluit"
        for _ in range(1 if advice else rng.randint(1, 3)):
            text = w.fill(rng.choice(bank)) if advice else w.paragraph(bank, (2, 5))
            if citations and rng.random() < 0.5:
                text += f" Zie ook {citations.pop(0).kamerstuk}."
            lines += [text, ""]
            written += len(text)
    if citations:
        lines += ["Zie ook " + ", ".join(cited.kamerstuk for cited in citations) + ".", ""]
    topic_round = 0
    while written < size:
        topic = w.topics[topic_round % len(w.topics)]
        lines += [f"Overwegingen {topic.name.lower()}" if topic_round < len(w.topics) else "Overwegingen Beleid/Overwegingen Uitvoering", ""]
        text = w.topic_paragraph(topic)
        lines += [text, ""]
        written += len(text)
        topic_round += 1
    for title, options in MEMO_TAILS:
        lines += [title, "", w.fill(rng.choice(options)), ""]
    if redacted:
        lines += ["Informatie die niet openbaar wordt gemaakt", "",
                  "Beslisnota gelakt op grond van bescherming persoonlijke levenssfeer en de betrekkingen met andere staten.", ""]
    return "\n".join(lines) + "\n"


def file_name(spec: Spec) -> str:
    return f"{spec.kind}-{spec.date.isoformat()}-{spec.index:05d}.txt"


def synthesise(count: int, seed: int = 1, vocabulary: Path = VOCABULARY):
    """Yield (file name, text) for `count` documents, oldest first."""
    vocab = load_vocabulary(vocabulary)
    rng = random.Random(seed)
    specs = plan_corpus(count, rng)
    for spec in specs:
        local = random.Random(f"{seed}:{spec.index}")
        text = memo(spec, vocab, local) if spec.kind == "beslisnota" else letter(spec, vocab, local)
        yield file_name(spec), text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write N synthetic, deterministic defence-cooperation documents (.txt).",
        epilog="example:\n  python benchmarks/synth.py --docs 1000 --out /tmp/corpus-1000 --seed 1",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created; must hold no .txt yet)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    args.out.mkdir(parents=True, exist_ok=True)
    if any(args.out.glob("*.txt")):
        parser.error(f"{args.out} already holds .txt files; choose an empty folder")
    total = 0
    for name, text in synthesise(args.docs, args.seed):
        data = text.encode("utf-8")
        (args.out / name).write_bytes(data)
        total += len(data)
    print(f"wrote {args.docs} documents ({total / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
