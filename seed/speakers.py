"""Speaker resolution: from the speaker as written ("he", "the source", "Iraq's prime
minister", "a statement from the ministry", "Sudani") to an actor, over the discourse of the
whole article.

- **Names** are clustered within the article ("Sudani" → "Mohamed Shia al-Sudani").
- **Roles** ("Iraq's prime minister", "PM", "the spokesperson") go to the person the article
  gives that title ("Iraqi Prime Minister Mustafa al-Kadhimi", "X, the spokesperson of Y"),
  the latest before the description, else the first after it; a "former"/"then-" title
  does not answer for the present one.
- **Institutions**: "a statement from X", "X's statement" → X; organisations, states and
  governments keep their kind.
- **Anonymous sources** ("a security source in Anbar", "officials", "the Iraqi
  authorities") become anonymous actors described by their words; "the source" goes back
  to the latest source the article introduced.
- **Pronouns** go to the actor the discourse is about, not merely the nearest name: a
  person who is the subject earlier in the same sentence, else the topic (speaker or
  subject) of the sentence before, else the last speaker the article quoted. Consecutive
  statements by the same pronoun ("he remarked … He also said … He added …") are one
  referent, and a person named inside any of their contents cannot be it ("He added that
  the US is unwilling to receive Sudani" is not Sudani). Embedded posts are no part of
  the discourse.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from schema.enums import ActorKind, LocationKind
from seed.entities.actors import ARMED_FRONT, ActorResolver
from seed.entities.names import (
    clean_display,
    given_names,
    normalize,
    same_person,
    starts_with_particle,
    strip_marks,
)
from seed.entities.places import default_place_resolver
from seed.extract.base import Candidate, Context
from seed.extract.lexicon import Lexicon
from seed.extract.phrases import (
    MISSIONS,
    agent,
    child,
    coordinated,
    core_np,
    initials_in_brackets,
    proper_run_start,
)
from seed.records import ActorRef, RoleRef
from seed.segment import BlockRole

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i"}
#: heads of a description by age ("the 27-year-old", "the 64-year-old lawyer")
_AGE_WORDS = frozenset({"old"})
#: words that pick members out of a group named after "of" ("one of the officials")
_PARTITIVES = frozenset(
    {"one", "two", "three", "some", "several", "many", "most", "none", "each", "another"}
)
#: verbs naming the one person a body consists of or is led by ("a bench comprising X")
_MEMBERSHIP_VERBS = frozenset({"comprise", "head", "lead", "chair", "consist", "preside"})
#: heads of an unnamed speaker for an institution ("a spokesperson for the ministry")
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "press"})
# the people a named body speaks through ("economists at X", "the management of X")
_STAFF = frozenset(
    {"official", "economist", "analyst", "observer", "expert", "researcher", "management",
     "lawyer", "specialist"}
)  # fmt: skip
_DETERMINERS = frozenset(
    {"the", "a", "an", "one", "some", "two", "three", "several", "many", "another"}
)
_ROLE_SYNONYMS = {
    "pm": "prime minister",
    "premier": "prime minister",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "fm": "foreign minister",
    "defense minister": "defence minister",
    "justice": "judge",
    "counsel": "lawyer",
    "barrister": "lawyer",
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "cllr": "councillor",
    "cllr.": "councillor",
    "amb.": "ambassador",
    "adm.": "admiral",
    "gen.": "general",
    "col.": "colonel",
    "capt.": "captain",
    "maj.": "major",
    "brig.": "brigadier",
    "lt.": "lieutenant",
    "supt.": "superintendent",
    "insp.": "inspector",
}
#: descriptions that stand for a title ("the country's top diplomat")
_ROLE_PHRASES = {
    "top diplomat": "foreign minister",
    "chief diplomat": "foreign minister",
}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
#: heads of descriptions that stand only for someone unnamed ("the source said")
_UNNAMED_ONLY = frozenset({"source", "official", "insider", "person", "people"})
#: plural nouns that stand for the states of a list: "the four countries", "the ministers"
_JOINT_HEADS = frozenset((
    "country", "nation", "state", "government", "minister", "leader", "ruler", "junta", "ally",
    "power", "capital", "signatory",
))  # fmt: skip
#: plural nouns for the parties to a joint statement ("the two delegations said")
_SIDES = frozenset({"side", "delegation", "party"})
#: nouns for those who speak for several bodies or states together ("the heads of the WFP,
#: UNICEF and UNHCR", "the Troika of the United States, Britain and Norway")
_HEADS_OF_MANY = frozenset({"head", "chief", "troika", "quartet", "quintet"})
#: those who speak for a body ("the boards of both firms")
_LEADERS_OF_BODIES = frozenset({"board"})
#: styles that stand for the person styled so ("His Highness said")
_STYLES = frozenset(("highness", "excellency", "majesty", "holiness", "eminence"))
_JOINT_LOOKBACK = 4  # sentences, the description's own included
#: people are named once and quoted at length before "the three leaders said"
_PEOPLE_LOOKBACK = 7
#: between two states of a list: "France, Britain and Germany", "the UAE, the Kingdom of …"
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_NUMBERS = dict(
    zip(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        range(2, 11),
        strict=True,
    )
)
#: endings of nouns for a person by what they do ("engineer", "director", "economist")
_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "ee", "man", "woman", "person")
#: ... and of a trade, which may open a sentence before a name ("Winemaker X", "Blacksmith X")
_TRADE_ENDINGS = (*_AGENT_SUFFIXES, "eur", "smith", "wright")
#: what a text says "according to" when no one is named: its producer, if given, speaks
_DOCUMENT_NOUNS = frozenset(
    {
        "information", "data", "figures", "figure", "results", "result", "report", "reports",
        "documents", "document", "estimates", "estimate", "statistics", "survey", "poll",
        "records", "copy", "text", "tally", "count", "assessment", "analysis", "study",
        "footage", "images", "draft", "memo", "letter", "filing", "filings", "readout",
        "transcript", "minutes", "notes", "cable", "cables", "census", "memorandum", "order",
        "notice", "circular", "advisory",
    }
)  # fmt: skip
#: where a body publishes ("a notice posted on the SAMR website")
_SITES = frozenset({"website", "site", "account", "page", "portal", "channel"})
_ACCESS_VERBS = frozenset({"see", "obtain", "review", "view", "read", "access", "receive", "leak"})
#: entity labels a person's name may carry when NER mistakes it
_NAME_LABELS = ("", "PERSON", "ORG")
#: the pronouns a person is the subject of a sentence as
_PERSONAL = ("he", "she", "i", "we", "they")
_PRONOUN_FORMS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
_GENDERED = {
    **dict.fromkeys(
        ("mr", "monsieur", "sir", "lord", "king", "prince", "emir", "sultan", "sheikh", "pope",
         "ayatollah", "imam", "spokesman", "chairman", "congressman", "businessman",
         "councilman", "father", "son", "brother", "husband", "uncle", "grandfather", "nephew",
         "boy", "man", "widower"), "m"),
    **dict.fromkeys(
        ("mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess",
         "sheikha", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
         "councilwoman", "mother", "daughter", "sister", "wife", "aunt", "grandmother",
         "niece", "girl", "woman", "widow"), "f"),
}  # fmt: skip
#: honorifics taken with a given name alone ("Sir Edmund")
_HONORIFIC_GIVEN = re.compile(r"\b(?:Sir|Dame)\s+$")
#: a romanised Korean or Chinese name, family name first, with a hyphenated given name
#: ("Park Min-seo", "Lin Chia-hui"), which NER often leaves unlabelled
_ROMANISED = re.compile(r"\b[A-Z][a-z]{1,5} [A-Z][a-z]{1,5}-[a-z]{2,5}\b")
#: nouns of kinship, which name a person by someone else
_KIN = frozenset(
    {"mother", "father", "sister", "brother", "son", "daughter", "wife", "husband", "widow",
     "widower", "uncle", "aunt", "nephew", "niece", "cousin", "grandmother", "grandfather",
     "grandson", "granddaughter", "parent", "child", "relative", "fiancée", "fiancé"}
)  # fmt: skip
#: words that keep a source unnamed on purpose
_UNNAMED = re.compile(
    r"anonymity|not (?:authori[sz]ed|to be (?:named|identified))|declined to be (?:named|"
    r"identified)|requested not|asked not",
    re.IGNORECASE,
)
#: a source named by a given name only ("who asked that only her first name be used")
_FIRST_NAME_ONLY = re.compile(
    r"\b(?:only (?:his|her) first name|(?:his|her) first name only|only by (?:his|her) first "
    r"name)\b",
    re.IGNORECASE,
)
#: a source who gave a given name only ("…, who gave only his first name, Nizar"), or a
#: surname ("a parent surnamed Chen")
_GIVEN_ONLY = re.compile(
    r"\b(?:first name|surnamed|identified (?:only )?as|gave (?:his|her|their) (?:first )?name "
    r"(?:only )?as)"
    r"[,:]?\s+((?:(?:Abu|Umm) )?[A-Z][\w’'-]+(?: (?:bin|bint|ibn|Bin|Bint|Ibn) [A-Z][\w’'-]+)?)"
    r"(?=[\s.,;)]|$)"
)
#: nouns that stand for whatever body was named last ("the group said")
_GENERIC_BODIES = frozenset(
    {"group", "movement", "organisation", "organization", "militia", "company", "firm"}
)
#: what a body's name in apposition to them is no person's ("X, the consortium that …")
_COMPANY_NOUNS = _GENERIC_BODIES | {
    "consortium", "operator", "agency", "charity", "union", "party", "manufacturer",
    "producer", "insurer", "lender", "bank", "broadcaster", "newspaper", "outlet",
    "subsidiary", "affiliate", "miner", "utility", "carrier", "airline", "regulator",
    "watchdog", "retailer", "supplier", "refiner", "conglomerate", "federation",
    "association", "foundation", "institute", "body",
}  # fmt: skip
#: a place named after one of these and "of" is a place, whatever NER took it for ("the
#: village of Gornje Nedeljice")
_SETTLEMENT_NOUNS = frozenset(
    {
        "village",
        "town",
        "city",
        "hamlet",
        "municipality",
        "district",
        "province",
        "region",
        "island",
    }
)
#: what a company may be called by its trade once named ("the utility", "the airline")
_TRADE_NOUNS = (
    "utility", "operator", "supplier", "carrier", "airline", "insurer", "manufacturer",
    "producer", "retailer", "developer", "exporter",
)  # fmt: skip
#: plural nouns for bodies speaking together ("the two companies said", "the two organisations")
_PLURAL_BODIES = frozenset(
    {
        "company", "firm", "group", "carmaker", "bank", "lender", "organisation",
        "organization", "agency", "body", "union", "charity", *_TRADE_NOUNS,
    }
)  # fmt: skip
#: what a body is called once named ("the fund", "the central bank", "the group"), and the
#: words one of its names then has ("the lender" is a bank or a fund)
_BODY_NOUNS: dict[str, frozenset[str]] = {
    "bank": frozenset({"bank"}),
    "lender": frozenset({"bank", "fund"}),
    "fund": frozenset({"fund"}),
    "court": frozenset({"court", "tribunal"}),
    "tribunal": frozenset({"tribunal", "court"}),
    # a court's judges sitting on a case ("the three-member panel", "the bench")
    "panel": frozenset({"court", "tribunal", "arbitration"}),
    "bench": frozenset({"court", "tribunal"}),
    "party": frozenset({"party"}),
    "union": frozenset({"union", "congress", "federation", "confederation"}),
    "alliance": frozenset({"alliance", "coalition", "front", "bloc"}),
    "coalition": frozenset({"coalition", "alliance", "front", "bloc"}),
    "bloc": frozenset({"bloc", "alliance", "coalition"}),
    "commission": frozenset({"commission"}),
    "committee": frozenset({"committee"}),
    "board": frozenset({"board"}),
    "regulator": frozenset({"authority", "commission", "regulator", "agency", "office", "bank"}),
    "watchdog": frozenset({"authority", "commission", "watchdog", "agency", "office"}),
    # a public agency is named a centre, bureau, service… as often as an agency
    "agency": frozenset(
        {
            "agency",
            "centre",
            "center",
            "bureau",
            "service",
            "administration",
            "authority",
            "directorate",
            "institute",
            "office",
            "commission",
        }
    ),
    "authority": frozenset({"authority"}),
    "society": frozenset({"society"}),
    "institute": frozenset({"institute"}),
    "council": frozenset({"council"}),
    "foundation": frozenset({"foundation"}),
    "directorate": frozenset({"directorate"}),
    "department": frozenset({"department"}),
    "bureau": frozenset({"bureau"}),
    "precinct": frozenset({"precinct"}),
    "chamber": frozenset({"chamber"}),
    "university": frozenset({"university"}),
    "force": frozenset({"force"}),
    "college": frozenset({"college"}),
    "consortium": frozenset(),
    "company": frozenset(),
    "firm": frozenset(),
    "group": frozenset(),
    "organisation": frozenset(),
    "organization": frozenset(),
    "body": frozenset(),
    "charity": frozenset(),
    "association": frozenset(),
    "federation": frozenset(),
    "movement": frozenset(),
    "network": frozenset(),
    # a broadcaster or a newspaper once named ("Kilele TV … the station said", "the daily
    # Denník N. According to the paper, …")
    "station": frozenset({"tv", "radio", "television", "fm", "broadcasting"}),
    "channel": frozenset({"tv", "channel", "television"}),
    "paper": frozenset(),
    "newspaper": frozenset(),
    # what a company is called once named ("Rand Water … the utility said")
    **dict.fromkeys((*_TRADE_NOUNS, "broadcaster", "conglomerate"), frozenset()),
}
#: what someone who did not speak did not do ("did not respond", "declined to comment")
_SILENT_VERBS = frozenset({"respond", "comment", "reply", "answer", "reach", "attend", "return"})
_PARTY_NOUNS = frozenset({"party", "alliance", "coalition", "bloc"})
#: words describing a body as a party ("the opposition Botswana People's Front")
_PARTY_DESCRIPTIONS = _PARTY_NOUNS | {"opposition"}
#: nouns for a body's missions abroad, which take its name in apposition ("The U.N.
#: mission in South Sudan, UNMISS,")
_MISSION_NOUNS = frozenset({"mission", "force", "office", "secretariat", "operation"})
#: nouns heading a phrase for a body, which a name before them only qualifies
_BODY_HEADS = _COMPANY_NOUNS | _PARTY_NOUNS
#: words describing any body, which say nothing of its name ("the country's main agency")
_PLAIN_QUALIFIERS = frozenset(
    {"main", "top", "new", "national", "local", "state", "federal", "official", "largest",
     "biggest", "leading", "powerful", "influential", "opposition", "ruling", "government",
     "public", "independent", "international", "regional", "global", "key", "little-known"}
)  # fmt: skip
#: kinds of the bodies a noun for a body may stand for right after they spoke
_NAMED_BODY_KINDS = (ActorKind.ORGANIZATION, ActorKind.PARTY, ActorKind.ARMED_GROUP)
#: a body's leaders or judges, who speak for it ("the ELN's command", "a bench of the court")
_LEADERSHIPS = frozenset({"command", "leadership", "bench", "panel", "secretariat"})
#: kinds of body a noun of :data:`_BODY_NOUNS` with no name words of its own may stand for
_NAMELESS_BODY_KINDS: dict[str, tuple[ActorKind, ...]] = {
    **dict.fromkeys(_PARTY_NOUNS, (ActorKind.PARTY,)),
    **dict.fromkeys(("company", "firm", *_TRADE_NOUNS), (ActorKind.ORGANIZATION,)),
    **dict.fromkeys(("station", "channel", "paper", "newspaper"), (ActorKind.MEDIA,)),
}
#: nouns saying what kind of body a name before them is ("the opposition X party")
_KIND_NOUNS = _GENERIC_BODIES | {
    "party", "alliance", "coalition", "union", "bloc", "charity", "association", "federation",
    "network", "consortium", "operator", "airline", "carrier", "giant", "lender", "insurer",
    "agency",
}  # fmt: skip
#: entity labels of words that do not go on an organisation's name ("… on Tuesday")
_NOT_NAMES = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
#: plural nouns without a plural "s" that head descriptions of unnamed speakers
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "personnel", "folk"})
#: words before a body's noun that make it an armed group ("the paramilitary group")
_ARMED_WORDS = frozenset(
    {"paramilitary", "rebel", "militant", "armed", "insurgent", "jihadist", "separatist"}
)
#: words that make a title another's ("the shadow home secretary" is not "the home secretary")
_LESSER_TITLES = frozenset({"shadow", "deputy", "vice", "assistant", "junior", "under", "acting"})
_PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "near", "across", "at", "outside", "into"})
_PLACE_NOUNS = frozenset({"province", "region", "district", "state", "county", "city", "area"})
#: what a place's name alone comes before ("Zaka district"), never a person's
_AREA_NOUNS = frozenset({"province", "region", "district", "county", "municipality"})
#: one member of a party ("the Christian Democrat", "the Republican")
_PARTY_MEMBERS = frozenset(
    {"democrat", "republican", "conservative", "liberal", "socialist", "communist", "centrist"}
)
#: endings of Russian and Central Asian patronymics
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ovych", "ivna", "uly", "kyzy", "qyzy")
#: kinds of actor that are people, not bodies
_PEOPLE = (ActorKind.PERSON, ActorKind.ANONYMOUS, ActorKind.GROUP)
_FORMER = {"former", "then", "ex", "late", "outgoing"}
#: nouns for a government that are the state, whatever bodies of it an article names
_RULERS = frozenset({"junta", "regime"})
_GOVERNMENT_HEADS = {
    "ministry", "government", "office", "department", "cabinet", "presidency", "embassy", "consulate",
    "administration", "council", "parliament", "authority", "command", "secretariat",
    "white house", "kremlin", "pentagon", *_RULERS,
}  # fmt: skip
_INSTITUTION_HEADS = _GOVERNMENT_HEADS | {
    "military", "army", "forces", "police", "navy", "committee", "commission", "coalition",
    "agency", "union", "organization", "organisation", "group", "movement", "party", "front",
    "alliance", "court", "bank", "company", "mission", "bloc", "faction", "militia",
    "society", "association", "federation", "institute", "foundation", "chamber", "league",
    "cell", "unit", "wing", "bureau", "directorate", "service", "centre", "center",
    "observatory", "network", "consortium", "corporation",
}  # fmt: skip
#: what "a … spokesman" may speak for, once the article named it ("a club spokesman")
_SPOKEN_FOR = _INSTITUTION_HEADS | {"club", "university", "college"}
#: what one does to a document one is the author of ("The IMF published its report")
_PRODUCING = frozenset(
    {"publish", "release", "issue", "produce", "prepare", "write", "circulate", "send",
     "submit", "compile", "present", "unveil", "draft", "adopt", "file", "post", "distribute",
     "deliver", "table", "sign", "launch", "put"}
)  # fmt: skip
#: what a source was shown or named as ("a man presented as a commander of the group")
_PRESENTED = frozenset({"present", "identify", "describe", "introduce"})
#: what one presented so is of a body ("a local commander", "a fighter", "a member")
_MEMBERS = frozenset({"commander", "fighter", "member", "militant", "spokesman", "leader"})
#: titles for whoever leads a body, which the article may name by its own title
_HEADS = frozenset({"head", "chief", "leader", "boss"})
#: one romanised Korean or Chinese syllable ("seog" of "Eon-seog", "jung", "myung")
_SYLLABLE = re.compile(
    r"(?:ch|jj|kk|pp|ss|tt|sh|zh|[bcdghjkmnprstwxyz])?[wy]?"
    r"(?:ae|eo|eu|oe|ui|ai|ao|ei|ou|ia|ie|io|iu|ua|ue|uo|[aeiou])(?:ng|n|m|k|l|p|g|b)?"
)
#: a place that speaks as its government ("the city says"), and the kind of place it is
_LOCAL_GOVERNMENTS = {
    "city": LocationKind.CITY,
    "municipality": LocationKind.CITY,
    "province": LocationKind.PROVINCE,
}
#: words for a body that may run into the name after it ("the Assembly B. Rao")
_BODY_WORDS = _INSTITUTION_HEADS | {
    "assembly", "senate", "congress", "house", "legislature", "opposition",
}  # fmt: skip
#: words naming the kind of an organisation the gazetteer does not know
_ARMED = re.compile(r"\b(brigades?|militias?|battalions?|army of)\b", re.I)
_PARTY = re.compile(r"\b(party|alliance|bloc|coalition|movement|front)\b", re.I)
_GOVERNMENT = re.compile(r"\b(ministry|government|department|office|presidency|cabinet)\b", re.I)


# --------------------------------------------------------------------------- names


def cluster_names(names: Iterable[str]) -> dict[str, str]:
    """Surface name → the article's fullest name for the same person, in order of
    appearance ("Sudani" → "Mohamed Shia al-Sudani")."""
    order: list[str] = []
    for n in names:
        if n not in order:
            order.append(n)
    # "Pro Tem Gary Voss" beside "Gary Voss": the longer form carries a title
    # (but "Conor" is no title of "Mac Donncha": a surname with a particle is no full name)
    cores = {
        n: next(
            (
                m
                for m in order
                if m != n
                and len(m.split()) >= 2
                and n.endswith(" " + m)
                and not starts_with_particle(m)
                # "Carlos" is no title of "Ruiz Massieu": a given name before two surnames
                and not any(w in given_names() for w in n[: -len(m)].split())
            ),
            n,
        )
        for n in order
    }
    order = [n for n in order if cores[n] == n]
    fulls = [n for n in order if len(n.split()) >= 2]
    out: dict[str, str] = {}
    for n in order:
        best = n
        for f in fulls:
            if f is n or len(f.split()) < len(best.split()):
                continue
            if (
                same_person(n, f, same_article=True) or f.endswith(" " + n)  # "Ruiz Massieu"
            ) and len(f.split()) > len(best.split()):
                best = f
        out[n] = best if best != n else _given_name_of(n, fulls) or n
    for n, core in cores.items():
        if core != n:
            out[n] = core
    # full names spelled two ways ("Mohamed"/"Mohammed") take the first spelling
    for n in order:
        for m in order:
            if m == n:
                break
            if out[m] == m and len(m.split()) >= 2 and same_person(n, m) and out[n] == n:
                out[n] = m
    for n, core in cores.items():
        out[n] = out.get(core, core)
    return out


def _apposed_body(name: SpacySpan | Token) -> bool:
    """Whether a name has a body's noun in apposition ("Pearl Petroleum, the consortium
    that …", "Electricite du Liban (EDL), the state utility,"): a body's name, whatever NER
    took it for."""
    tokens = [name] if isinstance(name, Token) else name
    return any(
        (a.dep_ == "appos" and a.lemma_.lower() in _COMPANY_NOUNS)
        # "Novo Nordisk, which makes Wegovy,": a thing, not a person (right after the name,
        # not after a description of a person's that ends in a body's)
        or (
            a.dep_ == "relcl"
            and a.left_edge.lower_ == "which"
            and a.left_edge.i == t.i + 2
            and t.doc[t.i + 1].text == ","
        )
        for t in tokens
        for a in t.children
    )


def _names_body(p: _Person, span: SpacySpan) -> bool:
    """Whether a "name" only qualifies a body's noun heading the phrase ("the largest
    Bosniak party")."""
    head = span.root
    return (
        p.root.dep_ in ("amod", "compound")
        and p.root.head == head
        and head.is_lower
        and head.lemma_ in _BODY_HEADS
    )


def _settlement(ent: SpacySpan) -> bool:
    """Whether a name follows "the village of" or the like: a place's, not a body's."""
    of = ent.root.head
    return (
        ent.root.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in _SETTLEMENT_NOUNS
    )


def _initials(name: str) -> str:
    """The capitals of a name's words ("Inter-Services Public Relations" → "ISPR")."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _given_name_of(single: str, fulls: Iterable[str]) -> str | None:
    """ "Legesse" for "Legesse Tulu", "Prof Kindiki" for "Kindiki Kithure": a single name,
    no one's surname (the callers have looked for that), that is the first name of exactly
    one full name in the article (Ethiopian names, and names written either way round)."""
    if len(single.split()) != 1 or not single[:1].isupper():
        return None
    having = {f for f in fulls if " " in f and f.split()[0] == single}
    return having.pop() if len(having) == 1 else None


# --------------------------------------------------------------------------- discourse


@dataclass
class _Person:
    start: int
    end: int
    surface: str
    root: Token
    sentence: int
    subject: bool
    canonical: str = ""
    roles: list[tuple[str, str | None, bool]] = field(
        default_factory=list
    )  # key, qualifier, former
    description: str | None = None
    #: what the article calls the person in apposition ("a taxi driver"): each noun with
    #: the words before it
    kinds: list[tuple[str, frozenset[str]]] = field(default_factory=list)


class SpeakerResolver:
    def __init__(
        self, ctx: Context, candidates: list[Candidate], actors: ActorResolver | None = None
    ) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.candidates = candidates
        self.actors = actors or ActorResolver()
        self.titles = ctx.lex.title_words
        self.embed_blocks = {
            ctx.layout.block_at(c.cue_span[0])
            for c in candidates
            if c.rule == "dash" and c.cue_span
        } | {ctx.layout.block_at(c.start) for c in candidates if c.rule == "dash"}
        self.persons = self._persons()
        # our clusters, refined by the resolver's (titles dropped, transliterations joined)
        names = cluster_names(p.surface for p in self.persons)
        names.update((k, v) for k, v in self.actors.cluster(list(names)).items() if k != v)
        self.canonical = names
        for p in self.persons:
            p.canonical = names.get(p.surface, p.surface)
        self._honorific_given_names()
        for p in self.persons:
            self._roles(p)
        self.refs: dict[str, ActorRef] = {}
        #: the organisations, governments and states named so far, in order
        self.bodies: list[ActorRef] = []
        #: the body a trade's noun stood for ("the utility"), by the noun and its own nouns
        self._trade_bodies: dict[tuple[str, ...], ActorRef] = {}
        #: where the attribution being resolved starts
        self.at = 0
        self.gender = self._genders()

    def _honorific_given_names(self) -> None:
        """ "Sir Edmund", "Dame Beatrice", "Dr. Soran", "Ambassador Birtukan": a given name
        alone after a title stands for the person the article named in full with it (Sir
        Edmund Carrow), where it is no one's surname."""
        text = self.ctx.text
        doc = self.doc
        fulls = [q.canonical.split() for q in self.persons if " " in q.canonical]
        for p in self.persons:
            if " " in p.surface:
                continue
            first = doc.char_span(p.start, p.end, alignment_mode="expand")
            titled = first is not None and (
                (first.start > 0 and doc[first.start - 1].lower_ in self.titles)
                or (len(first) > 1 and first[0].lower_ in self.titles)  # NER took "Dr Malik"
            )
            if not (titled or _HONORIFIC_GIVEN.search(text[max(0, p.start - 6) : p.start])):
                continue
            if any(words[-1] == p.surface for words in fulls):
                continue  # "Dr. Haddad": a surname
            # (or a later given name: "Dr Malik" for "Abdul Malik Baloch")
            full = [" ".join(words) for words in fulls if p.surface in words[:-1]]
            if len(set(full)) == 1:
                p.canonical = full[0]
                self.canonical[p.surface] = full[0]

    def mentions_of(self, actor: object, sentence: int) -> list[SpacySpan]:
        """Spans naming ``actor`` (a person) in sentence ``sentence``, in text order."""
        if not isinstance(actor, ActorRef):
            return []
        out = []
        for p in self.persons:
            if p.sentence == sentence and p.canonical == actor.name:
                span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
                if span is not None:
                    out.append(span)
        return out

    def named(self, text: str) -> tuple[ActorRef, SpacySpan] | None:
        """The person of the article a name as written refers to ("FERREIRA", "Ferreira"),
        with the span of their first mention."""
        words = " ".join(w.capitalize() if w.isupper() else w for w in text.split())
        for p in self.persons:
            if same_person(words, p.surface, same_article=True) or words == p.canonical:
                return self._mention(p)
        return None

    def most_named(self, start: int, end: int) -> tuple[ActorRef, SpacySpan] | None:
        """The person named most often between characters ``start`` and ``end`` (of equals,
        the first named)."""
        blocks = self.ctx.layout.blocks
        named = [
            p
            for p in self.persons
            if start <= p.start < end
            and (b := self.ctx.layout.block_at(p.start)) >= 0
            and blocks[b].extractable  # not a byline's writer
            and b not in self.embed_blocks
        ]
        counts = Counter(p.canonical for p in named)
        if not counts:
            return None
        top = max(counts.values())
        return self._mention(next(p for p in named if counts[p.canonical] == top))

    def names_in(self, actor: ActorRef, sentence: int) -> bool:
        """Whether sentence ``sentence`` names ``actor`` outside quotations."""
        return any(
            p.sentence == sentence
            and p.canonical == actor.name
            and not self.ctx.inside_quote(p.root)
            for p in self.persons
        )

    def _mention(self, p: _Person) -> tuple[ActorRef, SpacySpan] | None:
        span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
        return (self._person_ref(p), span) if span is not None else None

    # -- people in the text -------------------------------------------------------------

    def _persons(self) -> list[_Person]:
        out: list[_Person] = []
        for ent in self.ctx.ents:
            named = ent if ent.label_ == "PERSON" else self._misread_name(ent)
            if named is None or (ent.label_ == "PERSON" and _place_as_name(ent)):
                continue
            if len(ent) == 1 and self.actors.gaz.country_of_demonym(ent.text) is not None:
                continue  # "The Moldovan government": a people's name, not a person's
            if _apposed_body(ent):
                continue  # "Pearl Petroleum, the consortium that operates the field,"
            if self.ctx.excluded(ent.start_char):
                continue  # "By Sara Nadeem": the writer, in the byline, is none of its speakers
            if (
                ent.label_ == "PERSON"
                and self.actors.ends_as_body(ent.text)
                and strip_marks(ent[0].text) not in given_names()
            ):
                continue  # "Athens-based Kestrel Maritime": a firm NER took for a person
            span = self._extend_name(named)
            name = self._name_text(span)
            if not name:
                continue
            si = self.ctx.sentence_of[span.root.i]
            out.append(
                _Person(
                    span.start_char, span.end_char, name, span.root, si,
                    span.root.dep_ in _SUBJECT or _subject_after_place(span.root),
                )
            )  # fmt: skip
        out += self._romanised(out)
        out += self._unlabelled(out)
        out.sort(key=lambda p: p.start)
        # not "Hanseong Heavy", short for "Hanseong Heavy Industries"
        return [p for p in out if p.surface not in self._short_bodies]

    @cached_property
    def _short_bodies(self) -> dict[str, str]:
        """The first two words or more of organisations' longer names, each to the first
        such name ("Hanseong Heavy": "Hanseong Heavy Industries"): a body's short name, not a
        person's."""
        short: dict[str, str] = {}
        for e in self.ctx.ents:
            if e.label_ == "ORG":
                name = _describe(e)
                words = name.split()
                for n in range(2, len(words)):
                    short.setdefault(" ".join(words[:n]), name)
        return short

    def _romanised(self, labelled: list[_Person]) -> list[_Person]:
        """Romanised East Asian names NER did not label as a person ("Park Min-seo, a vice
        minister, told …"), unless the family name is a title or a known place or body."""
        found: list[_Person] = []
        for m in _ROMANISED.finditer(self.ctx.text):
            span = self.doc.char_span(m.start(), m.end())
            if span is None or any(p.start < m.end() and m.start() < p.end for p in labelled):
                continue
            if span[0].lower_ in self.titles or any(
                t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in span
            ):
                continue
            si = self.ctx.sentence_of[span.root.i]
            if si < 0:
                continue
            subject = span.root.dep_ in _SUBJECT
            found.append(_Person(m.start(), m.end(), m.group(), span.root, si, subject))
        return found

    def _first_name_only(self, ent: SpacySpan) -> bool:
        """Whether the sentence naming ``ent``, or the next, says that only someone's first
        name is given ("… who asked that only her first name be used")."""
        si = self.ctx.sentence_of[ent.root.i]
        sentences = self.ctx.layout.sentences
        end = sentences[si + 1].end_char if si + 1 < len(sentences) else len(self.ctx.text)
        return (
            ent.root.pos_ == "PROPN"
            and ent.root.dep_ in ("nsubj", "nsubjpass")
            and _FIRST_NAME_ONLY.search(self.ctx.text, ent.end_char, end) is not None
        )

    def _misread_name(self, ent: SpacySpan) -> SpacySpan | None:
        """The person's name in an ORG ("Tomasz Nowak" labelled as an organisation, "Police
        spokesperson ASP Brian Okello" taken whole): a common given name and a surname, all
        capitalised proper nouns, after any title, that the actor resolver reads as a
        person; else None."""
        doc = ent.doc
        if len(ent) == 1 and ent.label_ in ("ORG", "GPE") and self._first_name_only(ent):
            # "Mahsa stayed at home. The 17-year-old, who asked that only her first name be
            # used, …": a person's given name
            return ent
        if ent.label_ == "GPE":
            surname = _unlabelled_after(ent)
            if len(ent) == 1 and ent.text in given_names() and surname is not None:
                # "Rania" + "El Shafei": a given name NER took for a place, then the surname
                # it left unlabelled
                return doc[ent.start : surname.end]
            # "Sajith" + "Premadasa", "Mohammad" + "Zubair": a surname NER took for a place
            # no gazetteer knows, after a given name
            given = ent.start > 0 and doc[ent.start - 1].text in given_names()
            named = doc[ent.start - 1 : ent.end] if ent.start > 0 else ent
            if (
                len(ent) == 1
                and not given
                and named[0].pos_ == "PROPN"
                and named[0].is_title
                and named[0].ent_type_ == ""
                and named[0].dep_ == "compound"
                and self._introduced_as_speaker(ent.root, named)
            ):
                # "“…,” Suat Erbil, chairman of the union, told": a surname that is also a
                # city's, after a given name
                return named
            if len(ent) != 1 or (not given and self.actors.gaz.find_place(ent.text) is not None):
                return None
        elif ent.label_ not in ("ORG", "NORP", "FAC", "WORK_OF_ART") or (
            ent.label_ == "NORP" and len(ent) < 2
        ):
            return None  # "Tigran Melkonyan" is a NORP to NER, "Armenian" is one
        words_at = [
            t.i for t in ent if t.lower_ in self.titles or t.lower_ in self.ctx.lex.role_heads
        ]
        name = doc[words_at[-1] + 1 if words_at else ent.start : ent.end]
        start = name.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            start -= 1
        if start < name.start and start > 0 and doc[start - 1].lower_ in self.titles:
            # "ASP Brian Okello" + "Rwakatare": the given names before the surname NER took
            # for an organisation, after a title
            name = doc[start : ent.end]
        elif len(name) == 1 and name.start - start == 1 and doc[start].ent_type_ == "":
            # "Sajith Premadasa, who …": an unlabelled given name opening the sentence
            opens = doc[start].is_sent_start or doc[start - 1].is_punct
            name = doc[start : ent.end] if opens else name
        if len(name) > 3 and name[0].lower_ in ("of", "for") and name.start > ent.start:
            name = doc[name.start + 1 : name.end]  # "Minister" + "for Public Administration X"
        while len(name) > 2 and self.actors.is_title_field(name[0]):
            name = doc[name.start + 1 : name.end]
        # "Minister of" + "Economy Arta Rexhepi": the title's field, then the name
        fielded = self._after_title_field(name.start) and not any(
            self.actors.is_field_word(t) for t in name
        )
        words = name.text.split()
        if len(words) > 3 and ent.start > 0 and doc[ent.start - 1].lower_ in ("of", "for"):
            # "Minister of" + "International Relations Ronald X": the field, then the name
            # from its given name on
            given = [t.i for t in name if t.text in given_names() and 2 <= ent.end - t.i <= 3]
            if given:
                name = doc[given[0] : ent.end]
                words = name.text.split()
        if not (
            2 <= len(words) <= 3
            and all((t.pos_ == "PROPN" and t.is_title) or t.text == "-" for t in name)
            and not _INSTITUTION_HEADS & {w.lower() for w in words}
        ):
            return None
        if all(self.actors.is_field_word(t) for t in name):
            return None  # "TCN's General Manager, Public Affairs, Chinwe X": the title's field
        known = self._lookup(name.text)
        personal = known is None or known.kind == ActorKind.PERSON
        # a building's name is a person's only in apposition to a role (below)
        if personal and self._lookup(words[0]) is None and ent.label_ != "FAC":
            # "Marine Le Pen, who leads …, said": a name with a "who" is a person's; so is a
            # speaker's that opens with a common given name, or one after a title's field
            root = ent.root
            if (
                fielded
                # (or its apposition's: "Pieter-Jan Kuipers, the veteran Christian Democrat
                # who led …")
                or any(
                    c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose")
                    for h in (root, *(a for a in root.rights if a.dep_ == "appos"))
                    for c in h.rights
                )
                or (_given(words[0]) and root.dep_ in ("nsubj", "nsubjpass"))
                # "The EFF's Mpho Sebola accused …": a body's member, speaking
                or (_after_body_possessive(name) and root.dep_ in ("nsubj", "nsubjpass"))
                or self._introduced_as_speaker(root, name)
            ):
                return name
        if _given(words[0]):
            return name if known is not None and known.kind == ActorKind.PERSON else None
        # "a spokesman for the group, Al-Fatih Qurashi, said": a name in apposition to a
        # role (or to the body the role is of) is a person's, unless the gazetteer knows it
        # as something else
        return name if personal and self._apposed_to_role(ent) else None

    def _introduced_as_speaker(self, root: Token, name: SpacySpan) -> bool:
        """Whether a name comes with a role in apposition ("Mohammad Zubair, a Rohingya
        community leader, told …") or stands between a quotation and its cue ("“We have done
        everything,” Hawre Jalal Mustafa told reporters")."""
        return any(
            c.dep_ == "appos" and c.lemma_.lower() in self.ctx.lex.role_heads for c in root.rights
        ) or self._speaks_after_quote(name)

    def _speaks_after_quote(self, name: SpacySpan) -> bool:
        """Whether a name stands between a quotation and its cue ("…,” X told reporters")."""
        doc = name.doc
        cue = doc[name.end] if name.end < len(doc) else None
        return (
            cue is not None
            and name.start >= 2
            and name[-1].dep_ == "nsubj"
            and name[-1].head.i == cue.i
            and cue.lemma_.lower() in self.ctx.lex.verbs
            and doc[name.start - 1].is_quote
            and doc[name.start - 2].text == ","
        )

    def _after_title_field(self, i: int) -> bool:
        """Whether token ``i`` comes right after a title and its field ("Minister of
        Economy" + …, "Minister for Public Administration" + …)."""
        doc = self.doc
        j = i - 1
        while j > 0 and (
            self.actors.is_field_word(doc[j]) or doc[j].lower_ in ("of", "for", "and")
        ):
            j -= 1
        return j < i - 2 and doc[j].lower_ in self.titles

    def _unlabelled(self, labelled: list[_Person]) -> list[_Person]:
        """Mentions of the article's people that NER did not label: a run of capitalised
        proper nouns ending in a labelled person's surname ("Salote Naivalu" where only
        "Naivalu" was labelled), and that surname alone ("Naivalu, 52, was appointed")."""
        surnames = {p.surface.split()[-1] for p in labelled} | self._speaker_surnames()
        # the first of two surnames ("Castañeda" of "Raúl Castañeda Ríos")
        surnames |= {
            words[-2]
            for p in labelled
            if len(words := p.surface.split()) >= 3
            and all(w[:1].isupper() and "-" not in w for w in words)
        }
        taken = [(p.start, p.end) for p in labelled]
        doc = self.doc
        found: list[_Person] = []
        strings = doc.vocab.strings
        ends = np.flatnonzero(np.isin(doc.to_array(ORTH), [strings.add(n) for n in surnames]))
        for e in ends.tolist():
            if e + 1 < len(doc) and doc[e + 1].pos_ == "PROPN":
                continue  # the name goes on: "Naivalu Foundation" is no one
            if e + 1 < len(doc) and doc[e + 1].lower_ in _AREA_NOUNS and doc[e + 1].is_lower:
                continue  # "Zaka district": a place
            start = e
            while start > 0 and (
                (_name_word(doc[start - 1]) and doc[start - 1].lower_ not in self.titles)
                or (
                    doc[start - 1].text in ("-", "’", "'")
                    and start > 1
                    and _name_word(doc[start - 2])
                )
            ):
                start -= 1
            span = doc[start : e + 1]
            name = self._name_text(span)
            if not name or not _name_word(doc[e]):
                continue
            if any(a < span.end_char and span.start_char < b for a, b in taken):
                continue
            head = doc[e]
            si = self.ctx.sentence_of[e]
            if si < 0:
                continue
            subject = head.dep_ in ("nsubj", "nsubjpass")
            found.append(_Person(span.start_char, span.end_char, name, head, si, subject))
        for span in self._apposed_names():
            if any(a < span.end_char and span.start_char < b for a, b in taken):
                continue
            si = self.ctx.sentence_of[span.root.i]
            if si >= 0:
                name = self._name_text(span)
                found.append(_Person(span.start_char, span.end_char, name, span.root, si, False))
        return found

    def _apposed_names(self) -> Iterator[SpacySpan]:
        """Names NER labelled nothing, set off by commas after a role ("The mayor of
        Marvão, Luís Caldeira, said"): two or three capitalised proper nouns, the first a
        common given name; or labelled a place that is none."""
        doc = self.doc
        for t in doc:
            if t.dep_ != "appos" or t.pos_ != "PROPN" or t.ent_type_ not in ("", "GPE"):
                continue
            span = doc[t.left_edge.i : t.i + 1]
            if not (2 <= len(span) <= 3 and all(w.pos_ == "PROPN" and w.is_title for w in span)):
                continue
            if t.ent_type_ == "GPE":
                # "NNPC's Chief Corporate Communications Officer, Olufemi X,": a name NER
                # took for a place no gazetteer knows
                gaz = self.actors.gaz
                named = span[0].ent_iob_ == "B" and all(w.ent_type_ == "GPE" for w in span)
                if not named or any(
                    gaz.find_place(x) for x in (span.text, *(w.text for w in span))
                ):
                    continue
            elif any(w.ent_type_ for w in span) or strip_marks(span[0].text) not in given_names():
                continue
            if self._apposed_to_role(span):
                yield span

    def _apposed_to_role(self, name: SpacySpan) -> bool:
        """Whether a name stands in apposition to a role (or to what the role is of), set
        off by commas ("a spokesman for the group, Al-Fatih X,", "The mayor of Marvão, Luís
        X,", after a country's possessive: "The LDC Group chair, Ethiopia's Dawit X,")."""
        doc = name.doc
        role = name.root.head
        if role.dep_ == "pobj" and role.head.dep_ == "prep":
            role = role.head.head
        opening = name.start - 1
        if opening > 1 and doc[opening].tag_ == "POS" and doc[opening - 1].ent_type_ == "GPE":
            opening = doc[opening - 1].left_edge.i - 1
        return (
            name.root.dep_ == "appos"
            and role.lower_ in self.ctx.lex.role_heads
            and opening >= 0
            and doc[opening].text == ","
            and name.end < len(doc)
            and doc[name.end].text == ","
        )

    def _speaker_surnames(self) -> set[str]:
        """Surnames of the proper-noun speakers ("Salote Naivalu tells …"): whoever speaks
        under a name is a person unless the gazetteer knows the name as an organisation."""
        out = set()
        for c in self.candidates:
            if c.speaker is None or c.speaker.root.pos_ != "PROPN" or not c.speaker.root.is_title:
                continue
            if any(t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") for t in c.speaker):
                continue  # "Oman Meteorology" is no one's name
            head = c.speaker.root
            named = self.ctx.ent_at(head)
            if (
                named is not None
                and named.label_ == "ORG"
                and len(named) > 1
                and not _given(named[0].text)
                and all(t.vocab[t.lower_].has_vector for t in named)
            ):
                continue  # "Passenger watchdog Transport Focus": a body named in words
            toks = [
                t
                for t in c.speaker
                if t.i <= head.i and (t.pos_ in ("PROPN", "NOUN") and t.is_title)
            ]
            name = self._name_text(self.doc[toks[0].i : head.i + 1]) if toks else ""
            words = name.split()
            if len(words) == 1 and self._apposed_to_title(words[0]):
                out.add(words[0])
                continue
            if (
                len(words) < 2
                or _INSTITUTION_HEADS & {w.lower() for w in words}
                or words[-1].lower() in self.titles
            ):
                continue
            if self._lookup(name) is not None:
                continue
            out.add(words[-1])
        return out

    def _apposed_to_title(self, surname: str) -> bool:
        """Whether the article names ``surname`` in full after a title, where NER labelled
        neither: set off by commas ("The Minister of National Defence, Cristóvão X, said")
        or right after the title ("Minister for Public Administration Zoltán X said")."""
        for t in self.doc:
            if t.text != surname or t.ent_type_ != "" or t.i < 2:
                continue
            given = self.doc[t.i - 1]
            if given.ent_type_ != "" or given.pos_ != "PROPN" or not given.is_title:
                continue
            title = t.head
            apposed = (
                t.dep_ == "appos"
                and self.doc[given.i - 1].text == ","
                and (
                    title.lower_ in self.titles
                    or title.lower_ in self.ctx.lex.role_heads
                    or self.actors.is_field_word(title)
                )
            )
            if apposed or self._after_title_field(given.i):
                return True
        return False

    def _portfolio_and(self, k: int) -> bool:
        """Whether the word at ``k`` is an "and" inside a minister's portfolio ("Minister of
        Labour and Vocational Training")."""
        doc = self.doc
        if doc[k].lower_ not in ("and", "&"):
            return False
        j = k - 1
        while j >= 0 and doc[j].is_title:
            j -= 1
        return (
            1 <= j < k - 1 and doc[j].lower_ in ("of", "for") and doc[j - 1].lower_ in self.titles
        )

    def _past_portfolio(self, start: int, end: int) -> int:
        """Where a name begins that NER ran together with the end of a minister's portfolio
        ("Minister of Labour and" + "Vocational Training Sam Rithy", "Minister of" + "Post
        and Telecommunications Chea Vandeth"): past the portfolio's common words, leaving
        two words at least."""
        doc = self.doc
        ands = [k for k in range(max(start - 1, 0), end - 2) if self._portfolio_and(k)]
        if not ands:
            return start
        first = ands[-1] + 1
        while end - first > 2 and doc[first].is_title and _portfolio_word(doc[first]):
            first += 1
        return first

    def _after_portfolio(self, span: SpacySpan) -> SpacySpan | None:
        """The name that ends a phrase headed by a title and what it is of, where NER
        labelled no one ("Minister for Asylum and Migration Marjolein Faber", "Minister for
        Foreign Trade and Development Cooperation Reinette Klever"): the words after the
        portfolio's common ones, two at least, the first a given name or a word the
        vocabulary does not know; after a role and a body, from a given name on ("Chief
        executive of Sunridge Power Khalid Al Mansoori")."""
        doc = self.doc
        title = span.root
        prep = title.i + 1
        # the phrase may stop at the title where NER took the portfolio for a body
        end = title.right_edge.i + 1 if span.end == prep else span.end
        if (
            title.lower_ not in self.titles | self.ctx.lex.role_heads
            or prep >= end - 2
            or doc[prep].lower_ not in ("of", "for")
            or not all(t.is_title or t.lower_ in ("and", "&") for t in doc[prep + 1 : end])
        ):
            return None
        given = next(
            (t.i for t in doc[prep + 2 : end - 1] if strip_marks(t.text) in given_names()), None
        )
        if (
            given is not None
            and end - given <= 4
            and all(t.pos_ == "PROPN" for t in doc[given:end])
        ):
            # "Chief executive of Sunridge Power Khalid Al Mansoori", one body to NER: the
            # name from its given name on
            return doc[given:end]
        if title.lower_ not in self.titles:
            return None

        def common(t: Token) -> bool:
            return t.lower_ in ("and", "&") or _portfolio_word(t)

        first = prep + 1
        while end - first > 2 and common(doc[first]):
            first += 1
        name = doc[first:end]
        if (
            first == prep + 1
            or common(name[0])
            or len(name) > 3
            or any(t.ent_type_ not in ("", "PERSON") or t.pos_ != "PROPN" for t in name)
        ):
            return None
        return name

    def _extend_name(self, span: SpacySpan) -> SpacySpan:
        """NER stops at an apostrophe inside a name ("Mohammed Shia’ al-Sudani")..."""
        doc = self.doc
        if len(span) >= 3 and _trade(span[0]) and strip_marks(span[1].text) in given_names():
            span = span[1:]  # "Shopkeeper Ali Demir" labelled whole
        span = doc[self._past_portfolio(span.start, span.end) : span.end]
        end = span.end
        while end < len(doc):
            t = doc[end]
            inside = (
                t.text in ("’", "'", "-") and end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN"
            )
            if (
                t.text == "-"
                and end + 1 < len(doc)
                and not doc[end - 1].whitespace_
                and not t.whitespace_
                and doc[end + 1].is_alpha
                and doc[end + 1].is_lower
                and end - span.start >= 2
                and _SYLLABLE.fullmatch(doc[end + 1].text) is not None
            ):
                end += 2  # "Song Eon" + "-seog": the second syllable of a given name
                continue
            if not (inside or (t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON"))):
                break
            if t.lower_ in self.titles:
                break  # "Busa" + "CEO Cas X": a title begins another name
            end += 1
        while end > span.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        # ... nor at a given name the tagger took for another word ("Nor Azlina")
        start = span.start
        while start > 0:
            t = doc[start - 1]
            if (
                t.is_sent_start
                or not (t.is_title and t.is_alpha)
                or t.lower_ in self.titles
                or t.ent_type_ not in ("", "PERSON")
                or t.pos_ not in ("CCONJ", "ADP")
            ):
                break
            start -= 1
        # ... nor at the given name before a patronymic ("Daulet" + "Serikovich X")
        if (
            start > 0
            and doc[start].text.endswith(_PATRONYMIC_ENDINGS)
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and doc[start - 1].lower_ not in self.titles
        ):
            start -= 1
        # ... nor at given names NER labelled as something else ("María Fernanda" an ORG,
        # "Luz Marina" a place, before "Cárdenas Ruiz"): capitalised proper nouns right before the name, their
        # run holding a common given name
        first = start
        while (
            first > 0
            and start - first < 3
            and not doc[first].is_sent_start
            and doc[first - 1].pos_ == "PROPN"
            and doc[first - 1].is_title
            and doc[first - 1].is_alpha
            and doc[first - 1].lower_ not in self.titles
        ):
            first -= 1
        if any(strip_marks(t.text) in given_names() for t in doc[first:start]) or (
            start - first == 1
            and (
                doc[first].is_sent_start
                or doc[first - 1].is_punct
                or doc[first - 1].lower_ in self.titles
            )  # not "Minister of" + "Investment"
            and (
                doc[first].ent_type_ == ""
                # ("the lawyer, Dlovan" + "Ismail Barzinji": a given name NER took for a
                # one-word organisation, the name's compound)
                or (doc[first].ent_type_ == "ORG" and doc[first].dep_ == "compound")
            )
            and normalize(doc[first].text) not in self.actors.gaz.names.honorifics  # "Sir"
            and doc[first].lower_ not in _BODY_WORDS
            and doc[first].lower_ not in self.ctx.lex.role_heads
            and not _trade(doc[first])  # "Orchardist" + "Tom X"
            and self._lookup(doc[first].text) is None
            and self.actors.gaz.find_place(doc[first].text) is None
        ):  # "Pushpa" + "Kamal Dahal": an unlabelled proper noun right before the name
            start = first
        elif (
            first < start
            and _rare_given_name(doc[start - 1])
            and doc[start - 2].lower_ not in ("of", "the")  # "the Mazhilis" + "Askar X"
            and not _trade(doc[start - 1])
        ):
            # "Minister of Foreign Affairs" + "Abdiqani" + "Mohamed Warsame": a word no
            # vocabulary knows, right before the name, is a given name
            start -= 1
        return doc[start:end]

    def _name_text(self, span: SpacySpan) -> str:
        toks = [t for t in span if not t.is_space]
        # titles, and the numeral of a numbered title ("Finance Minister II Datuk Seri X")
        while (
            toks
            and (
                toks[0].lower_ in self.titles
                or toks[0].lower_ in _DETERMINERS
                or (len(toks) > 1 and _ROMAN.fullmatch(toks[0].text) is not None)
                # "surnamed Chen", labelled whole
                or (len(toks) > 1 and toks[0].lower_ in ("surnamed", "named", "nicknamed"))
                # what a title is of ("(Deputy Chairman of the Cabinet of) Ministers X Y")
                or (len(toks) > 2 and toks[0].lower_.removesuffix("s") in self.titles)
                # a body's initials after a rank ("Gen. PNP Óscar X")
                or (len(toks) > 2 and toks[0].is_upper and toks[0].is_alpha and len(toks[0]) >= 3)
                # what a title is of ("Perlis Menteri Besar Datuk X", "Jal Shakti Minister X Y")
                or (
                    len(toks) > 3
                    and toks[0].is_title
                    and any(t.lower_ in self.titles for t in toks[1:3])
                    and sum(t.lower_ not in self.titles for t in toks) > 3
                )
            )
        ):
            toks = toks[1:]
        # "(Chiang) Mai Governor Prasert X": what is left of a place before a title
        honorifics = self.actors.gaz.names.honorifics
        last = max(
            (
                k
                for k, t in enumerate(toks[:-2])
                if t.lower_ in self.titles and t.is_title and normalize(t.text) not in honorifics
            ),
            default=None,
        )
        if last is not None and all(t.is_title and t.ent_type_ == "PERSON" for t in toks[:last]):
            toks = toks[last + 1 :]
        if toks and toks[0].lower_ == "of":
            # "(Akim) of Abai region Yerlan Dauletov": what the title is of, ending in a
            # common noun, then the name
            low = max((k for k, t in enumerate(toks) if t.is_lower), default=None)
            if low is not None and len(toks) - low > 2:
                toks = toks[low + 1 :]
        # "(Leader of the Opposition in the) Assembly B. Rao": the body a title names
        while len(toks) > 2 and toks[0].lower_ in _BODY_WORDS:
            toks = toks[1:]
        # "(Minister of Foreign) Affairs Prak Sokhonn", "(Minister) of Mines and Petroleum
        # Kebede X": the field a title is of
        while len(toks) > 2 and (
            self.actors.is_title_field(toks[0])
            or (toks[0].lower_ in ("of", "for", "and") and self.actors.is_field_word(toks[1]))
        ):
            toks = toks[1:]
        if len(toks) > 2 and toks[-1].text in self.actors.gaz.names.post_nominals:
            toks = toks[:-1]  # "Themba Sithole SC"
        if not toks:
            return ""
        text = self.ctx.text[toks[0].idx : toks[-1].idx + len(toks[-1])]
        text = re.sub(r"[’']s$", "", text).strip()
        return clean_display(text) if any(c.isalpha() for c in text) else ""

    def _roles(self, p: _Person) -> None:
        doc = self.doc
        start = self.doc.char_span(p.start, p.end, alignment_mode="expand")
        if start is None:
            return
        # titles before the name: "Iraqi Prime Minister", "Iraq’s then-Prime Minister"
        words: list[Token] = []
        i = start.start - 1
        qualifier: str | None = None
        former = False
        while i >= 0:
            t = doc[i]
            low = t.lower_
            if (
                low in self.titles
                or (t.pos_ == "PROPN" and t.ent_type_ == "" and t.is_title)
                # "Minister of" + "Energy and Natural Resources" (an ORG to NER)
                or (t.is_title and self.actors.is_field_word(t))
            ):
                words.insert(0, t)
            elif low in ("-", "–") or low in _FORMER:
                former = former or low in _FORMER
            elif (
                low == "and"
                and words
                and i > 0
                and self.actors.is_title_field(words[0])
                and self.actors.is_field_word(doc[i - 1])
            ):
                words.insert(0, t)  # "Minister of Energy and Natural Resources X"
            elif (
                low in ("of", "for")
                and words
                and qualifier is None
                and i > 0
                and doc[i - 1].lower_ in self.titles
                and not any(w.lower_ in self.ctx.lex.role_heads for w in words)
            ):
                # "Minister of Territorial Administration X": the title and its field
                qualifier = " ".join(w.text for w in words)
                words = []
            elif t.ent_type_ in ("GPE", "NORP", "ORG"):
                qualifier = t.text
                break
            elif low in ("’s", "'s"):
                pass
            else:
                break
            i -= 1
        while len(words) > 1 and words[-1].lower_ not in self.ctx.lex.role_heads:
            words.pop()  # "spokesperson ASP", "Cabinet Secretary Dr.": the honorific is no role
        cut = next(
            (
                n + 1
                for n, w in enumerate(words[:-1])
                if w.is_lower and w.lower_ in self.ctx.lex.role_heads and words[n + 1].is_title
            ),
            None,
        )
        if cut is not None:
            # "army spokesman" + "Lieutenant Colonel": a role, then a rank
            key = _role_key(" ".join(w.lower_ for w in words[:cut]), self.titles)
            if key and self._role_headed(key):
                p.roles.append((key, _qual(qualifier), former))
            words = words[cut:]
        if words:
            key = _role_key(" ".join(w.lower_ for w in words), self.titles)
            if key and self._role_headed(key):
                p.roles.append((key, _qual(qualifier), former))
        # the name in apposition to a role: "the leader of the opposition, Maria Lopez"
        head = p.root
        role_noun = head.head
        if (
            role_noun.lower_ not in self.ctx.lex.role_heads
            and role_noun.dep_ == "pobj"
            and role_noun.head.head.lower_ in self.ctx.lex.role_heads
        ):
            role_noun = role_noun.head.head  # "the Minister for Housing, X,": hung on "Housing"
        first = head.left_edge.i
        apposed = head.dep_ == "appos" or (
            # "between Colombia's foreign minister, Laura Cifuentes Ortiz, and her …": the
            # parser's conjunct is set off by commas right after the role
            head.dep_ == "conj"
            and first == role_noun.i + 2
            and doc[first - 1].text == ","
            and head.right_edge.i + 1 < len(doc)
            and doc[head.right_edge.i + 1].text == ","
        )
        if apposed and role_noun.lower_ in self.titles:
            mods = [c.lower_ for c in role_noun.lefts if c.dep_ in ("compound", "amod")]
            key = _role_key(" ".join([*mods, role_noun.lower_]), self.titles)
            if key and self._role_headed(key):
                org = next((c for c in role_noun.rights if c.dep_ == "prep"), None)
                owner = child(role_noun, "poss")
                qual = _prep_qualifier(org)
                if qual is None and owner is not None and owner.pos_ != "PRON":
                    qual = owner.text  # "Colombia's foreign minister, X"
                p.roles.append((key, _qual(qual), False))
        p.kinds += [
            (a.lemma_.lower(), frozenset(c.lemma_.lower() for c in a.lefts if c.pos_ == "NOUN"))
            for a in head.children
            if a.dep_ == "appos" and a.tag_ == "NN"
        ]
        # an apposition: "X, the spokesperson of …", "X, head of the committee"
        appos = child(head, "appos")
        if appos is not None:
            desc = doc[appos.left_edge.i : appos.right_edge.i + 1]
            p.description = desc.text
            # "the AK Party's deputy group chairman": every title word before the noun, and
            # the body that owns it
            mods = [
                c.lower_
                for c in doc[appos.left_edge.i : appos.i]
                if c.dep_ in ("compound", "amod", "nmod")
                and c.head.i == appos.i
                or c.lower_ in self.titles
            ]
            key = _role_key(" ".join([*mods, appos.lower_]), self.titles)
            fmr = any(c.lower_ in _FORMER for c in appos.lefts)
            if key and self._role_headed(key):
                org = next((c for c in appos.rights if c.dep_ == "prep"), None)
                owner = child(appos, "poss")
                qual = _prep_qualifier(org)
                if qual is None and owner is not None and owner.pos_ != "PRON":
                    qual = owner.text
                p.roles.append((key, _qual(qual), fmr))
            elif appos.lower_ in self.titles:
                p.roles.append((appos.lower_, None, fmr))

    # -- resolution ---------------------------------------------------------------------

    def resolve(self) -> None:
        plain = [c for c in self.candidates if c.parent is None]
        # the statement a kept candidate continues, even where that one was dropped
        # (merged into another): its speaker is still the continuation's
        kept = set(map(id, plain))
        plain += [
            r
            for r in dict.fromkeys(c.root() for c in self.candidates if c.parent is not None)
            if id(r) not in kept
        ]
        plain.sort(key=lambda c: (c.start, c.end))
        pronoun = [c for c in plain if self._pronoun(c) is not None]
        for c in plain:
            self.at = c.start
            if c in pronoun:
                continue
            joint = self._joint(c.speaker) if c.speaker is not None else None
            if joint:
                # "the four countries", "the rulers of Mali, Niger and Chad": the states
                c.actor, c.co_actors = joint[0], list(joint[1:])
                continue
            c.actor = self._resolve_span(c)
            c.co_actors = [
                a for a in (self._actor_of(s, c) for s in c.co_speakers) if a is not None
            ]
        self._resolve_pronouns(pronoun)
        self._resolve_epithets(plain)
        for c in self.candidates:
            if c.parent is not None:
                root = c.root()
                c.actor = root.actor
                c.co_actors = root.co_actors

    def _resolve_epithets(self, plain: list[Candidate]) -> None:
        """ "“…,” Gebru said. … the veteran diplomat warned", "The 47-year-old civil engineer
        said": a definite description of a person that no one named before answers to is
        another name for the person the text is about, as a pronoun would be; so are the
        pronouns that went back to it."""
        for c in plain:
            ref = c.actor
            if (
                not isinstance(ref, ActorRef)
                or ref.kind != ActorKind.ANONYMOUS
                or c.speaker is None
                or not self._epithet(c.speaker)
                or ref.name != _describe(c.speaker)
                or any(o.start < c.start and o.actor is ref for o in plain)
            ):
                continue
            between = self.doc[c.speaker.end : c.cue.i if c.cue is not None else c.speaker.end]
            if any(t.lower_ == "part" for t in between):
                continue  # "The union leader, for her part, said": someone else
            prev = self._previous_sentence(c.sentence)
            if self._after_unnamed(c) or (
                prev is not None and self._uses_noun(prev, c.speaker.root)
            ):
                continue  # "X met the minister. The minister said": another
            gender = {_GENDERED.get(w.lower()) for w in ref.name.split()} - {None}
            pron = {"m": "he", "f": "she"}.get(next(iter(gender)), "i") if len(gender) == 1 else "i"
            found = self._antecedent(c, pron, set())
            if (
                not isinstance(found, ActorRef)
                or found.kind != ActorKind.PERSON
                or self._holds_other_role(found, c.speaker)
            ):
                continue
            for o in self.candidates:
                if o.start >= c.start and o.actor is ref:
                    o.actor = found

    def _after_unnamed(self, c: Candidate) -> bool:
        """Whether the statement before ``c``, in the sentence before or the one before
        that, is of someone unnamed ("A representative of an aid group said … “…,” the aid
        worker said")."""
        before = [o for o in self.candidates if o.end <= c.start and o.parent is None]
        if not before:
            return False
        last = max(before, key=lambda o: o.end)
        return (
            last.speaker is not None
            and last.speaker[0].lower_ in ("a", "an")
            and c.sentence - last.sentence <= 2
        )

    def _epithet(self, span: SpacySpan) -> bool:
        """Whether ``span`` describes one person the way a report calls back someone it
        named ("the 47-year-old civil engineer", "the Tunisian minister"), not an unnamed
        source ("the source", "the official")."""
        head = span.root
        low = head.lemma_.lower()
        return (
            span[0].lower_ == "the"
            and head.tag_ == "NN"
            and not _owned_by_pronoun(span)
            and low not in _UNNAMED_ONLY
            and not any(t.ent_type_ in ("PERSON", "ORG") for t in span)
            # "the victim's sister", "the son of the late leader": someone else's kin
            and not (low in _KIN and any(_kin_of(c) for c in head.children))
            and (low in self.ctx.lex.person_heads or low in self.ctx.lex.anonymous_heads)
        )

    def _holds_other_role(self, ref: ActorRef, span: SpacySpan) -> bool:
        """Whether the person ``ref`` is known by roles of which the description's is none
        ("the minister" is not Governor X)."""
        role = self._role_of_description(span)
        if role is None:
            return False
        roles = {k for p in self.persons if p.canonical == ref.name for k, _, _ in p.roles}
        head = role[0].split()[-1]
        return bool(roles) and not any(k.split()[-1] == head for k in roles)

    def _pronoun(self, c: Candidate) -> str | None:
        if c.speaker is None:
            return None
        head = c.speaker.root
        if len(c.speaker) != 1:
            # "His message to the rebels was blunt: …": a statement whose only author is
            # a possessive pronoun speaks for that pronoun
            poss = child(head, "poss")
            if (
                head.lemma_.lower() in self.ctx.lex.statement_nouns
                and poss is not None
                and poss.lower_ in _POSSESSIVE_PRONOUNS
                and self._producer(head, possessor=False) is None
            ):
                return _POSSESSIVE_PRONOUNS[poss.lower_]
            return None
        t = c.speaker[0]
        if t.lower_ in _POSSESSIVE_PRONOUNS and t.dep_ == "poss":
            return _POSSESSIVE_PRONOUNS[t.lower_]  # "Her verdict: “…”"
        if t.pos_ == "PRON":
            # "the statement reported him as telling …": the object form names the same
            low = _OBJECT_PRONOUNS.get(t.lower_, t.lower_)
            return low if low in _PRONOUNS else None
        return None

    def _resolve_span(self, c: Candidate) -> ActorRef | None:
        if c.speaker is None:
            return None
        return self._actor_of(c.speaker, c)

    def _actor_of(self, span: SpacySpan, c: Candidate) -> ActorRef | None:
        """The actor a speaker phrase names."""
        doc = self.doc
        head = span.root
        if head.lower_ in _STYLES and len(span) <= 3:
            styled = self._styled(head.lower_, span.start_char)
            if styled is not None:
                return styled
        given = (
            _GIVEN_ONLY.search(
                self.ctx.text, span.start_char, self.ctx.layout.sentences[c.sentence].end_char
            )
            if head.pos_ == "NOUN"
            else None
        )
        if given is not None:
            # "one trader, who gave only his first name, Jean-Paul": that name, and of the
            # one "the resident" stands for, all along
            given_ref = self._ref(given[1], ActorKind.PERSON)
            earlier = self._previous_anonymous(c, head.lemma_.lower()) if _definite(span) else None
            if earlier is not None:
                for other in self.candidates:
                    if other.actor is earlier:
                        other.actor = given_ref
            return given_ref
        named = self._name_after(span)
        if named is not None:
            return self._person_ref(named)  # "said the school's headteacher, Musa Dogo"
        described = self._description(span, c)
        if described is not None:
            return described
        # a person named in the phrase, or in apposition to it ("the Senate's chief
        # negotiator, Sen. Margaret Okafor, called …")
        person = self._person_in(span)
        if (
            person is not None
            and person.root.dep_ == "poss"
            and (person.root.head.i == head.i or head.pos_ == "NOUN")
        ):
            # "Mr Gondal's counsel, Barrister X, argued", "a senior member of Vélez's
            # campaign said": the possessor does not speak
            person = None
        if (
            person is not None
            and head.pos_ == "NOUN"
            and person.root.dep_ == "pobj"
            and person.root.head.lower_ in ("to", "for", "of", "with", "close")
            and person.root.head.head.i == head.i
            # "a spokesman for Prime Minister X" speaks for X
            and not (head.lower_ in _SPOKES and person.root.head.lower_ == "for")
            # "Chief executive of Sunridge Power Khalid X": the body's name, then the person
            and not (
                person.root.head.lower_ == "of"
                and person.root.left_edge.ent_type_ == "ORG"
                and person.start > person.root.left_edge.idx
            )
        ):
            # "an adviser to President X", "a lawyer for X": someone else than X
            person = None
        if person is not None and head.pos_ == "NOUN" and _hails_from(person.root, head):
            person = None  # "A coca farmer from the municipality of Tibu": a place NER took
        # appositions between the speaker and the cue ("the company, Atlantic Docks, said")
        appositions = [
            a
            for a in head.children
            if a.dep_ == "appos"
            and a.lower_ not in self.titles
            and c.cue is not None
            and a.right_edge.i < c.cue.i
        ]
        if person is not None and not person.start <= head.idx < person.end:
            # "Its Sarawak director, Admiral X,": a name modifying the role is not the
            # person the apposition names
            named = [
                p
                for a in appositions
                if (p := self._person_in(doc[a.left_edge.i : a.right_edge.i + 1])) is not None
                and p.root.pos_ == "PROPN"  # not "briefing MPs" NER took for a name
            ]
            person = named[0] if named else person
        for appos in appositions:
            if person is None:
                person = self._person_in(doc[appos.left_edge.i : appos.right_edge.i + 1])
                if person is not None and (
                    person.root.dep_ == "poss"
                    or self.ctx.text[person.end : person.end + 2] in ("'s", "’s")
                ):
                    person = None  # "the party, Oli's main coalition partner,": not Oli
        if person is None and head.pos_ in ("ADJ", "NOUN", "PRON", "NUM") and head.tag_ != "NNS":
            # "where most of the boats land, the leader of the council, Councillor X, said":
            # a misparse hangs the speaker's title on the clause before it
            for appos in head.children:
                if appos.dep_ == "appos" and c.cue is not None and appos.right_edge.i < c.cue.i:
                    person = person or self._person_in(
                        doc[appos.left_edge.i : appos.right_edge.i + 1]
                    )
        if person is None and head.lower_ in self.titles and head.is_title:
            person = self._titled_name(head)
        if person is None and not head.ent_type_:
            person = self._apposed_name(span, c)
        if person is not None:
            return self._person_ref(person)
        low_head = head.lemma_.lower()
        for appos in appositions:
            if head.pos_ == "NOUN" and (
                appos.ent_type_ in ("ORG", "GPE")
                # "Danish shipping group Maersk" (a product's name to NER)
                or appos.pos_ == "PROPN"
                and (
                    low_head in _COMPANY_NOUNS
                    # "The tanker's manager, Athens-based Kestrel Maritime,"
                    or self.actors.ends_as_body(_describe(core_np(appos)))
                )
            ):
                # "The company, Atlantic Docks, said …" (not where it is based: "Athens-based")
                based = [t.i for t in doc[appos.left_edge.i : appos.i] if t.lower_ == "based"]
                start = based[-1] + 1 if based else appos.left_edge.i
                return self._actor_of(doc[start : appos.right_edge.i + 1], c)
        low = head.lemma_.lower()
        # "a statement from the ministry", "the ministry's statement"
        # "a statement from the ministry", "the ministry's statement", "the report, published
        # by Human Rights Watch, said"; "results released by the clerk's office", "data from
        # X": the producer speaks; "a copy seen by AFP", "information obtained by X": the
        # author is not named
        statement = low in self.ctx.lex.statement_nouns
        if head.pos_ == "NOUN" and (
            statement or low in _DOCUMENT_NOUNS or head.lower_ in _DOCUMENT_NOUNS
        ):
            producer = self._producer(head, possessor=statement)
            joint = self._joint_bodies(producer) if producer is not None else None
            if joint is not None:
                return joint[0]  # "a joint statement from the two companies"
            if producer is not None and len(producer) == 1 and producer.root.tag_ == "NN":
                # "council documents": the council the article named
                council = self._previous_org(producer)
                if council is not None:
                    return council
            if producer is not None:
                return self._actor_of(producer, c)
            earlier = self._earlier_producer(head, c) if _definite(span) else None
            if earlier is not None:
                return earlier
            return self._previous_institution(c) if statement else None
        if head.pos_ == "NOUN" and (low in _BODY_HEADS or low in _BODY_NOUNS):
            named_body = self._lede_body_named(span, c)
            if named_body is not None:
                return named_body
        # a role: "Iraq's prime minister", "PM", "the spokesperson"
        role = self._role_of_description(span)
        owned = _owned_by_pronoun(span)
        if role is not None:
            # "a spokesperson for Water UK": someone new, not a spokesperson named elsewhere
            indefinite = _indefinite(span)
            domain = _field_of(span)  # "the head of the waterway"
            found = (
                self._person_with_role(*role, at=span.start_char, ahead=not owned, domain=domain)
                if not indefinite
                else None
            )
            if found is not None and found.start > span.start_char and _definite(span):
                # "his official spokesman told … The spokesman added": the unnamed one
                # before, not the one of another body named further on
                earlier = self._previous_anonymous(c, head.lemma_.lower())
                if earlier is not None:
                    return earlier
            if found is not None:
                return self._person_ref(found)
            if indefinite and not owned:
                # "An Israeli Cabinet minister warned … / Defense Minister X said": the
                # lede's description, named with that title in the next sentence
                named = self._named_next(c, titled=role[0].split()[-1]) or self._lede_named(c)
                if named is not None:
                    return named
            earlier = (
                self._previous_anonymous(c, head.lemma_.lower(), in_body=True)
                if _definite(span)
                else None
            )
            if earlier is not None:
                return earlier  # "A senior executive … told X. … the executive said"
            # "The Home Secretary has promised … / Priya X told MPs": the title first
            if _definite(span) and not owned:
                revealed = self._titled_elsewhere(c, role, domain)
            else:
                # "…, its mayor said on Monday. / “…,” Khalil X told reporters": the lede's
                # speaker, named next
                revealed = (
                    self._named_next(c) or self._named_next(c, titled=role[0].split()[-1])
                    if owned and self._in_lede(c)
                    else None
                )
                if revealed is not None:
                    self._holds(revealed, role)
            if revealed is not None:
                return revealed
            if not owned:
                called = self._called_back(span)  # "the union leader": "… of the … Union"
                if called is not None:
                    return self._person_ref(called)
                varied = self._just_named(span, c)
                if varied is not None:
                    return varied
            if head.lemma_.lower() not in self.ctx.lex.anonymous_heads:
                # "the senator", named nowhere in the article: an unnamed person
                return self._ref(_describe(span), ActorKind.ANONYMOUS)
        called = self._called_back(span) if role is None or owned else None  # (else above)
        if called is not None:
            return self._person_ref(called)
        # "the source": the source introduced earlier (not "the Island Transport Authority")
        if (
            head.lemma_.lower() in self.ctx.lex.anonymous_heads
            or head.lower_ in self.ctx.lex.anonymous_heads
        ) and not _named_body(span):
            if _definite(span) and head.tag_ in ("NN", "NNP"):
                # "the authority": the body named so before ("the Zakat, Tax and Customs
                # Authority"), else the unnamed one
                prev = (self._named_body_before(span) if head.tag_ == "NN" else None) or (
                    # a name NER labelled no body ("Suez Canal Authority chairman X")
                    self._previous_org(span)
                    if head.tag_ == "NN" and head.lower_ in _BODY_NOUNS
                    else None
                )
                prev = prev or self._previous_anonymous(c, head.lemma_.lower())
                if prev is not None:
                    return prev
            if head.tag_ in ("NN", "NNP") or not any(
                t.ent_type_ in ("ORG",) and t.head.i == head.i and t.dep_ == "compound"
                for t in span
            ):
                if (
                    head.tag_ == "NN"
                    and not _definite(span)
                    and head.lemma_.lower() not in ("source", "person", "resident", "witness")
                    and not _UNNAMED.search(self.ctx.layout.sentences[c.sentence].text)
                ):
                    named = self._lede_named(c)
                    if named is not None:
                        return named
                # "a senior Hamas official": one unnamed person ("Hamas officials" may be
                # the group speaking)
                return self._ref(_describe(span), ActorKind.ANONYMOUS)
        if head.pos_ == "NOUN" and any(t.dep_ == "conj" and t.pos_ == "NOUN" for t in span):
            return self._group(span)  # "militias and politicians"
        if head.lower_ in _PARTY_MEMBERS:
            # "Interior Minister X … the Christian Democrat told": a member of a party, the
            # one just named
            member = self._just_named(span, c)
            if member is not None:
                return member
        return self._organisation(span) or self._local_government(span) or self._group(span)

    def _local_government(self, span: SpacySpan) -> ActorRef | None:
        """ "The city says it has added 380 shelter beds": the city's government, of the
        latest city the article named before ("The province has said": of the province)."""
        kind = _LOCAL_GOVERNMENTS.get(span.root.lemma_.lower())
        if kind is None or len(span) != 2 or span[0].lower_ != "the":
            return None
        places = default_place_resolver()
        for ent in reversed(self.ctx.ents_in(0, span.start_char, ("GPE",))):
            found = places.resolve(_describe(ent))
            if found is not None and found.kind is kind:
                return self._ref(found.name, ActorKind.GOVERNMENT)
        return None

    def _titled_name(self, head: Token) -> _Person | None:
        """ "Leader of the Opposition in the Assembly M. Venkatesh of the X party said": a
        capitalised title whose prepositional phrase ends in the name of a person the
        article names elsewhere (the parser hangs the name on the phrase)."""
        tok = head
        for _ in range(4):
            prep = next(
                (p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "for")),
                None,
            )
            pobj = child(prep, "pobj") if prep is not None else None
            if pobj is None:
                return None
            if pobj.pos_ == "PROPN" and pobj.ent_type_ in ("", "PERSON") and pobj.is_title:
                for q in self.persons:
                    if q.start >= head.idx and q.end == pobj.idx + len(pobj):
                        return q
                for q in self.persons:
                    if q.start > pobj.idx and same_person(
                        pobj.text, q.canonical, same_article=True
                    ):
                        return q
            tok = pobj
        return None

    def _lede_named(self, c: Candidate) -> ActorRef | None:
        """ "A senior lawmaker from the ruling bloc said on Monday … / Aref X, a member of
        the committee, told Shafaq News …": the lede's unnamed speaker, named as the next
        sentence's speaker, however described there."""
        return self._named_next(c, lede=True) if self._in_lede(c) else None

    def _lede_body_named(self, span: SpacySpan, c: Candidate) -> ActorRef | None:
        """ "South Sudan's main opposition party on Wednesday rejected … / The Sudan People's
        Liberation Movement-in-Opposition (SPLM-IO) said": the lede's body, described, is
        the one of its kind the next sentence names as a speaker."""
        if self.ctx.layout.sentence_block[c.sentence] != self._lede_block or any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in span
        ):
            return None
        party = span.root.lemma_.lower() in _PARTY_NOUNS
        si = self._following_sentence(c.sentence)
        for d in self.candidates if si is not None else ():
            if d.sentence != si or d.speaker is None or d.speaker.root.pos_ != "PROPN":
                continue
            if d.speaker.root.ent_type_ not in ("", "ORG") or self._person_in(d.speaker):
                continue
            ref = self._organisation(d.speaker)
            if ref is None:
                continue
            if (ref.kind == ActorKind.PARTY) != party or not _noun_fits(span.root, ref, d.speaker):
                continue
            if ref.kind in _NAMED_BODY_KINDS or (
                # "the country's electoral commission": a public body, by the noun's name
                ref.kind == ActorKind.GOVERNMENT and span.root.lemma_.lower() not in _GENERIC_BODIES
            ):
                return ref
        return None

    def _in_lede(self, c: Candidate) -> bool:
        """Whether ``c`` is the lede's own report (not "Iran warned …, after a senior U.S.
        official said")."""
        return (
            c.cue is not None
            and (c.cue.dep_ == "ROOT" or _trailing_cue(c.cue))
            and self.ctx.layout.sentence_block[c.sentence] == self._lede_block
        )

    @cached_property
    def _lede_block(self) -> int | None:
        """The article's first body paragraph."""
        blocks = self.ctx.layout.blocks
        return next(
            (
                b
                for b, block in enumerate(blocks)
                if block.role == BlockRole.BODY and block.extractable
            ),
            None,
        )

    def _named_next(
        self, c: Candidate, titled: str | None = None, lede: bool = False
    ) -> ActorRef | None:
        """ "Iran's foreign ministry spokesman said … / Speaking in Tehran, Nasser X said …":
        the person the next sentence names as a speaker by name alone, named nowhere
        before, is the one the description stood for. With ``titled``, a role noun, the
        name must carry a title of that noun ("An Israeli Cabinet minister warned … /
        Defense Minister Israel Katz said")."""
        assert c.speaker is not None
        for d, person in self._speakers_named(self._following_sentence(c.sentence)):
            assert d.speaker is not None
            if lede:
                titled = None
            elif any(a.dep_ == "appos" for a in d.speaker.root.children):
                continue
            has_title = titled is not None and any(
                k.split()[-1] == titled for k, _, _ in person.roles
            )
            if titled is not None and not has_title:
                continue  # "A spokesperson said … / Rashid said": someone else
            if self._name_text(d.speaker) != person.surface and not has_title and not lede:
                continue  # "the analyst John Smith": described otherwise
            if any(
                q.canonical == person.canonical
                and q.start < c.speaker.start_char
                and self._in_body(q.start)  # a headline naming them first still reveals
                for q in self.persons
            ):
                continue
            return self._person_ref(person)
        return None

    def _revealed(self, c: Candidate, role: tuple[str, str | None, bool] | None) -> ActorRef | None:
        """:meth:`_named_next`, who holds ``role`` from then on ("the spokesman" further on
        is them too)."""
        revealed = self._named_next(c)
        if revealed is not None and role is not None:
            self._holds(revealed, role)
        return revealed

    def _titled_elsewhere(
        self, c: Candidate, role: tuple[str, str | None, bool], domain: str | None
    ) -> ActorRef | None:
        """ "The Home Secretary has promised … / Priya X told MPs": the person the title
        stands for, named with it elsewhere, whose role is not of another field than the
        description's ``domain``."""
        for find in (self._revealed, self._lede_titled, self._lede_head, self._titled_later):
            # each tried only if those before found no one: they record the roles they find
            ref = find(c, role)
            if ref is not None and not self._of_other_field(ref, domain):
                return ref
        return None

    def _lede_head(self, c: Candidate, role: tuple[str, str | None, bool]) -> ActorRef | None:
        """ "…, the head of the waterway said on Monday. / Suez Canal Authority chairman
        Tarek X told …": the lede's head of a body, named next whatever his title."""
        return self._lede_named(c) if role[0] in _HEADS else None

    def _lede_titled(self, c: Candidate, role: tuple[str, str | None, bool]) -> ActorRef | None:
        """ "…, the country's trade minister said Thursday. / Élise X, the minister of
        international trade, told reporters …": the lede's title, named as the next
        sentence's speaker with a title of the same noun."""
        named = self._lede_named(c)
        if named is None:
            return None
        person = next(p for p in self.persons if p.canonical == named.name)
        if not _titled(person, role):
            return None
        self._holds(named, role)
        return named

    def _titled_later(self, c: Candidate, role: tuple[str, str | None, bool]) -> ActorRef | None:
        """ "The state's governor urged … / … the governor said … / Governor Hector X later
        told": a speaker named first, within the next three sentences, with a title of the
        description's noun, is the one it stood for."""
        assert c.speaker is not None
        si: int | None = c.sentence
        for _ in range(3):
            si = self._following_sentence(si) if si is not None else None
            for _d, person in self._speakers_named(si):
                if any(
                    q.canonical == person.canonical and q.start < c.speaker.start_char
                    for q in self.persons
                ):
                    continue
                if _titled(person, role):
                    ref = self._person_ref(person)
                    self._holds(ref, role)
                    return ref
        return None

    def _speakers_named(self, si: int | None) -> Iterator[tuple[Candidate, _Person]]:
        """The statements of sentence ``si`` whose speaker phrase names a person, with that
        person ("Sofia X said", "the minister, Sofia X, said")."""
        for d in self.candidates if si is not None else ():
            if d.sentence != si or d.speaker is None or d.rule not in ("verb", "according"):
                continue
            person = self._person_in(d.speaker) or self._name_after(d.speaker)
            if person is not None:
                yield d, person

    def _holds(self, ref: ActorRef, role: tuple[str, str | None, bool]) -> None:
        """The person ``ref`` holds ``role`` from here on."""
        for p in self.persons:
            if p.canonical == ref.name:
                p.roles.append(role)

    def _in_body(self, at: int) -> bool:
        block = self.ctx.layout.block_at(at)
        return block >= 0 and self.ctx.layout.blocks[block].role == BlockRole.BODY

    def _following_sentence(self, si: int) -> int | None:
        blocks = self.ctx.layout.sentence_block
        j = si + 1
        while j < len(blocks):
            b = blocks[j]
            if b >= 0 and self.ctx.layout.blocks[b].extractable and b not in self.embed_blocks:
                return j
            j += 1
        return None

    def _styled(self, style: str, at: int) -> ActorRef | None:
        """ "His Highness said": the latest person before ``at`` the article introduced
        with that style ("His Highness Sheikh X")."""
        text = self.ctx.text
        for p in reversed([p for p in self.persons if p.end <= at]):
            if style in text[max(0, p.start - 40) : p.start].lower():
                return self._person_ref(p)
        return None

    def _name_after(self, span: SpacySpan) -> _Person | None:
        """ "the headteacher, Musa Abdullahi Dogo,": the person named in apposition right
        after a description."""
        head = span.root
        last = span[-1]
        if last.i != head.i and last.pos_ == "NOUN" and last.lower_ in self.ctx.lex.role_heads:
            # "The Committee to Protect Journalists' Mexico representative, Laura X, said",
            # "Protect" taken for the phrase's verb
            head = last
        # (a capitalised role is tagged a proper noun: "the Kaduna State Commissioner")
        role = head.pos_ == "PROPN" and head.lower_ in self.ctx.lex.role_heads
        if (head.pos_ != "NOUN" and not role) or head.ent_type_:
            return None
        if any(span.start_char <= p.start < span.end_char for p in self.persons):
            return None  # ("Minister X, briefing MPs on the committee, said": X)
        for a in head.rights:
            # (or a name the parser took for a conjunct with no "and": "the Commissioner for
            # Internal Security, Mr Yakubu X, described")
            conj = (
                a.dep_ == "conj"
                and self.doc[a.left_edge.i - 1].text == ","
                and not any(t.dep_ == "cc" and t.i < a.i for t in head.rights)
            )
            if (a.dep_ == "appos" or conj) and a.i >= span.end and not self.ctx.inside_quote(a):
                return next((p for p in self.persons if p.start <= a.idx < p.end), None)
        return None

    def _apposed_name(self, span: SpacySpan, c: Candidate) -> _Person | None:
        """ "the Special Adviser to the President on Revenue, Mr. X, dismissed …", "The Flag
        Officer Commanding, Central Naval Command, Rear Admiral X, told", "A trader at
        Madina, Madam X, a mother of three, said": a name set off by commas between a
        description and its verb names the one described, whatever phrase the parser hung
        it on."""
        doc = self.doc
        if c.cue is None:
            return None
        head = span.root
        verb = head.head if head.dep_ in _SUBJECT and head.head.i > head.i else c.cue
        closing = verb.i - 1
        while closing > head.i and doc[closing].pos_ in ("AUX", "ADV", "PART"):
            closing -= 1  # "…, Sen. X, has also called"
        if closing < head.i + 2 or doc[closing].text != ",":
            return None
        commas = [i for i in range(head.i + 1, closing + 1) if doc[i].text in ",;()"]
        for opening, shut in pairwise(commas):
            if doc[opening].text != "," or doc[shut].text != ",":
                return None
            if any(
                t.pos_ in ("VERB", "AUX") and not (t.dep_ == "acl" and t.tag_ in ("VBG", "VBN"))
                for t in doc[head.i + 1 : opening]
            ):
                return None  # another clause between the title and the name ("representing
                # Benue South" is no clause)
            inner = doc[opening + 1 : shut]
            person = self._person_in(inner) if 0 < len(inner) <= 6 else None
            if person is None or person.end != inner.end_char:
                continue
            before = doc.char_span(inner.start_char, person.start, alignment_mode="contract")
            if before is None or all(t.lower_ in self.titles for t in before):
                return person
        return None

    def _presented_as(self, start: int, end: int, c: Candidate) -> ActorRef | None:
        """ "a man presented as a local commander of the group", "a man who identified
        himself as an ADF commander": the armed group or body he was presented as a member
        of, which speaks through him (between tokens ``start`` and ``end``)."""
        doc = self.doc
        for t in doc[start:end]:
            if t.lemma_.lower() not in _PRESENTED:
                continue
            role = next(
                (
                    r
                    for r in doc[t.i + 1 : end]
                    if r.lemma_.lower() in _MEMBERS and r.pos_ == "NOUN"
                ),
                None,
            )
            if role is None:
                return None
            of = child(role, "prep", text="of")
            body = child(of, "pobj") if of is not None else None
            named = [x for x in role.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"]
            if body is not None:
                return self._actor_of(core_np(body), c)
            if named:
                return self._known(_describe(doc[named[0].i : named[-1].i + 1]), "ORG")
            return None
        return None

    def _description(self, span: SpacySpan, c: Candidate) -> ActorRef | None:
        """Descriptions that name no one by their words alone: "Ferreira's office" (an
        institution, not Ferreira), "a spokesperson for the ministry" (the ministry), "the
        27-year-old" (the person the article gave that age), "one of the officials" (an
        unnamed member of that group)."""
        doc = self.doc
        head = span.root
        low = head.lemma_.lower()
        poss = child(head, "poss")
        if c.cue is not None and any(
            t.lemma_.lower() in ("man", "woman", "person") for t in span[:3]
        ):
            member = self._presented_as(span.start, c.cue.i, c)
            if member is not None:
                return member
        last = span[-1]
        start = proper_run_start(last, floor=span.start)
        if (
            last.pos_ == "PROPN"
            and start > span.start
            and _called_a_body_at(doc[start])
            # not "combine operator Dovletmyrat X", a person NER saw
            and not any(q.start == doc[start].idx and " " in q.surface for q in self.persons)
        ):
            # "Ukraine's state nuclear operator Energoatom", "the opposition party Naleraq":
            # the name after the noun, of the kind the noun says
            return self._kind_named(
                _describe(doc[start : span.end]), {doc[start - 1].lemma_.lower()}
            )
        if head.pos_ == "NOUN" and low in _INSTITUTION_HEADS and poss is not None:
            owner = doc[poss.left_edge.i : poss.i + 1]
            person = self._person_in(owner) if poss.pos_ != "PRON" else None
            if person is not None:
                kind = ActorKind.GOVERNMENT if low in _GOVERNMENT_HEADS else ActorKind.ORGANIZATION
                # "Housing Minister Paul X's office" is "Paul X's office", whatever the title
                own = doc[poss.i + 1 : head.i + 1].text
                return self._ref(f"{person.canonical or person.surface}{own}", kind)
        if (
            _press_unit(head)
            and poss is not None
            and (poss.ent_type_ in ("ORG", "GPE") or poss.lemma_.lower() in _INSTITUTION_HEADS)
            and self._person_in(doc[poss.left_edge.i : poss.i + 1]) is None
        ):
            # "the ministry's press service", "the army's media office": the body speaking
            return self._actor_of(doc[poss.left_edge.i : poss.i + 1], c)
        # a capitalised plural opening a sentence is tagged a proper noun ("Officials at")
        staff = low if head.tag_ != "NNPS" else head.lower_.removesuffix("s")
        if (
            staff in _STAFF
            and (head.tag_ in ("NNS", "NNPS") or low == "management")
            and not self._person_in(span)
        ):
            # "Economists at Capital Economics", "Observers from the Libyan Network for
            # Election Monitoring", "the management of the Delta Company": the body named
            # (one "senior official at" a body is an anonymous source)
            for prep in head.rights:
                org = child(prep, "pobj") if prep.lower_ in ("at", "from", "of") else None
                if org is not None and (
                    org.ent_type_ == "ORG"
                    # "Specialists of the ministry": the ministry the article named
                    or (_definite(core_np(org)) and org.lemma_.lower() in _INSTITUTION_HEADS)
                ):
                    return self._actor_of(core_np(org), c)
            owner = next((t for t in head.lefts if t.dep_ == "compound"), None)
            if owner is not None and owner.lemma_.lower() in ("ministry", "agency", "company"):
                # "Ministry officials said": the ministry the article named
                staffed = self._previous_org(self.doc[owner.i : owner.i + 1])
                if staffed is not None:
                    return staffed
        if (low in _SPOKES or head.lower_ in _SPOKES) and not self._person_in(span):
            if any(
                a.dep_ == "appos" and not _body_described(a, self.ctx.lex) for a in head.children
            ):
                return None  # "the spokesperson, Ana Ruiz,": a person
            role = self._role_of_description(span) if _definite(span) else None
            holder = (
                self._person_with_role(*role, at=span.start_char, ahead=False) if role else None
            )
            if holder is not None and holder.start < span.start_char:
                return self._person_ref(holder)  # "the police spokesperson", named before
            revealed = (
                self._revealed(c, role)
                if _definite(span)
                # "…, a military spokesman said. / Command spokesman Lt. Col. X said"
                else self._named_next(c, titled=head.lower_)
            )
            if revealed is not None:
                return revealed
            named = [t for t in head.lefts if t.dep_ == "compound"]
            if poss is not None and poss.pos_ != "PRON" and named and self._institution(named[-1]):
                # "Iran's Foreign Ministry spokesman": the ministry, not the state
                return self._known(_describe(doc[poss.left_edge.i : named[-1].i + 1]), "ORG")
            org = poss if poss is not None and poss.pos_ != "PRON" else None
            for prep in head.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
                    org = child(prep, "pobj") or org
            if org is not None and self._institution(org):
                return self._actor_of(core_np(org), c)
            # "a Home Office spokesperson", "an EU spokesman", "a DB spokeswoman", "a German
            # finance ministry spokesperson": the body named before the noun
            named = [t for t in head.lefts if t.dep_ == "compound"]
            if named:
                first = next(t for t in head.lefts if t.dep_ not in ("det", "punct"))
                body = doc[first.left_edge.i : named[-1].i + 1]
                proper = any(
                    t.pos_ == "PROPN" and (t.ent_type_ != "PERSON" or not self._someone_called(t))
                    for t in named
                )
                # "a police spokesman" may be named next; a country's body is a body
                national = any(
                    t.pos_ == "NOUN" and t.lemma_.lower() in _INSTITUTION_HEADS for t in named
                ) and any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in body)
                if (proper or national) and named[-1].pos_ == "PROPN":
                    return self._organisation(body)
                if proper or national:
                    return self._known(_describe(body), "ORG")  # "German finance ministry"
                if first.i == named[-1].i and named[-1].lemma_.lower() in _SPOKEN_FOR:
                    # "a company spokeswoman", "a ministry spokesman": the company or ministry
                    # the article named before
                    noun = doc[first.i : first.i + 1]
                    before = self._previous_org(noun) or self._named_body_before(
                        noun, definite=True
                    )
                    if before is not None:
                        return before
            if _definite(span) and not named and org is None:
                # "A Home Office spokesperson said … “…,” the spokesperson said": whom the
                # spokesperson named just before spoke for
                spoken_for = self._spokesperson_before(c)
                if spoken_for is not None:
                    return spoken_for
            if not named and org is None and c.fragments and c.fragments[0][1] <= span.start_char:
                # "The European Commission was “following the situation closely”, a
                # spokesperson said": the body the words are about, before the speaker
                about = self._subject_body_before(c.sentence, span.start_char, plural=False)
                if about is not None:
                    return about
            if not named and org is None:
                # "The Oregon Department of Education said …, and a spokesperson said": the
                # body that spoke earlier in the sentence
                same = next(
                    (
                        o.actor
                        for o in reversed(self.candidates)
                        if o.sentence == c.sentence and o.start < c.start and o is not c
                    ),
                    None,
                )
                if isinstance(same, ActorRef) and same.kind in (
                    *_NAMED_BODY_KINDS,
                    ActorKind.GOVERNMENT,
                ):
                    return same
            prev = self._previous_sentence(c.sentence)
            if not named and org is None and prev is not None:
                # "The State Department urged restraint. “…,” a spokesperson said": the
                # spokesperson of the body the sentence before is about
                sent = self.ctx.layout.sentences[prev]
                spoke = self._subject_body_before(prev, sent.end_char, plural=False)
                if spoke is not None:
                    return spoke
        for acl in head.rights:
            if acl.dep_ == "acl" and acl.lemma_.lower() in _MEMBERSHIP_VERBS:
                # "a bench comprising Justice X", "a panel headed by X": X speaks for it
                members = {
                    p.canonical
                    for p in self.persons
                    if acl.idx <= p.start and p.end <= acl.right_edge.idx + len(acl.right_edge)
                }
                if len(members) == 1:
                    person = self._person_in(doc[acl.i : acl.right_edge.i + 1])
                    if person is not None:
                        return self._person_ref(person)
        bare = [t for t in span if t.lower_ not in _DETERMINERS and t.lower_ not in _FORMER]
        if (
            len(bare) == 1
            and head.is_upper
            and 2 <= len(head.text) <= 5
            and head.is_alpha
            # "The PP" after "the opposition Popular Party (PP)": the body's
            and self._spelled_out(head.text) is None
        ):
            # "The DAG": the initials of a role the article gives one person
            initials = head.lower_
            having = [
                p
                for p in self.persons
                if p.start < span.start_char
                # "the CS" of "Treasury Cabinet Secretary": the initials of its last words
                and any(
                    "".join(w[0] for w in f"{q or ''} {k}".split()).endswith(initials)
                    for k, q, _ in p.roles
                )
            ]
            if len({p.canonical for p in having}) == 1:
                return self._person_ref(having[-1])
        if head.lower_ in _AGE_WORDS and any(t.like_num for t in span):
            age = next(t.text for t in span if t.like_num)
            return self._aged(age, span.start_char, c)
        of = child(head, "prep", text="of") if head.lower_ in _PARTITIVES else None
        group = child(of, "pobj") if of is not None else None
        if head.lower_ in _PARTITIVES and not any(
            self._person_in(core_np(a)) is not None
            for a in (*_apposed(head), *(_apposed(group) if group is not None else ()))
        ):  # "One of the organisers, Rachael X, said", "said one of its leaders, X" (or "One
            # of the victims, a 47-year-old farmer, Adamu X, told"): X
            if (of is None and len(span) == 1) or (group is not None and group.lower_ == "them"):
                # "Some MPs expressed unease. One, who …, said", "Diplomats said …, though
                # several warned that …", "One of them said": some of the group the
                # sentence before is about, else of the group that spoke last
                return self._plural_subject_before(c) or self._previous_group(c)
            if group is not None and group.tag_ in ("NNS", "NNPS"):
                kind = (
                    ActorKind.ANONYMOUS
                    if group.lemma_.lower() in self.ctx.lex.anonymous_heads
                    else ActorKind.GROUP
                )
                return self._ref(_describe(core_np(group)), kind)
        return None

    def _spokesperson_before(self, c: Candidate) -> ActorRef | None:
        """The actor of the latest attribution in the few sentences before ``c`` whose
        speaker was a spokesperson."""
        for other in reversed(self.candidates):
            if other.start >= c.start or other.sentence < c.sentence - 4:
                continue
            spoke = other.speaker
            if (
                spoke is not None
                and spoke.root.lower_ in _SPOKES
                and isinstance(other.actor, ActorRef)
                and spoke.start_char < c.start
            ):
                return other.actor
        # "A spokesperson for the Ministry of Foreign Affairs … issued a press statement":
        # the body the spokesperson introduced earlier speaks for, though not as a speaker
        at = self.ctx.token_after(c.start)
        for t in reversed(self.doc[: at.i if at is not None else len(self.doc)]):
            prep = next(
                (p for p in t.rights if p.dep_ == "prep" and p.lower_ in ("for", "of")), None
            )
            body = child(prep, "pobj") if t.lower_ in _SPOKES and prep is not None else None
            if body is not None and body.ent_type_ == "ORG" and not self.ctx.inside_quote(t):
                return self._actor_of(core_np(body), c)
        return None

    def _plural_subject_before(self, c: Candidate) -> ActorRef | None:
        """The people the sentence before ``c`` is about: its plural subject ("Some
        Labour MPs privately expressed unease.")."""
        si = self._previous_sentence(c.sentence)
        if si is None:
            return None
        root = self.ctx.layout.sentences[si].root
        subj = child(root, "nsubj")
        if subj is None or subj.tag_ not in ("NNS", "NNPS") or self.ctx.inside_quote(subj):
            return None
        lemma = subj.lemma_.lower()
        anonymous = (
            lemma in self.ctx.lex.anonymous_heads or subj.lower_ in self.ctx.lex.anonymous_heads
        )
        return self._ref(
            _describe(core_np(subj)), ActorKind.ANONYMOUS if anonymous else ActorKind.GROUP
        )

    def _previous_group(self, c: Candidate) -> ActorRef | None:
        """ "several warned": the group (of several people) that spoke last."""
        return self._last_speaker(
            c,
            lambda r: r.kind in (ActorKind.ANONYMOUS, ActorKind.GROUP) and not _singular(r.name),
        )

    def _last_speaker(self, c: Candidate, accept: Callable[[ActorRef], bool]) -> ActorRef | None:
        """The actor of the latest attribution before ``c`` that ``accept`` takes."""
        for other in reversed(self.candidates):
            ref = other.actor
            if other.start < c.start and isinstance(ref, ActorRef) and accept(ref):
                return ref
        return None

    def _institution(self, tok: Token) -> bool:
        """Whether a noun names an organisation, a state or a government body."""
        if tok.ent_type_ in ("ORG", "GPE", "NORP"):
            return True
        # ("Levant Commercial Bank", a name NER left unlabelled)
        return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _INSTITUTION_HEADS

    def _aged(self, age: str, at: int, said: Candidate) -> ActorRef | None:
        """The person the article gave ``age`` ("Maria Lopes, 27,", "aged 27", "the
        27-year-old Maria Lopes"), the latest before ``at``; else the person who spoke last,
        in this paragraph or the one before ("A co-defendant, X, told the court … The
        34-year-old said"); else the last person named as a subject before it."""
        text = self.ctx.text
        after = re.compile(rf"^\s*,\s*(?:aged\s+)?{re.escape(age)}\b")
        before = re.compile(rf"\b{re.escape(age)}-year-old\s+(?:\S+\s+){{0,3}}$")
        before_at = [p for p in self.persons if p.start < at]
        for p in reversed(before_at):
            if after.match(text[p.end : p.end + 20]) or before.search(
                text[max(0, p.start - 60) : p.start]
            ):
                return self._person_ref(p)
        block = self.ctx.layout.block_at(at)
        for c in reversed(self.candidates):
            if c.start >= at or block - self.ctx.layout.block_at(c.start) > 1 or c is said:
                continue  # (not the quotation before "the 58-year-old said" itself)
            if isinstance(c.actor, ActorRef) and c.actor.kind == ActorKind.PERSON:
                return c.actor
            break
        subjects = [p for p in before_at if p.subject]
        return self._person_ref(subjects[-1]) if subjects else None

    def _earlier_producer(self, head: Token, c: Candidate) -> ActorRef | None:
        """ "The report said …" after "The IMF published its annual report" or "a report
        by the IMF": the producer named with the document's earlier mention."""
        doc = self.doc
        lemma = head.lemma_.lower()
        sent_start = self.ctx.layout.sentences[c.sentence].start if c.sentence >= 0 else head.i
        for i in range(min(head.i, sent_start) - 1, -1, -1):
            t = doc[i]
            if t.lemma_.lower() != lemma or t.pos_ not in ("NOUN", "PROPN"):
                continue  # (and "its annual Financial Stability Report")
            if t.dep_ == "pobj" and t.head.dep_ == "prep":
                # "In a statement issued on Wednesday, X said …", "In a statement signed by
                # its adviser, X said": the one who said it
                cue = t.head.head
                said = next(
                    (o for o in self.candidates if o.cue is not None and o.cue.i == cue.i), None
                )
                actor = said.root().actor if said is not None else None
                if isinstance(actor, ActorRef):
                    return actor
                # "The prime minister's office rejected the accusations in a written
                # statement": whoever did so issued it
                verb = next((v for v in (cue, *cue.ancestors) if v.pos_ in ("VERB", "AUX")), None)
                subj = child(verb, "nsubj") if verb is not None else None
                if (
                    said is None
                    and t.head.lower_ in ("in", "through", "via")
                    and subj is not None
                    and subj.pos_ != "PRON"
                ):
                    return self._actor_of(core_np(subj), c)
            producer = self._producer(t, possessor=True)
            if producer is not None:
                return self._actor_of(producer, c)
            poss = child(t, "poss")
            verb = t.head if t.dep_ in ("dobj", "nsubjpass") else None
            if (
                verb is not None
                and verb.lemma_.lower() in _PRODUCING  # not "X dismissed the report"
                and (poss is None or poss.pos_ == "PRON")
            ):
                subj = child(verb, "nsubj") if t.dep_ == "dobj" else agent(verb)
                if subj is not None and subj.pos_ != "PRON":
                    return self._actor_of(core_np(subj), c)
        return None

    def _producer(self, head: Token, possessor: bool) -> SpacySpan | None:
        """Who issued a statement or a document: "from/by/of X", "X's", "published by X"."""
        doc = self.doc
        for r in head.rights:
            if r.dep_ in ("prep", "agent") and r.lower_ in ("from", "by", "of"):
                pobj = child(r, "pobj")
                if pobj is not None and r.lower_ == "of":
                    # "A survey of 1,200 pharmacy teams by Community Pharmacy England":
                    # who made it, not whom it is of
                    by = next(
                        (
                            b
                            for b in pobj.subtree
                            if b.lower_ == "by"
                            and b.dep_ in ("prep", "agent")
                            and b.head.lemma_.lower() not in _ACCESS_VERBS  # "seen by AFP"
                        ),
                        None,
                    )
                    maker = child(by, "pobj") if by is not None else None
                    if maker is not None and maker.pos_ == "PROPN":
                        return doc[maker.left_edge.i : maker.right_edge.i + 1]
                if pobj is not None and not (r.lower_ == "of" and pobj.lower_ in _DOCUMENT_NOUNS):
                    return doc[pobj.left_edge.i : pobj.right_edge.i + 1]
            if r.dep_ == "acl" and r.lemma_.lower() not in _ACCESS_VERBS:
                ag = child(r, "agent")
                pobj = child(ag, "pobj") if ag is not None else None
                if pobj is not None:
                    return doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                on = child(r, "prep", text="on")
                site = child(on, "pobj") if on is not None else None
                owner = [
                    t
                    for t in (site.lefts if site is not None and site.lower_ in _SITES else ())
                    if t.dep_ in ("compound", "poss") and t.ent_type_ == "ORG"
                ]
                if owner:
                    # "a notice posted on the SAMR website": the site's owner
                    return doc[owner[0].left_edge.i : owner[-1].i + 1]
        poss = child(head, "poss")
        # "the European Commission's annual report": a body's document, not a country's
        # figures
        if poss is not None and poss.pos_ != "PRON" and (possessor or poss.ent_type_ == "ORG"):
            return doc[poss.left_edge.i : poss.i + 1]
        named = [t for t in head.lefts if t.dep_ == "compound" and t.ent_type_ in ("ORG", "GPE")]
        if named:
            # "the ISPR statement", "a White House readout", "KRG figures": the body named
            # before the noun
            return doc[named[0].left_edge.i : named[-1].i + 1]
        keeper = poss if poss is not None else child(head, "compound")
        if keeper is not None and keeper.tag_ == "NN" and keeper.lemma_.lower() in _SPOKEN_FOR:
            # "council documents", "the ministry's figures": the body the article named
            return doc[keeper.left_edge.i : keeper.i + 1]
        return None

    def _person_in(self, span: SpacySpan) -> _Person | None:
        inside = [
            p
            for p in self.persons
            if span.start_char <= p.start
            and p.end <= span.end_char
            and not _names_body(p, span)
            and not _called_a_body(p)
            and p.surface.lower() not in self.titles  # "Akim" (a governor) of Abai region
        ]
        if inside:
            root_hits = [p for p in inside if p.start <= span.root.idx < p.end]
            # else the name that ends the phrase ("Law and Reform Minister X said": X)
            last = [p for p in inside if p.end >= span.end_char]
            if root_hits or last or not _named_after_person(span):
                return (root_hits or last or inside)[0]
        # a name spaCy did not label: a run of proper nouns heading the phrase
        head = span.root
        if _apposed_body(head):
            return None  # "Pearl Petroleum, the consortium that …": a body
        if (
            head.pos_ == "PROPN" or (head.pos_ in ("ADJ", "NOUN", "VERB") and len(span) == 1)
        ) and head.lower_ not in self.titles:
            # a surname of a person the article names in full ("Smith, 54, denied …"),
            # whatever label NER, or tag the tagger, gave it here
            single = self._name_text(span)
            if single and len(single.split()) == 1 and head.is_title:
                for q in self.persons:
                    if len(q.canonical.split()) > 1 and same_person(
                        single, q.canonical, same_article=True
                    ):
                        return q
                full = _given_name_of(single, (q.canonical for q in self.persons))
                if full is not None:
                    return next(q for q in self.persons if q.canonical == full)
        titled = False
        named = self._after_portfolio(span)
        if named is not None:
            # "Minister for Asylum and Migration Marjolein Faber", no name to NER
            span, head, titled = named, named[-1], True
        if head.pos_ == "PROPN" and head.ent_type_ == "ORG" and head.lower_ not in self.titles:
            # "Police spokesperson ASP Brian Okello Rwakatare" (the surname taken for an ORG):
            # a run of proper nouns after a title
            start = proper_run_start(head, floor=span.start)
            before = self.doc[start - 1] if start > span.start else None
            if self.doc[start].lower_ in self.titles or (
                before is not None
                and (before.lower_ in self.titles or before.lower_ in self.ctx.lex.role_heads)
            ):
                span, titled = self.doc[start : head.i + 1], True
            else:
                # "Opposition People's Party MP Sirinya Wongsakul", one ORG to NER: the
                # name after the last title
                title = next(
                    (
                        k
                        for k in range(head.i - 2, span.start, -1)
                        if self.doc[k].lower_ in self.titles
                    ),
                    None,
                )
                if title is not None and all(
                    t.pos_ == "PROPN" for t in self.doc[title + 1 : head.i + 1]
                ):
                    span, titled = self.doc[title + 1 : head.i + 1], True
                # "Minister of Post and Telecommunications Chea Vandeth", one ORG to NER
                first = self._past_portfolio(start, head.i + 1)
                if first > start and not titled:
                    span, titled = self.doc[first : head.i + 1], True
        if (
            head.pos_ == "PROPN"
            and (head.ent_type_ in ("", "PERSON") or titled)
            and head.lower_ not in self.titles
        ):
            toks = [t for t in span if t.pos_ == "PROPN" or (t.text in "-’'" and t.i < head.i)]
            text = self._name_text(self.doc[toks[0].i : head.i + 1]) if toks else ""
            words = text.split()
            known = (
                [q for q in self.persons if same_person(text, q.surface, same_article=True)]
                if text
                else []
            )
            if len(words) == 1 and known and head.is_title:
                return known[0]
            if (
                len(words) >= 2
                and all(w[:1].isupper() or w.lower().startswith(("al-", "el-")) for w in words)
                and not _INSTITUTION_HEADS & {w.lower() for w in words}
                and not any(w.lower() in self.titles for w in words)
                and words[-1].lower() not in self.ctx.lex.role_heads  # "Special Adviser"
                # "Oman Met" (not "Akim of Abai region" + "Yerlan X")
                and not any(t.ent_type_ in ("GPE", "NORP", "LOC") and t.text in words for t in toks)
                and text not in self._short_bodies
                and self._personal(text)  # not "Pacific Crest Refining"
            ):
                si = self.ctx.sentence_of[head.i]
                p = _Person(toks[0].idx, head.idx + len(head), text, head, si, True)
                p.canonical = self.canonical.get(text) or next(
                    (
                        q.canonical
                        for q in self.persons
                        if same_person(text, q.surface, same_article=True)
                    ),
                    text,
                )
                self._met(p)
                return p
        return None

    def _personal(self, name: str) -> bool:
        """Whether a name no one labelled may be a person's: not one whose words make it a
        body's."""
        known = self._lookup(name)
        return known is None or known.kind is ActorKind.PERSON

    def _met(self, p: _Person) -> None:
        """Keep a person NER missed, found in a speaker's phrase, for the mentions after
        ("Taoiseach Conor Mac Donncha insisted … Mr Mac Donncha said")."""
        if any(q.start == p.start and q.end == p.end for q in self.persons):
            return
        self.persons.insert(bisect.bisect([q.start for q in self.persons], p.start), p)
        self.canonical.setdefault(p.surface, p.canonical)

    def _person_ref(self, p: _Person) -> ActorRef:
        name = p.canonical or p.surface
        ref = self.refs.get(name)
        if ref is not None:
            return ref
        mentions = [q for q in self.persons if q.canonical == name]
        aliases = tuple(sorted({q.surface for q in mentions} - {name}))
        roles = tuple(
            RoleRef(title=key, organization=qual)
            for key, qual, former in dict.fromkeys(r for q in mentions for r in q.roles)
            if not former
        )
        description = next((q.description for q in mentions if q.description), None)
        ref = ActorRef(
            name=name, kind=ActorKind.PERSON, aliases=aliases, description=description, roles=roles
        )
        self.refs[name] = ref
        return ref

    def _ref(self, name: str, kind: ActorKind, description: str | None = None) -> ActorRef:
        key = f"{kind}:{name}"
        if key not in self.refs:
            self.refs[key] = ActorRef(name=name, kind=kind, description=description)
        return self._noted(self.refs[key])

    def _noted(self, ref: ActorRef) -> ActorRef:
        """``ref``, kept among the bodies named so far when it is one."""
        if ref.kind not in _PEOPLE:
            self.bodies.append(ref)
        return ref

    def _role_of_description(self, span: SpacySpan) -> tuple[str, str | None, bool] | None:
        root = span.root
        if root.i > 0 and self.doc[root.i - 1].lemma_.lower() in MISSIONS:
            return None  # "the US Consulate General": a mission, no general
        toks = [t for t in span if not t.is_punct and t.lower_ not in _DETERMINERS]
        qual = None
        words: list[str] = []
        former = False
        for t in toks:
            if (
                t.ent_type_ in ("GPE", "NORP", "ORG")
                or t.pos_ == "PROPN"
                and t.is_upper
                and t.i != span.root.i
            ) and t.lower_ not in self.titles:
                qual = t.text  # "the AA spokesperson"
            elif t.lower_ in ("’s", "'s"):
                continue
            elif t.lower_ in _FORMER:
                former = True
            else:
                words.append(t.lower_)
        key = _role_key(" ".join(words), self.titles)
        if (
            not key
            or not self._role_headed(key)
            or span.root.lower_ not in self.titles | set(_ROLE_SYNONYMS)
            and key not in _ROLE_PHRASES.values()
        ):
            return None
        return key, _qual(qual), former

    def _role_headed(self, key: str) -> bool:
        return key.split()[-1] in self.ctx.lex.role_heads

    def _just_named(self, span: SpacySpan, c: Candidate) -> ActorRef | None:
        """ "“…,” Quiñones said. The prosecutor announced …": a definite title no one in
        the article holds, right after a named person spoke, is another name for them."""
        head = span.root
        if (
            not _definite(span)
            or head.lower_ in _SPOKES
            or (head.lower_ not in self.titles and head.lower_ not in _PARTY_MEMBERS)
            or head.tag_ not in ("NN", "NNP")
        ):
            return None
        before = [o for o in self.candidates if o.end <= c.start and o is not c]
        last = max(before, key=lambda o: o.end) if before else None
        said = last.root() if last is not None else None
        ref = said.actor if said is not None else None
        if (
            last is None
            or said is None
            or not isinstance(ref, ActorRef)
            or ref.kind != ActorKind.PERSON
            or min(c.sentence, self.ctx.sentence_at(c.start)) - last.sentence not in (0, 1)
            or said.speaker is None
            or said.speaker.root.pos_ == "PRON"  # named or titled, not "he"
        ):
            ref = self._named_subject_before(c.sentence, head)
            if ref is None:
                return None
        # "The union leader, for her part, said": someone else than the man who spoke
        said_by = {
            _PRONOUN_FORMS[t.lower_]
            for t in self.doc[span.end : c.cue.i if c.cue is not None else span.end]
            if t.lower_ in _PRONOUN_FORMS
        }
        if said_by and said_by != {self.gender.get(ref.name, next(iter(said_by)))}:
            return None
        return ref

    def _uses_noun(self, si: int, head: Token) -> bool:
        """Whether sentence ``si`` has a word of ``head``'s lemma."""
        low = head.lemma_.lower()
        return any(t.lemma_.lower() == low for t in self.ctx.layout.sentences[si])

    def _named_subject_before(self, si: int, head: Token) -> ActorRef | None:
        """ "The CGT's secretary general, Néstor X, replied a few hours later. Speaking at the
        union, the veteran truckers' leader said": the person named as the subject of the
        sentence before, where nothing else there could be the one the title is of."""
        prev = self._previous_sentence(si)
        if (
            prev is None
            or self.ctx.layout.sentence_block[prev] != self.ctx.layout.sentence_block[si]
        ):
            return None
        if self._uses_noun(prev, head):
            return None  # "X met the minister. The minister said": another
        sent = self.ctx.layout.sentences[prev]
        subj = next((t for t in sent.root.children if t.dep_ == "nsubj"), None)
        if subj is None:
            return None
        person = next(
            (
                p
                for p in self.persons
                if p.sentence == prev
                and (p.root.i == subj.i or (p.root.dep_ == "appos" and p.root.head.i == subj.i))
            ),
            None,
        )
        return self._person_ref(person) if person is not None else None

    def _person_with_role(
        self,
        key: str,
        qual: str | None,
        former: bool,
        at: int,
        ahead: bool = True,
        domain: str | None = None,
    ) -> _Person | None:
        def fits(p: _Person) -> bool:
            if _other_field(domain, p.description):
                return False
            for k, q, f in p.roles:
                if f != former:
                    continue
                if not (
                    k == key
                    or (k.endswith(" " + key) and k.split()[0] not in _LESSER_TITLES)
                    or key.endswith(" " + k)
                    and len(k.split()) > 1
                ):
                    continue  # (the shadow home secretary is no "home secretary")
                if (
                    qual
                    and q
                    and not _same_qualifier(q, qual)
                    and not re.search(rf"\b{re.escape(qual)}\b", (p.description or "").lower())
                ):
                    continue  # (but "the AA spokesperson" is "a spokesperson for the Arakan
                    # Army (AA)")
                return True
            return False

        # the role given to a name anywhere names every mention of that person, and the
        # one of them mentioned last before the description is the one it stands for
        holders = {p.canonical for p in self.persons if fits(p)}
        having = [p for p in self.persons if p.canonical in holders]
        if not having:
            return None
        before = [p for p in having if p.start < at]
        if before:
            return before[-1]
        # a title before the name ("The prime minister said … Prime Minister X"), but not
        # someone's own ("his spokesman") beyond its sentence ("its director, Jonas Field,")
        here = self.doc.char_span(at, at + 1, alignment_mode="expand")
        si = self.ctx.sentence_of[here.start] if here is not None else None
        after = [p for p in having if ahead or p.sentence == si]
        return after[0] if after else None

    def _called_back(self, span: SpacySpan) -> _Person | None:
        """A definite description of someone named before: by what the article called them
        or by the body it placed them in."""
        if not _definite(span):
            return None
        return self._person_described(span) or self._member_of(span)

    def _member_of(self, span: SpacySpan) -> _Person | None:
        """ "the BIMCO official": the latest person named before whom the article placed in
        that organisation ("Henrik Sorensen, chief safety officer at BIMCO")."""
        if span.root.tag_ != "NN" or span.root.lemma_.lower() not in self.ctx.lex.role_heads:
            return None
        # the body's name, or the noun for it ("the union leader": "… of the Palm Oil
        # Farmers Union")
        bodies = {
            e.text if (e := self.ctx.ent_at(t)) is not None else t.text
            for t in span
            if t.ent_type_ == "ORG"
            or t.pos_ == "PROPN"
            and not t.ent_type_
            or t.dep_ == "compound"
            and t.head.i == span.root.i
            and t.lemma_.lower() in _INSTITUTION_HEADS
        }
        placed = [
            p
            for p in self.persons
            if p.start < span.start_char
            and p.description
            and any(re.search(rf"\b{re.escape(b)}\b", p.description, re.IGNORECASE) for b in bodies)
        ]
        return placed[-1] if placed else None

    def _someone_called(self, tok: Token) -> bool:
        """Whether the article names a person by the word ``tok`` at another place ("An
        Acas spokesperson", NER labelling "Acas" a person, names none)."""
        return any(
            tok.text in p.surface.split() and not p.start <= tok.idx < p.end for p in self.persons
        )

    def _of_other_field(self, ref: ActorRef, domain: str | None) -> bool:
        """Whether the person ``ref`` holds the role in another field than ``domain``."""
        return any(
            p.canonical == ref.name and _other_field(domain, p.description) for p in self.persons
        )

    def _person_described(self, span: SpacySpan) -> _Person | None:
        """ "the taxi driver": the latest person named before whom the article called so
        ("Samir Ba-Wazir, 35, a taxi driver who joined the protest")."""
        head = span.root
        if head.tag_ != "NN":
            return None
        words = frozenset(t.lemma_.lower() for t in head.lefts if t.pos_ == "NOUN")
        low = head.lemma_.lower()
        domain = _field_of(span)
        called = [
            p
            for p in self.persons
            if p.start < span.start_char
            and any(k == low and words <= m for k, m in p.kinds)
            and not _other_field(domain, p.description)
        ]
        return called[-1] if called else None

    def _previous_anonymous(
        self, c: Candidate, head: str, in_body: bool = False
    ) -> ActorRef | None:
        """The latest unnamed speaker before ``c`` described with ``head`` (with
        ``in_body``, in the body: not a headline's "Home Secretary vows …")."""
        for other in reversed(self.candidates):
            if other is c or other.start >= c.start or other.actor is None:
                continue
            if in_body and not self._in_body(other.start):
                continue
            ref = other.actor
            if (
                isinstance(ref, ActorRef)
                and ref.kind == ActorKind.ANONYMOUS
                and head in ref.name.lower()
            ):
                return ref
        # a source introduced without a statement of its own
        return None

    def _previous_institution(self, c: Candidate) -> ActorRef | None:
        """ "The statement said": the organisation that spoke last."""
        return self._last_speaker(
            c, lambda r: r.kind in (ActorKind.ORGANIZATION, ActorKind.GOVERNMENT)
        )

    def _apposed_body_name(self, span: SpacySpan) -> SpacySpan | None:
        """The organisation named in apposition right after a body's noun ("the largest
        Bosniak party, the Party of Democratic Action (SDA),"; "The U.N. mission in South
        Sudan, UNMISS,", its initials hung on the place), or None."""
        head = span.root
        if not (head.is_lower and head.lemma_ in _BODY_HEADS | _MISSION_NOUNS):
            return None
        for a in head.subtree:
            if a.dep_ != "appos" or a.i < head.i or self.doc[a.left_edge.i - 1].text != ",":
                continue
            # ("The union that represents many of the island's power workers, UTIER,": the
            # name closing the phrase, hung on the relative clause's last noun)
            closing = a.right_edge.i == head.right_edge.i and any(
                t.dep_ == "relcl" and t.head.i == head.i for t in a.ancestors
            )
            hung = a.head.dep_ == "pobj" and a.head.head.head.i == head.i
            if a.head.i != head.i and not hung and not closing:
                continue
            ent = self.ctx.ent_at(a)
            if ent is not None and ent.label_ == "ORG":
                return ent
            if a.is_upper and a.pos_ == "PROPN" and len(a) >= 3 and a.left_edge.i == a.i:
                return self.doc[a.i : a.i + 1]  # initials NER labelled nothing
        return None

    def _organisation(self, span: SpacySpan) -> ActorRef | None:
        head = span.root
        self_named = self._self_named(span)
        if self_named is not None:
            return self_named
        apposed = self._apposed_body_name(span)
        if apposed is not None:
            # "The largest Bosniak party, the Party of Democratic Action (SDA), called …"
            return self._kind_named(_describe(apposed), {head.lemma_.lower()})
        closing = _closing_name(span)
        if closing is not None:
            # "the main opposition Bangladesh Nationalist Party", "Shipping giant Maersk",
            # "Opposition party GroenLinks-PvdA": the name, not its description
            described = {t.lemma_.lower() for t in span if t.i < closing.start}
            return self._kind_named(_describe(closing), described)
        owner = next((t for t in head.lefts if t.dep_ == "poss" and t.ent_type_ == "ORG"), None)
        if owner is None and head.lower_ in _LEADERSHIPS and head.is_lower:
            of = child(head, "prep", text="of")
            pobj = child(of, "pobj") if of is not None else None
            owner = pobj if pobj is not None and pobj.ent_type_ == "ORG" else None
        if owner is not None and head.lower_ in _LEADERSHIPS and head.is_lower:
            # "the ELN's command", "a two-judge bench of the High Court": the body itself
            ent = self.ctx.ent_at(owner)
            if ent is not None:
                return self._known(_describe(ent), "ORG")
        before = _name_before_noun(head) if head.is_lower and head.lemma_ in _KIND_NOUNS else None
        news = head.i > 0 and head.nbor(-1).lower_ == "news"
        if before is None and head.lower_ == "agency" and news:
            # "the official IRNA news agency": the agency's name
            before = _name_before_noun(head.nbor(-1))
        if before is not None:
            # "the opposition Pakistan Tehreek-e-Insaf (PTI) party", "the OPEC+ alliance"; a
            # name listed with its noun first ("the Congress party" is not the US Congress)
            name = _describe(before)
            listed = self._listed(f"{name} {head.text}")
            return listed or self._kind_named(name, {head.lemma_.lower()})
        # a name going on past the speaker as written ("the Zakat" + ", Tax and Customs
        # Authority")
        named = self.ctx.ent_at(head)
        reach = (
            max(span.end_char, named.end_char)
            if named is not None and named.label_ == "ORG" and named.start_char >= span.start_char
            else span.end_char
        )
        ents = [
            e
            for e in self.ctx.ents_in(span.start_char, reach, ("ORG", "GPE", "NORP", "FAC"))
            if not _based_in(e)  # "the Guangzhou-based company" is named elsewhere
        ]
        text = _describe(span)
        low = head.lower_
        if ents:
            ent = next((e for e in ents if e.start <= head.i < e.end), None)
            clipped = (
                ent is not None and ent.end > span.end and self.doc[span.end].lower_ in ("and", "&")
            )
            if ent is not None and clipped:
                # "Byron Shire Council and Homes NSW said", one name to NER: the first body
                ent = SpacySpan(self.doc, ent.start, span.end, label=ent.label_)
            if ent is not None and ent.label_ == "GPE":
                # "Amnesty International Finland": the organisation's branch in the country
                # ("WWF-Turkey")
                branch = next(
                    (
                        e
                        for e in ents
                        if e.label_ == "ORG"
                        and (e.end == ent.start or self.doc[e.end : ent.start].text == "-")
                    ),
                    None,
                )
                if branch is not None:
                    name = _describe(self.doc[branch.start : ent.end])
                    return self._ref(name, ActorKind.ORGANIZATION)
                if _proper_before(span, ent, self.titles):
                    # "Metro Istanbul": a body named after its city
                    return self._known(_describe(self.doc[span.start : ent.end]), "ORG")
            if ent is not None:
                # "the Georgian foreign ministry": the nationality before the name is part
                # of it (a foreign ministry of which country); so is a name NER cut in two
                # ("the Nigeria Labour" + "Congress")
                # ("Ukraine's Air Force": so is the country owning it)
                before = next(
                    (
                        e
                        for e in ents
                        if (e.end == ent.start or _possessive_before(e, ent))
                        and e.label_ in ("NORP", "GPE", "ORG")
                        and ent.label_ == "ORG"
                        and all(e.start <= t.head.i < ent.end for t in e)
                        and any(
                            t.head.i >= ent.start and t.dep_ in ("amod", "compound", "nmod", "poss")
                            for t in e
                        )
                    ),
                    None,
                )
                listed = (
                    self._listed(_describe(ent))
                    if before is not None and not self._regional(before, ent)
                    else None
                )
                if listed is not None and (
                    listed.kind in _NAMED_BODY_KINDS
                    or (
                        before is not None
                        and before.label_ == "ORG"
                        and _possessive_before(before, ent)
                    )
                ):
                    # "Turkey's pro-Kurdish DEM Party": a party's name is its own; so is a
                    # known body's that another owns ("The U.S. military's Central Command")
                    return self._noted(listed)
                if (
                    before is not None
                    and _possessive_before(before, ent)
                    and _body_kind(_describe(ent), "ORG", self.ctx.lex) is ActorKind.PARTY
                ):
                    before = None  # "Thailand's Move Forward Party", known or not
                whole = self.doc[before.start if before is not None else ent.start : ent.end]
                if ent.label_ == "ORG" and not clipped:
                    whole = self.doc[whole.start : self._name_goes_on(ent)]
                back = _name_reaches_back(whole, span)
                # a place's name that opens further back is a body's ("… ng Pilipinas")
                label = ent.label_ if back == whole.start else "ORG"
                return self._known(_describe(self.doc[back : whole.end]), label)
            if low in _GENERIC_BODIES:
                # "the National Liberation Army (ELN) guerrilla group": the group named
                named = [e for e in ents if e.label_ == "ORG"]
                known = self.actors.resolve(_describe(named[0]), "ORG") if named else None
                if known is not None and known.kind not in _PEOPLE:
                    return known
            if low in _KIND_NOUNS and head.is_lower:
                # "the Awami Justice (AJP) opposition party": the body the name before the
                # noun names, not its description ("the European Union Agency for
                # Railways" is a name of its own)
                named = [
                    e
                    for e in ents
                    if e.label_ == "ORG" and e.root.head.i == head.i and e.end <= head.i
                ]
                if named:
                    name = _describe(max(named, key=lambda e: (len(e), -e.start)))
                    return self._kind_named(name, {low})
            # "the US military", "the Iraqi government": a common noun of an institution
            if low in _INSTITUTION_HEADS or head.lemma_.lower() in _INSTITUTION_HEADS:
                kind = (
                    ActorKind.GOVERNMENT
                    if head.lemma_.lower() in _GOVERNMENT_HEADS
                    else ActorKind.ORGANIZATION
                )
                if head.pos_ == "PROPN" and head.i == span[-1].i:
                    text = _describe(self.doc[span.start : self._name_goes_on(span)])
                known = self._lookup(text)
                if known is not None and any(
                    e.label_ == "ORG" and self._lookup(_describe(e)) == known for e in ents
                ):
                    # "the United Nations humanitarian office": a body of the organisation
                    # named, not the organisation itself
                    known = None
                return self._ref(text, kind) if known is None else self._noted(known)
            return None
        if head.pos_ == "PROPN":
            # "Electricite du Liban (EDL), the state utility,": a body whatever its name
            # looks like
            # ("The Blue Lagoon, the geothermal spa …, said": a place or a thing NER saw,
            # speaking, is the body there)
            body = (
                _apposed_body(span)
                or head.ent_type_ in ("LOC", "FAC", "WORK_OF_ART", "PRODUCT")
                or head.lower_ in _INSTITUTION_HEADS  # "Suez Canal Authority"
            )
            return self._known(text, "ORG" if body else None)
        if head.lemma_.lower() in _INSTITUTION_HEADS:
            previous = (
                self._previous_org(span)
                if (_definite(span) or (len(span) == 1 and span.root.is_title))  # "Police said"
                and not _owned_by_pronoun(span)  # "his office"
                and not any(t.dep_ in ("amod", "compound", "nmod") for t in span.root.lefts)
                # "the junta" is the state, whatever bodies of its the article named
                and head.lemma_.lower() not in _RULERS
                else None  # "the oil ministry" names itself
            ) or self._named_body_before(span)
            kind = (
                ActorKind.GOVERNMENT
                if head.lemma_.lower() in _GOVERNMENT_HEADS
                else ActorKind.ORGANIZATION
            )
            if previous is None and any(
                t.dep_ in ("amod", "compound", "nmod") for t in span.root.lefts
            ):
                # "The Moldovan government", its nationality a word NER gave no place label
                known = self._lookup(text)
                previous = (
                    self._known(text, None) if known and known.kind is ActorKind.STATE else None
                )
            return previous or self._body_named_after(span) or self._ref(text, kind)
        return self._named_body_before(span) or self._body_named_next(span)

    def _body_named_next(self, span: SpacySpan) -> ActorRef | None:
        """ "The competition watchdog has warned … / In provisional findings, the
        Competition and Markets Authority said": a body described before it is named, in
        one of the next two sentences, by a name with a word of its kind."""
        head = span.root
        words = _BODY_NOUNS.get(head.lemma_.lower())
        if not words or head.tag_ != "NN" or not _definite(span):
            return None
        for sent in self._sentences_after(self.ctx.sentence_of[head.i], 2):
            for ent in self.ctx.ents_in(sent.start_char, sent.end_char, ("ORG",)):
                name = _describe(ent)
                if ent.label_ == "ORG" and words & set(name.lower().split()):
                    return self._known(name, "ORG")
        return None

    def _sentences_after(self, si: int, count: int) -> Iterator[SpacySpan]:
        """The (up to) ``count`` sentences of the article's text after sentence ``si``."""
        for _ in range(count):
            nxt = self._following_sentence(si) if si >= 0 else None
            if nxt is None:
                return
            yield self.ctx.layout.sentences[nxt]
            si = nxt

    def _body_named_after(self, span: SpacySpan) -> ActorRef | None:
        """ "…, her party said" in a lead that names no one yet: the body of that noun the
        next sentences name ("a coordinator for the Vente Venezuela party")."""
        head = span.root
        if not _owned_by_pronoun(head.lefts) or self.ctx.ents_in(0, span.start_char, ("PERSON",)):
            return None
        for sent in self._sentences_after(self.ctx.sentence_of[head.i], 2):
            for t in sent:
                if t.lower_ == head.lower_ and _qualified(t) and not self.ctx.inside_quote(t):
                    return self._organisation(core_np(t))
        return None

    def _named_body_before(self, span: SpacySpan, definite: bool = False) -> ActorRef | None:
        """ "the fund", "the central bank", "the group": the latest organisation named before
        that the noun can stand for ("the International Monetary Fund … the fund", "the OPEC+
        alliance … the group", "the opposition PTI party … the party"). A noun of its own
        before the head must be in the name ("the oil company"); a name or a country before it
        ("the Iraqi army", "the Labour group") makes the phrase a name of its own."""
        head = span.root
        noun = head.lemma_.lower()
        words = _BODY_NOUNS.get(noun)
        if words is None or head.tag_ != "NN" or not (definite or _definite(span)):
            return None
        own: list[str] = []
        for t in head.lefts:
            if t.dep_ == "poss" or t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG"):
                return None  # "its party", "the Labour group", "the Iraqi army"
            counted = t.i >= 2 and t.nbor(-1).text == "-" and t.nbor(-2).like_num
            if t.pos_ == "NOUN" and not counted:  # not "the three-member panel"
                own.append(t.lemma_.lower())
        kinds = _NAMELESS_BODY_KINDS.get(
            noun, (ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP, ActorKind.PARTY)
        )
        if any(t.lower_ in _ARMED_WORDS for t in head.lefts):
            kinds = (ActorKind.ARMED_GROUP,)  # "the paramilitary group", "the rebel movement"
        # "The state-controlled utility said … According to the utility": the body a
        # trade's noun stood for before, whatever other bodies spoke since
        key = (noun, *own)
        if noun in _TRADE_NOUNS and key in self._trade_bodies:
            return self._trade_bodies[key]
        # "The opposition Unitary Platform said … the coalition said"
        found = self._body_just_spoken(head) or self._body_of_noun(span, noun, words, own, kinds)
        if found is not None and noun in _TRADE_NOUNS:
            self._trade_bodies[key] = found
        return found

    def _body_of_noun(
        self,
        span: SpacySpan,
        noun: str,
        words: frozenset[str],
        own: list[str],
        kinds: tuple[ActorKind, ...],
    ) -> ActorRef | None:
        """:meth:`_named_body_before`'s search of the names: first one before the words
        reported and outside quotations; else one in the words reported ("Pakistan and the
        IMF reached a deal, the lender said")."""
        head = span.root
        before = min(span.start_char, self.at) if self.at else span.start_char
        earlier = [
            e
            for e in self._bodies_in(0, before)
            if not self.ctx.inside_quote(e.root)
            and not _owned_medium(e.root)
            and not any(_addressee(t) for t in e)
            and not self.ctx.excluded(e.start_char)  # not a byline
        ]
        reported = self._bodies_in(before, span.start_char)
        if not words:
            # "the company" is the one a sentence was about before one named in passing
            # ("Najd Cement Co. reported … according to a filing on the Saudi Exchange")
            earlier.sort(key=lambda e: _subject(e.root) or e.root.dep_ in ("compound", "poss"))
        for ent, loose in [
            *((e, True) for e in reversed(earlier)),
            *((e, False) for e in reported),
        ]:
            end = self._name_goes_on(ent)
            if end - ent.start > 1 and self.doc[end - 1].lower_ in self.titles:
                end -= 1  # "the Delhi University Vice" + "-Chancellor's office"
            name = _describe(self.doc[ent.start : end])
            known = self._listed(name)
            names = f"{name} {known.name if known is not None else ''}".lower()
            called = set(re.findall(r"\w+", names))
            kind = known.kind if known is not None else _body_kind(name, "ORG", self.ctx.lex)
            if kind is ActorKind.STATE or not all(w in called for w in own):
                continue
            if (kind is ActorKind.MEDIA) != (kinds == (ActorKind.MEDIA,)):
                continue  # an outlet only for "the station" or "the paper"
            # a noun naming no words ("the group") stands for a body named close before it
            # or in the words reported ("OPEC+ will meet in May, the group said")
            near = not loose or self.ctx.sentence_of[ent.root.i] >= self.ctx.sentence_of[head.i] - 3
            # (not a body of another kind the name's head says it is: "Delhi University
            # Students' Union" is no university)
            other = _name_head(name)
            if self._called(ent, noun) or (
                called & words and (other in words or other not in _BODY_NOUNS)
            ):
                return self._known(name, "ORG")
            if near and not words and kind in kinds:
                # of the kind the name resolves to ("Parliament" is no company)
                resolved = known or self.actors.resolve(name, "ORG")
                if resolved is None or resolved.kind in kinds:
                    return self._known(name, "ORG")
        if not words and not own:
            # "the company", far from any name: the named one of that kind that spoke last
            return next(
                (b for b in reversed(self.bodies) if b.kind in kinds and b.name[:1].isupper()),
                None,
            )
        return None

    def _body_just_spoken(self, head: Token) -> ActorRef | None:
        """The named organisation or party that spoke in the sentence before ``head``'s
        or earlier in its own, if the latest speaker there is one."""
        si = self.ctx.sentence_of[head.i]
        since = si - 1
        for other in reversed(self.candidates):
            if other.start >= self.at or other.sentence > si:
                continue
            if other.sentence < since:
                return None
            if other.actor is None and other.speaker is not None and other.speaker.text == "It":
                # "… the company said …. It said … / The company denied": "It" is resolved
                # later, and stands for the body that spoke before it
                since = other.sentence - 1
                continue
            if not isinstance(other.actor, ActorRef):
                return None
            ref = other.actor
            return ref if ref.name[:1].isupper() and ref.kind in _NAMED_BODY_KINDS else None
        return None

    def _person_named(self, ent: SpacySpan) -> bool:
        """Whether an entity NER took for a body is a one-word name of a person the article
        names in full."""
        return len(ent) == 1 and any(
            len(q.canonical.split()) > 1 and same_person(ent.text, q.canonical, same_article=True)
            for q in self.persons
        )

    def _bodies_in(self, start: int, end: int) -> list[SpacySpan]:
        """The organisations named within characters ``start``–``end``, with a subject NER
        took for a place no gazetteer knows ("copper giant Codelco has chosen …")."""
        return [
            e
            for e in self.ctx.ents_in(start, end, ("ORG", "GPE", "PERSON"))
            if _apposed_body(e)  # "Adria Lithium, a Serbian subsidiary of …"
            or (
                e.label_ == "ORG"
                and not _settlement(e)
                and not _indefinite(e)
                and not self._person_named(e)  # "Arnaquq said …" taken for a body
            )
            or (
                e.label_ == "GPE"
                and _subject(e.root)
                and default_place_resolver().resolve(e.text) is None
            )
        ]

    def _self_named(self, span: SpacySpan) -> ActorRef | None:
        """ "A little-known armed group calling itself the Delta Creek Vanguard", "a
        coalition known as the People's Climate Front": the body by the name it goes by."""
        for acl in span.root.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in ("call", "know", "name"):
                continue
            as_prep = child(acl, "prep", text="as")
            name = child(acl, "oprd", "attr") or (
                child(as_prep, "pobj") if as_prep is not None else None
            )
            if name is None or name.pos_ != "PROPN":
                continue
            ent = self.ctx.ent_at(name)
            text = _describe(ent) if ent is not None and name in ent else _describe(core_np(name))
            described = {t.lemma_.lower() for t in span}
            if described & _ARMED_WORDS and self._listed(text) is None:
                return self._ref(text, ActorKind.ARMED_GROUP)
            return self._kind_named(text, described)
        return None

    def _kind_named(self, name: str, described: set[str]) -> ActorRef:
        """The body of that name, a party where the words describing it say so."""
        if described & _PARTY_DESCRIPTIONS and self._listed(name) is None:
            # "the opposition Botswana People's Front": a party, whatever its name's noun
            return self._ref(name, ActorKind.PARTY)
        return self._known(name, "ORG")

    def _listed(self, name: str) -> ActorRef | None:
        """The gazetteer's actor of that name, if it lists one."""
        entry = self.actors.gaz.find_actor(name)
        return self.actors.gaz.actor(entry.id) if entry is not None else None

    def _called(self, ent: SpacySpan, noun: str) -> bool:
        """Whether the text calls the organisation ``ent`` names by ``noun``: "the OPEC+
        alliance", "the PTI (Pakistan Tehreek-e-Insaf) party", "the nurses' association
        Nursing Up"."""
        doc = self.doc
        after = ent.end
        if after < len(doc) and doc[after].text == "(":
            after = next((t.i + 1 for t in doc[after : after + 12] if t.text == ")"), after)
        if after < len(doc) and doc[after].lemma_.lower() == noun:
            return True
        return any(t.lemma_.lower() == noun for t in doc[max(0, ent.start - 3) : ent.start]) or (
            self._described_as(ent, noun)
        )

    def _described_as(self, ent: SpacySpan, noun: str) -> bool:
        """Whether the words right before the organisation ``ent`` describe it as a ``noun``
        ("antitrust regulator CADE … the agency": a regulator is an agency)."""
        return any(
            t.is_lower and ((kind := t.lemma_.lower()) == noun or noun in _BODY_NOUNS.get(kind, ()))
            for t in self.doc[max(0, ent.start - 3) : ent.start]
        )

    def _joint(self, span: SpacySpan) -> list[ActorRef] | None:
        """The states a plural description stands for, where the text lists them: in its own
        phrase ("the military rulers of Mali, Niger and Chad") or, for a definite one ("the
        four countries", "the ministers"), in the nearest list of states before it within a
        few sentences (of as many states as a number before the noun says)."""
        head = span.root
        if head.tag_ == "NNS" and head.lemma_.lower() in _SIDES and _definite(span):
            return self._coordinated_before(span)
        bodies = self._joint_bodies(span) or self._heads_of(span)
        if bodies is not None:
            return bodies
        if len(span) == 1 and head.lower_ == "both":
            # "The two candidates found little common ground, though both said": the two
            return self._people_before(span, 2)
        count = _count_of(head)
        if (
            count is not None
            and head.tag_ == "NNS"
            and _definite(span)
            and head.lemma_.lower() in self.ctx.lex.role_heads
        ):
            # "X and his counterpart Y met … the two ministers said": X and Y
            people = self._people_before(span, count)
            if people is not None:
                return people
        if head.tag_ != "NNS" or head.lemma_.lower() not in _JOINT_HEADS:
            return None
        # the phrase may go on past the speaker span ("the ministers of A, B and C")
        edge = self.doc[max(span.end, head.right_edge.i + 1) - 1]
        own = self._state_lists(span.start_char, edge.idx + len(edge))
        if own:
            return own[-1]
        bloc = self._bloc_of(head)
        if bloc is not None:
            return [bloc]  # "Foreign ministers of the Gulf Cooperation Council": the council
        if not _definite(span):
            return None
        same = self._same_plural_before(head)
        if same is not None:
            return same  # "Foreign ministers of … said … the ministers said": the same
        si = self.ctx.sentence_of[head.i]
        since = self.ctx.layout.sentences[max(0, si - _JOINT_LOOKBACK + 1)].start_char
        lists = [
            found
            for found in self._state_lists(since, span.start_char)
            if count is None or len(found) == count
        ]
        if lists:
            return lists[-1]
        joint = self._coordinated_before(span)  # "talks between X and Y … the two ministers"
        return joint if joint is not None and count in (None, len(joint)) else None

    def _heads_of(self, span: SpacySpan) -> list[ActorRef] | None:
        """ "the heads of the WFP, UNICEF and …", "the Troika of the United States, Britain
        and Norway": the bodies or states listed, each speaking."""
        head = span.root
        if head.lemma_.lower() not in _HEADS_OF_MANY:
            return None
        of = child(head, "prep", text="of")
        first = child(of, "pobj") if of is not None else None
        if of is None or first is None:
            return None
        members = []
        for m in coordinated(first):
            if m.pos_ != "PROPN" or m.ent_type_ not in ("ORG", "GPE"):
                continue
            ent = self.ctx.ent_at(m)
            if ent is None or ent.label_ != m.ent_type_ or ent.start < of.i:
                ent = core_np(m)  # (not "the Troika of the United States" NER took whole)
            members.append(self._known(_describe(ent), m.ent_type_))
        return members if len(members) >= 2 else None

    def _joint_bodies(self, span: SpacySpan) -> list[ActorRef] | None:
        """The companies a plural noun for them stands for: those it is in apposition to
        ("energy retailers Southern Cross Energy and Tasman Power said"), else, for "the
        companies", "the two firms", "both groups" ("the boards of both firms"), the ones
        named together just before, or that spoke together last, or as many as it counts
        named last."""
        doc = self.doc
        head = span.root
        if head.tag_ == "NNS" and head.lemma_.lower() in _LEADERS_OF_BODIES:
            of = child(head, "prep", text="of")
            head = child(of, "pobj") if of is not None else head
        if head.tag_ != "NNS" or head.lemma_.lower() not in _PLURAL_BODIES:
            return None
        named = next((a for a in head.rights if a.dep_ == "appos"), None)
        if named is not None:
            members = coordinated(named)
            if len(members) < 2 or any(m.pos_ != "PROPN" for m in members):
                return None
            # (NER may take "X and Y" for one name)
            return [self._known(_describe(doc[m.left_edge.i : m.i + 1]), "ORG") for m in members]
        both = any(t.lower_ == "both" for t in head.lefts)
        count = 2 if both else _count_of(head)
        if not (both or _definite(doc[head.left_edge.i : head.i + 1])):
            return None
        joint = self._coordinated_before(span)
        if joint is not None and count in (None, len(joint)):
            return joint
        si = self.ctx.sentence_of[head.i]
        for other in reversed(self.candidates):
            if other.start >= self.at or other.sentence < si - _JOINT_LOOKBACK:
                continue
            together = [other.actor, *other.co_actors]
            if (
                other.co_actors
                and count in (None, len(together))
                and all(isinstance(a, ActorRef) and a.kind in _NAMED_BODY_KINDS for a in together)
            ):
                return together  # type: ignore[return-value]
        if count is None:
            return None
        last: list[ActorRef] = []
        for ent in reversed(self._bodies_in(0, span.start_char)):
            ref = self._organisation(ent)
            if (
                ref is not None
                and ref.kind in _NAMED_BODY_KINDS
                # ("Rheinfracht AG … Rheinfracht" is one)
                and not any(ref.name in r.name or r.name in ref.name for r in last)
            ):
                last.append(ref)
        return last[:count][::-1] if len(last) >= count else None

    def _bloc_of(self, head: Token) -> ActorRef | None:
        """The organisation whose members a plural role speaks for, named with it ("ministers
        of the Gulf Cooperation Council", "GCC foreign ministers")."""
        if head.lemma_.lower() not in self.ctx.lex.role_heads:
            return None
        of = next((t for t in head.rights if t.dep_ == "prep" and t.lower_ == "of"), None)
        named = [child(of, "pobj")] if of is not None else []
        named += [t for t in head.lefts if t.dep_ == "compound"]
        for t in named:
            ent = self.ctx.ent_at(t) if t is not None and t.ent_type_ == "ORG" else None
            if ent is not None:
                ref = self._known(_describe(ent), "ORG")
                if ref.kind not in (ActorKind.STATE, *_PEOPLE):
                    return ref
        return None

    def _same_plural_before(self, head: Token) -> list[ActorRef] | None:
        """The actors an earlier speaker of the same plural noun was resolved to."""
        for other in reversed(self.candidates):
            spoke = other.speaker
            if (
                other.start < self.at
                and spoke is not None
                and spoke.root.tag_ == "NNS"
                and spoke.root.lemma_ == head.lemma_
                and spoke.root.i != head.i
                and isinstance(other.actor, ActorRef)
            ):
                return [other.actor, *(a for a in other.co_actors if isinstance(a, ActorRef))]
        return None

    def _people_before(self, span: SpacySpan, count: int) -> list[ActorRef] | None:
        """ "the two ministers", "both": the last ``count`` people named, outside quotations,
        within a few sentences before the description, if the text names that many."""
        si = self.ctx.sentence_of[span.root.i]
        since = self.ctx.layout.sentences[max(0, si - _PEOPLE_LOOKBACK + 1)].start_char
        found: dict[str, _Person] = {}
        for p in reversed(self.persons):
            if p.start < since or len(found) == count:
                break
            if p.end <= span.start_char and not self.ctx.inside_quote(p.root):
                found.setdefault(p.canonical, p)
        if len(found) != count:
            return None
        first = {p.canonical: p.start for p in reversed(self.persons)}
        return [
            self._person_ref(p) for p in sorted(found.values(), key=lambda p: first[p.canonical])
        ]

    def _coordinated_before(self, span: SpacySpan) -> list[ActorRef] | None:
        """ "Colombia's government and the ELN will resume talks, the two delegations said":
        the actors a coordinated subject names, in this sentence or the one before."""
        si = self.ctx.sentence_of[span.root.i]
        before = self._previous_sentence(si)
        for s in (si, before):
            if s is None or s < 0:
                continue
            for t in self.ctx.layout.sentences[s]:
                if t.i >= span.start or t.dep_ not in ("nsubj", "nsubjpass", "pobj"):
                    continue
                members = coordinated(t)
                if len(members) < 2:
                    continue
                refs = [
                    self._organisation(core_np(m)) or self._person_ref_in(core_np(m))
                    for m in members
                ]
                if all(r is not None for r in refs):
                    return list(dict.fromkeys(r for r in refs if r is not None))
        return None

    def _person_ref_in(self, span: SpacySpan) -> ActorRef | None:
        person = self._person_in(span)
        return self._person_ref(person) if person is not None else None

    def _state_lists(self, start: int, end: int) -> list[list[ActorRef]]:
        """Lists of two states or more named between characters ``start`` and ``end``
        ("France, Britain and Germany", "the UAE, the Kingdom of Saudi Arabia and Egypt")."""
        text = self.ctx.text
        lists: list[list[ActorRef]] = []
        run: list[tuple[SpacySpan, ActorRef]] = []
        for ent in self.ctx.ents_in(start, end, ("GPE", "ORG")):
            ref = self._known(_describe(ent), ent.label_)
            if ref.kind != ActorKind.STATE:
                continue
            if run and _LIST_GAP.fullmatch(text[run[-1][0].end_char : ent.start_char]):
                run.append((ent, ref))
                continue
            if len(run) > 1:
                lists.append([r for _, r in run])
            run = [(ent, ref)]
        if len(run) > 1:
            lists.append([r for _, r in run])
        return [list(dict.fromkeys(found)) for found in lists]

    def _previous_org(self, span: SpacySpan) -> ActorRef | None:
        """ "the ministry said": the latest organisation whose name has that noun, or that
        the article called so ("antitrust regulator CADE … the agency")."""
        head = span.root.lower_
        orgs = [
            (e, _describe(e))
            for e in self.ctx.ents_in(0, span.start_char, ("ORG",))
            if e.label_ == "ORG"
        ]
        called = {name for e, name in orgs if self._described_as(e, span.root.lemma_.lower())}
        if head in _PARTY_NOUNS | _GENERIC_BODIES:
            # "The Free Patriotic Movement … hit back. “…,” the party said", "… the group
            # said": the body the sentence before was about, though another's name has the noun
            topic = self._body_before(span)
            if topic is not None:
                return topic
        for ent, name in reversed(orgs):
            if (head in ent.text.lower() and name.lower() != head) or name in called:
                return self._known(_describe(self.doc[ent.start : self._name_goes_on(ent)]), "ORG")
        # one NER did not label ("the US embassy in Mexico City … the embassy")
        spoke = next(
            (
                b
                for b in reversed(self.bodies)
                if head in b.name.lower().split() and b.name[:1].isupper()  # not "her party"
            ),
            None,
        )
        if spoke is not None:
            return spoke
        for t in reversed(self.doc[: span.start]):
            if t.lower_ != head or t.pos_ not in ("NOUN", "PROPN"):
                continue
            named = t.head
            if t.dep_ == "compound" and named.pos_ == "PROPN" and named.ent_type_ == "ORG":
                # "the judges' association Iustitia … the association": Iustitia
                ent = next(
                    (e for e in self.ctx.ents_in(0, span.start_char, ("ORG",)) if named in e),
                    None,
                )
                if ent is not None:
                    return self._known(_describe(ent), "ORG")
            if (
                t.dep_ == "compound"
                and named.pos_ == "PROPN"
                and named.i == t.i + 1
                and named.ent_type_ not in ("PERSON", "DATE")
            ):
                # "Portuguese club Sporting … a club spokesman", NER taking the name for a
                # place: the name after the noun
                return self._ref(named.text, ActorKind.ORGANIZATION)
            if _qualified(t):
                return self._organisation(core_np(t))
        return None

    def _body_before(self, span: SpacySpan) -> ActorRef | None:
        """ "al Shabaab stepped up attacks. The group said": the body the sentence before
        was about, of the kind the noun says ("Parliament" is no company)."""
        si = self.ctx.sentence_of[span.root.i]
        before = self._previous_sentence(si) if si >= 0 else None
        if before is None:
            return None
        kinds = _NAMELESS_BODY_KINDS.get(span.root.lower_)
        for o in self.candidates:
            # "Iran Human Rights, an Oslo-based NGO, said …": the body that spoke there
            if (
                o.sentence == before
                and isinstance(o.actor, ActorRef)
                and (
                    o.actor.kind in _NAMED_BODY_KINDS
                    or (o.actor.kind == ActorKind.GROUP and o.actor.name[:1].isupper())
                )
                and (not kinds or o.actor.kind in kinds)
            ):
                return o.actor
        for t in self.ctx.layout.sentences[before]:
            if (
                t.dep_ == "nsubj"
                and t.pos_ == "PROPN"
                and t.ent_type_ != "GPE"
                and t.ent_type_ not in _NOT_NAMES  # "April was the compromise"
                and not self.ctx.inside_quote(t)
                and self._person_in(core_np(t)) is None
            ):
                # ("Japanese carmaker Kaiyo Motors … the company": Kaiyo Motors)
                body = self._organisation(core_np(t))
                if body is not None and (not kinds or body.kind in kinds):
                    return body
        return None

    def _lookup(self, text: str) -> ActorRef | None:
        return self.actors.resolve(text, None)

    def _known(self, name: str, label: str | None) -> ActorRef:
        """A named organisation or state: the gazetteer's actor, else one of the kind its
        name tells."""
        # (an acronym NER took for a place may be a body's the article spelled out)
        fuller = self._fuller(name) if label != "GPE" or name.isupper() else None
        if fuller is not None:
            return fuller
        first, _, second = name.rpartition(" and ")
        if " " in first and self.actors.gaz.find_actor(name) is None:
            known = self.actors.gaz.find_actor(second)
            if known is not None and known.category == "organization":
                # "The Greek Council for Refugees and Human Rights Watch said": two bodies,
                # the first named first
                return self._known(first, "ORG")
        ref = self.actors.resolve(name, label)
        if ref is not None and ref.kind is ActorKind.PERSON and name in self._short_bodies:
            # "Hanseong Heavy", after "Hanseong Heavy Industries": the body
            return self._known(self._short_bodies[name], "ORG")
        if ref is None:
            return self._new_body(name, label)
        if ref.kind is ActorKind.STATE and _GOVERNMENT.search(name) and name not in ref.aliases:
            # "the British government" is the United Kingdom, as the article writes it
            ref = replace(ref, written=name)
        return self._noted(ref)

    def _new_body(self, name: str, label: str | None) -> ActorRef:
        return self._ref(name, _body_kind(name, label, self.ctx.lex))

    def _name_goes_on(self, ent: SpacySpan) -> int:
        """Where an organisation's name ends that NER cut short: "Operational Command" + "of
        the Armed Forces", "United Nations Office" + "for the Coordination of Humanitarian
        Affairs", "Ministry of Foreign Affairs" + "and Expatriates" (not "and the army")."""
        doc = self.doc
        end = j = _listed_name_end(ent)
        while j < len(doc) and doc[j].sent == ent.sent:
            t = doc[j]
            if (
                t.lower_ in ("of", "for", "on")
                # "the US Embassy" + "in Pretoria": a mission is named with its city
                or (
                    t.lower_ == "in"
                    and j == ent.end
                    and (
                        doc[j - 1].lemma_.lower() in MISSIONS
                        or doc[j - 1].lower_ == "general"  # "Consulate General"
                        and doc[j - 2].lemma_.lower() in MISSIONS
                    )
                    and j + 1 < len(doc)
                    and doc[j + 1].ent_type_ == "GPE"
                )
                or (t.lower_ == "the" and doc[j - 1].lower_ != "and")
                or t.lower_ == "and"
                and j + 1 < len(doc)
                and doc[j + 1].is_title
                and not _another_body(ent, t)
            ):
                j += 1
            elif t.is_title and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in _NOT_NAMES:
                j += 1
                end = j
            else:
                break
        return end

    def _regional(self, place: SpacySpan, ent: SpacySpan) -> bool:
        """ "The Missouri Republican Party": a body's branch in a region of a country,
        named before it, is an actor of its own (not "Turkey's DEM Party")."""
        if place.label_ not in ("GPE", "ORG") or _possessive_before(place, ent):
            return False
        found = default_place_resolver().resolve(_describe(place))
        return found is not None and found.kind is LocationKind.PROVINCE

    def _fuller(self, name: str) -> ActorRef | None:
        """ "the Air Force" after "Ukraine's Air Force", "the Operational Command" after
        "Poland's Operational Command of the Armed Forces": the body this article named with
        its owner, latest first (not "the United Nations" after "the Food and Agriculture
        Organization of the United Nations")."""
        if name.isalpha() and name.isupper() and 2 <= len(name) <= 8:
            return self._spelled_out(name)
        owned = re.compile(rf"(?P<owner>\S.*\s)?{re.escape(name)}(?P<of>\s+of\s.+)?", re.IGNORECASE)

        def fits(full: str) -> bool:
            m = owned.fullmatch(full)
            return (
                m is not None
                and bool(m["owner"] or m["of"])
                and not (
                    m["owner"] and re.search(r"\b(?:of|the|for|and|in|on|to)\s$", m["owner"], re.I)
                )
            )

        for ref in reversed(self.bodies):
            if fits(ref.name):
                return ref
        # one named in full before without speaking ("handed over to the Israel Police …
        # Police said")
        for ent in reversed(self.ctx.ents_in(0, self.at, ("ORG",))):
            if ent.label_ == "ORG" and fits(full := _describe(ent)):
                return self.actors.resolve(full, "ORG") or self._new_body(full, "ORG")
        return None

    def _spelled_out(self, initials: str) -> ActorRef | None:
        """ "the ISPR statement" after "the Inter-Services Public Relations (ISPR)": the body
        named before whose initials these are, where the gazetteer knows no other meaning
        or the article spells them out."""
        if (
            self.actors.gaz.find_actor(initials) is not None
            and f"({initials})" not in self.ctx.text
        ):
            return None
        spelled = next((r for r in reversed(self.bodies) if _initials(r.name) == initials), None)
        if spelled is not None:
            return spelled
        return next(
            (
                self._known(_describe(ent), "ORG")
                for ent in reversed(self.ctx.ents_in(0, self.at, ("ORG",)))
                if _initials(_describe(ent)) == initials
            ),
            None,
        )

    def _group(self, span: SpacySpan) -> ActorRef | None:
        head = span.root
        if head.tag_ in ("NNS", "NNPS") or any(t.dep_ == "conj" for t in span):
            kind = (
                ActorKind.ANONYMOUS
                if head.lemma_.lower() in self.ctx.lex.anonymous_heads
                else ActorKind.GROUP
            )
            return self._ref(_describe(span), kind)
        if head.pos_ == "NOUN" and (
            head.lower_.endswith(_AGENT_SUFFIXES)
            or head.lemma_.lower() in self.ctx.lex.person_heads
            # "A shepherd from the hamlet of X, who lost around 60 sheep,"
            or any(t.dep_ == "relcl" and t.left_edge.lower_ == "who" for t in span)
        ):
            # "the engineer", "a resident", "a nurse at the hospital": one unnamed person
            return self._ref(_describe(span), ActorKind.ANONYMOUS)
        if head.pos_ in ("NOUN", "PROPN"):
            return self._ref(_describe(span), ActorKind.GROUP)
        return None

    # -- pronouns -----------------------------------------------------------------------

    def _resolve_pronouns(self, pronoun: list[Candidate]) -> None:
        chains: list[list[Candidate]] = []
        for c in pronoun:
            if chains and self._continues_chain(chains[-1][-1], c):
                chains[-1].append(c)
            else:
                chains.append([c])
        for chain in chains:
            first = chain[0]
            pron = self._pronoun(first) or "he"
            excluded = set()
            for member in chain:
                for m in self.candidates:
                    if m is member or m.root() is member:
                        excluded |= self._named_in_content(m)
            ref = self._antecedent(first, pron, excluded)
            # "they" for the states of a joint statement: all of them
            co = (
                next(
                    (
                        o.co_actors
                        for o in reversed(self.candidates)
                        if o.actor is ref and o.co_actors
                    ),
                    [],
                )
                if ref is not None and pron in ("they", "we")
                else []
            )
            for member in chain:
                member.actor = ref
                member.co_actors = list(co)
            g = _PRONOUN_GENDER.get(pron)
            if g and isinstance(ref, ActorRef) and ref.kind == ActorKind.PERSON:
                self.gender.setdefault(ref.name, g)

    def _continues_chain(self, prev: Candidate, c: Candidate) -> bool:
        if self._pronoun(prev) != self._pronoun(c):
            return False
        bp = self.ctx.layout.block_at(prev.start)
        bc = self.ctx.layout.block_at(c.start)
        if bc - bp > 2:
            return False
        between = [
            o for o in self.candidates
            if prev.start < o.start < c.start and o.parent is None and self._pronoun(o) is None
        ]  # fmt: skip
        if between:
            return False
        # a sentence about another named person in between breaks the chain, and so does
        # the one person named in the sentence before, in the pronoun's paragraph
        before = self._previous_sentence(c.sentence)
        if (
            before is not None
            and any(prev.end < p.start < c.start and p.sentence == before for p in self.persons)
            and self._only_person_named(before, c) is not None
        ):
            return False
        for p in self.persons:
            if (
                prev.end < p.start < c.start
                and (p.subject or _fronted_for(p) or _apposed_to_subject(p.root))
                and not any(o.overlaps(p.start, p.end) for o in self.candidates)
            ):
                return False
        return True

    def _named_in_content(self, c: Candidate) -> set[str]:
        return {p.canonical for p in self.persons if c.overlaps(p.start, p.end)}

    def _antecedent(self, c: Candidate, pron: str, excluded: set[str]) -> ActorRef | None:
        assert c.speaker is not None
        at = c.speaker.start_char
        # the sentence where the attribution begins: a quotation before the cue may open
        # sentences earlier ("“They have not changed. They are reloading,” he said.")
        first = self.ctx.sentence_at(c.start)
        si = min(c.sentence, first) if first >= 0 else c.sentence
        gender = _PRONOUN_GENDER.get(pron)

        def fits(ref: ActorRef | None) -> bool:
            if not isinstance(ref, ActorRef) or ref.name in excluded:
                return False
            if ref.kind == ActorKind.PERSON:
                known = self.gender.get(ref.name)
                return gender is None or known is None or known == gender
            # an unnamed single person ("one executive", "a senior official"), not one the
            # description gives the other gender ("the spokesman" is no "she")
            described = {_GENDERED.get(w.lower()) for w in ref.name.split()} - {None}
            return (
                ref.kind == ActorKind.ANONYMOUS
                and _singular(ref.name)
                and (gender is None or not described or described == {gender})
            )

        def usable(p: _Person) -> bool:
            block = self.ctx.layout.block_at(p.start)
            return (
                fits(self._person_ref(p))
                and block not in self.embed_blocks
                and block >= 0
                and self.ctx.layout.blocks[block].extractable  # not a byline's writer
                and not any(
                    o.overlaps(p.start, p.end) and o.kind.value == "direct" for o in self.candidates
                )
            )

        if pron in ("he", "she", "i"):
            # 1. a person who is the subject earlier in the same sentence
            same = [
                p
                for p in self.persons
                if p.sentence == si and p.start < at and p.subject and usable(p)
            ]
            if same:
                return self._person_ref(same[-1])
            # 2. the topic of the sentences before: a speaker, else a subject; a sentence
            #    whose subject is the same pronoun passes the topic on ("But she is …")
            prev_si = self._previous_sentence(si)
            for _ in range(3):
                if prev_si is None:
                    break
                topic = self._topic(prev_si)
                if topic is not None and self._silent(prev_si):
                    # "Nasution did not respond to requests for comment.": not the one who
                    # goes on speaking
                    prev_si = self._previous_sentence(prev_si)
                    continue
                if topic is not None:
                    if fits(topic):
                        return topic
                    break
                named = self._only_person_named(prev_si, c)
                if named is not None and fits(named):
                    return named
                earlier = self._previous_sentence(prev_si)
                if not self._pronoun_subject(prev_si, pron) and not (
                    # "Iliev, a former banker, took office in February. Parliament is due to
                    # vote next week. ¶ He said …": the paragraph's topic, past a sentence
                    # about no one
                    earlier is not None
                    and self.ctx.layout.sentence_block[earlier]
                    == self.ctx.layout.sentence_block[prev_si]
                    and not self._pronoun_subject(prev_si, *_PERSONAL)
                ):
                    break
                prev_si = earlier
            # 3. the last speaker the article quoted
            block = self.ctx.layout.block_at(c.start)
            for other in reversed(self.candidates):
                if other.start >= c.start or other is c or other.rule == "dash":
                    continue
                if block - self.ctx.layout.block_at(other.start) > 6:
                    break
                if fits(other.actor if isinstance(other.actor, ActorRef) else None) or (
                    # "“…,” a company spokeswoman said. She added …": the body she spoke for
                    isinstance(other.actor, ActorRef) and _spokesperson_of(other, gender)
                ):
                    return other.actor  # type: ignore[return-value]
            # 4. the last person named as a subject, else the last person named
            before = [p for p in self.persons if p.start < at and usable(p)]
            subjects = [p for p in before if p.subject]
            if subjects or before:
                return self._person_ref((subjects or before)[-1])
            return None
        # "The council expressed concern over what it called …": the body that is the
        # subject earlier in the same sentence
        if pron in ("it", "they"):
            body = self._subject_body_before(si, at, plural=pron == "they")
            prev_si = self._previous_sentence(si) if body is None else None
            if prev_si is not None:
                # "The Prosecutor General's Office welcomed the verdict. In a statement, it
                # said …": the body the sentence before is about
                body = self._subject_body_before(prev_si, at, plural=pron == "they")
            if body is not None:
                return body
        # they / it / we: the last non-person speaker, else the last group or organisation
        for other in reversed(self.candidates):
            if (
                other.start < c.start
                and isinstance(other.actor, ActorRef)
                and other.actor.kind != ActorKind.PERSON
            ):
                return other.actor
        return None

    def _only_person_named(self, si: int, c: Candidate) -> ActorRef | None:
        """ "Portugal will not fight for the final - that was the message from FPF president
        Rui X. “We want the opening match,” he told Lusa.": the one person a sentence names,
        in the pronoun's own paragraph."""
        layout = self.ctx.layout
        if layout.sentence_block[si] != layout.block_at(c.start):
            return None
        named = [p for p in self.persons if p.sentence == si]
        if len({p.canonical for p in named}) != 1:
            return None
        return self._person_ref(named[0])

    def _subject_body_before(self, si: int, at: int, plural: bool) -> ActorRef | None:
        for t in self.ctx.layout.sentences[si]:
            if t.idx >= at:
                break
            if (
                t.dep_ in ("nsubj", "nsubjpass")
                and (self._institution(t) or t.lemma_.lower() in _INSTITUTION_HEADS)
                and (t.tag_ in ("NNS", "NNPS")) == plural
                and not any(p.start <= t.idx < p.end for p in self.persons)
            ):
                return self._organisation(core_np(t))
        return None

    def _pronoun_subject(self, si: int, *prons: str) -> bool:
        root = self.ctx.layout.sentences[si].root
        return any(c.dep_ in _SUBJECT and c.lower_ in prons for c in root.children)

    # -- gender -------------------------------------------------------------------------

    def _genders(self) -> dict[str, str]:
        """What the article itself says of each person's gender: a gendered title or
        description ("Mr.", "spokeswoman"), or a pronoun in a sentence that names only them
        ("Asked whether he could …, Lundgren said"; "X keeps a photograph of her …")."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        kin: set[str] = set()  # people described by their kin to someone else
        doc = self.doc
        for p in self.persons:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            words = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
            appos = child(p.root, "appos")
            if appos is not None and not any(c.lower_ == "whose" for c in appos.children):
                # (not another's: "Rima X, whose brother, a firefighter, was killed")
                # not of a name inside it ("a researcher at Sultan Qaboos University")
                words += [t.lower_ for t in appos.subtree if not t.ent_type_]
            for k, w in enumerate(words):
                g = _GENDERED.get(w.rstrip("."))
                if g:
                    votes[p.canonical][g] += 2
                if g and k > 0 and words[k - 1] in _PRONOUN_FORMS:
                    # "His wife, Latifa X, said he had not been allowed …": the pronouns
                    # around her are his
                    kin.add(p.canonical)
        by_sentence: dict[int, set[str]] = defaultdict(set)
        subjects: set[int] = set()  # sentences whose subject a person is
        for p in self.persons:
            by_sentence[p.sentence].add(p.canonical)
            if _subject(p.root):  # (or in apposition to the subject)
                subjects.add(p.sentence)
            if p.root.dep_ != "nsubj":
                continue
            # "Torres, standing beside Jensen, said she would …": the subject of the clause
            # its verb reports is the same person
            for clause in p.root.head.children:
                if clause.dep_ not in ("ccomp", "conj", "advcl"):
                    continue
                for s in clause.children:
                    g = _PRONOUN_GENDER.get(s.lower_)
                    if g and s.dep_ in ("nsubj", "nsubjpass") and not self.ctx.inside_quote(s):
                        votes[p.canonical][g] += 1
        for si, names in by_sentence.items():
            if len(names) != 1 or si not in subjects:
                continue  # ("Her stance put her at odds with Senator X": someone else's)
            (name,) = names
            if name in kin:
                continue
            sentence = self.ctx.layout.sentences[si]
            if any(
                s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in _PRONOUN_GENDER
                for s in sentence.root.children
            ):
                continue  # "She said … X's detention": the subject is someone named before
            for t in sentence:
                g = _PRONOUN_FORMS.get(t.lower_)
                if g and t.pos_ == "PRON" and not self.ctx.inside_quote(t):
                    votes[name][g] += 1
        out = {}
        for name, v in votes.items():
            (g, n), *rest = v.most_common()
            if not rest or n > rest[0][1]:
                out[name] = g
        # where the article says little, the given name ("Mark Jensen" is no "she"): one
        # pronoun in a sentence about them (perhaps of someone in their words) is not enough
        given = given_names()
        for p in self.persons:
            words = p.canonical.split()
            if (
                len(words) >= 2
                and words[0] in given
                and (p.canonical not in out or sum(votes[p.canonical].values()) <= 1)
            ):
                out[p.canonical] = given[words[0]]
        return out

    def _previous_sentence(self, si: int) -> int | None:
        j = si - 1
        while j >= 0:
            b = self.ctx.layout.sentence_block[j]
            if b >= 0 and self.ctx.layout.blocks[b].extractable and b not in self.embed_blocks:
                return j
            j -= 1
        return None

    def _silent(self, si: int) -> bool:
        """Whether sentence ``si`` says its subject did not speak ("did not respond to
        requests for comment", "declined to comment", "could not be reached", "did not
        attend the news conference")."""
        for t in self.ctx.layout.sentences[si]:
            if t.lemma_.lower() not in _SILENT_VERBS or t.pos_ not in ("VERB", "AUX"):
                continue
            refused = t.dep_ == "xcomp" and t.head.lemma_.lower() in ("decline", "refuse")
            if refused or any(c.dep_ == "neg" for c in t.children):
                return True
        return False

    def _topic(self, si: int) -> ActorRef | None:
        for o in self.candidates:
            if o.sentence == si and isinstance(o.actor, ActorRef):
                return o.actor
        sent = self.ctx.layout.sentences[si]
        fronted = next((p for p in self.persons if p.sentence == si and _fronted_for(p)), None)
        if fronted is not None:
            return self._person_ref(fronted)
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            placed = (p for p in self.persons if p.sentence == si and _subject_after_place(p.root))
            return next((self._person_ref(p) for p in placed), None)
        for p in self.persons:
            # the subject, or a name in apposition to it ("The rebels' chief negotiator,
            # Abdoulaye Mahamat, struck a more cautious note.")
            if p.sentence == si and (
                p.root.i == subj.i
                or (p.root.dep_ == "appos" and p.root.head.i == subj.i)
                # "Mines and Energy Minister X hailed …", parsed as two subjects
                or (p.root.dep_ == "conj" and p.root.head.i == subj.i)
                # "A spokesman for the national ministry, Tomás Berardi, rejected …": the
                # name closing the subject's phrase, hung on the body
                or (
                    p.root.dep_ == "appos"
                    and subj.i < p.root.head.i <= subj.right_edge.i
                    and p.root.right_edge.i >= subj.right_edge.i - 1
                    and subj.lemma_.lower() in self.ctx.lex.role_heads
                )
            ):
                return self._person_ref(p)
        if subj.pos_ == "PROPN":
            # a surname NER took for something else ("Castañeda, a retired general, …")
            named = self._person_in(core_np(subj))
            if named is not None:
                return self._person_ref(named)
        if (
            subj.pos_ == "NOUN"
            and subj.lemma_.lower() in self.ctx.lex.anonymous_heads
            and subj.tag_ == "NN"
        ):
            # "A senior Gulf official, who asked not to be named, was blunter."
            return self._ref(_describe(core_np(subj)), ActorKind.ANONYMOUS)
        return None


# --------------------------------------------------------------------------- helpers


#: a Roman numeral of two letters or more ("II", "IV"): "I" alone is a pronoun
_ROMAN = re.compile(r"[IVX]{2,4}")


def _kin_of(tok: Token) -> bool:
    """Whether ``tok``, a child of a noun of kinship, names whose kin it is ("the victim's",
    "of the late leader"; not "of seven")."""
    return tok.dep_ == "poss" or (tok.lower_ == "of" and not any(g.like_num for g in tok.children))


def _titled(person: _Person, role: tuple[str, str | None, bool]) -> bool:
    """Whether one of the person's titles is of the role's noun ("trade minister" and
    "minister of international trade")."""
    noun = role[0].split()[-1]
    return any(noun in (k.split()[0], k.split()[-1]) for k, _, _ in person.roles)


def _hails_from(name: Token, head: Token) -> bool:
    """Whether ``name`` is where the person ``head`` describes comes from ("a farmer from
    the municipality of" + name, "a trader in" + name)."""
    t, seen = name, False
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        seen = seen or t.head.lower_ in ("from", "in")
        t = t.head.head
        if t.dep_ == "relcl" and t.lemma_ in ("live", "work", "stay") and t.head.i == head.i:
            return seen  # "a plant employee who still lives in" + name
        if t.i == head.i:
            return seen
    return False


def _subject_after_place(root: Token) -> bool:
    """Whether a name the parser joined to a fronted place is the subject its verb lacks
    ("In Mongbwalu, Daniel Lokana, 22, has been digging …")."""
    if root.dep_ != "conj" or root.head.dep_ != "pobj" or root.head.ent_type_ == "PERSON":
        return False
    prep = root.head.head
    verb = prep.head
    return (
        prep.dep_ == "prep"
        and prep.i == prep.sent.start
        and verb.pos_ in ("VERB", "AUX")
        and verb.i > root.i
        and root.doc[root.left_edge.i - 1].text == ","
        and not any(c.dep_ in _SUBJECT for c in verb.children)
    )


def _fronted_for(p: _Person) -> bool:
    """Whether the person is the one a sentence opens by saying it is about ("For Hassan X,
    a taxi driver, the debate feels distant.")."""
    first = p.root.head
    return first.lower_ == "for" and first.dep_ == "prep" and first.is_sent_start


def _proper_before(span: SpacySpan, ent: SpacySpan, titles: Iterable[str]) -> bool:
    """Whether a place's name in ``span`` comes after capitalised proper nouns that are no
    title ("Metro" + "Istanbul", "WWF-Turkey")."""
    words = [t for t in span if t.i < ent.start and not (t.dep_ == "det" and t.is_lower)]
    return (
        any(t.is_alpha for t in words)
        and all(
            (t.text == "-" and not t.whitespace_)
            or (t.pos_ == "PROPN" and (t.is_title or t.is_upper) and t.lower_ not in titles)
            for t in words
        )
        and ent.end == span.end
    )


def _name_reaches_back(name: SpacySpan, span: SpacySpan) -> int:
    """Where a name NER cut short at its start opens, within the speaker as written: the
    capitalised proper nouns and their joining words before it ("Environment and" +
    "Climate Change Canada", "Kilusang Magbubukid ng" + "Pilipinas")."""
    doc = name.doc
    start = j = name.start
    while j > span.start:
        t = doc[j - 1]
        # (a capitalised word, or a brand's "AirNav" + "Indonesia")
        capital = t.text[:1].isupper() and not t.is_upper and t.is_alpha
        if t.pos_ == "PROPN" and capital and t.ent_type_ not in ("GPE", "NORP", "DATE"):
            start = j = j - 1
        elif t.lower_ == "and" and j - 1 > span.start and _place_and(doc[j - 2], doc[j], name):
            start = j = j - 2  # "the Truro and" + "District Chamber of Commerce"
        elif t.lower_ in ("and", "of", "for", "ng") and j - 1 > span.start:
            # not back into another name ("Sahabat Alam Malaysia and" + …)
            label = doc[j - 2].ent_type_
            other = bool(label) if t.lower_ == "and" else label in ("ORG", "GPE", "NORP")
            if other:
                break
            j -= 1
        else:
            break
    return start


def _body_described(appos: Token, lex: Lexicon) -> bool:
    """ "A spokesman for the Generalitat, Catalonia's regional government,": an apposition
    the parser hung on the spokesman that describes the body he speaks for, a common noun
    for no person."""
    low = appos.lemma_.lower()
    return (
        appos.pos_ == "NOUN"
        and appos.tag_ == "NN"
        and low not in lex.person_heads
        and low not in lex.role_heads
        and low not in lex.anonymous_heads
    )


def _listed_name_end(ent: SpacySpan) -> int:
    """Where a name that lists what a body is of or for ends, NER stopping at a comma or an
    "and": "The Ministry of Information, Communications" + "and the Digital Economy", "The
    Kenya Medical Practitioners" + ", Pharmacists and Dentists Union". The capitalised runs
    after it, up to the one after "and", must hang on the name or on each other, one of
    them as its conjunct, and the list must have a comma."""
    doc = ent.doc
    j, last, comma = ent.end, False, any(t.text == "," for t in ent)
    while j < len(doc) and not last and doc[j].sent == ent.sent:
        if doc[j].text == ",":
            comma = True
        elif doc[j].lower_ == "and":
            last = True
            if j + 1 < len(doc) and doc[j + 1].lower_ == "the":
                j += 1
        else:
            break
        run = j + 1
        while run < len(doc) and doc[run].is_title and doc[run].pos_ in ("PROPN", "NOUN"):
            run += 1
        if run == j + 1:
            return ent.end
        j = run
    if not last or not comma:
        return ent.end
    tail = doc[ent.end : j]
    inside = all(ent.start <= t.head.i < j for t in tail if t.is_title)
    joined = any(t.dep_ == "conj" and ent.start <= t.head.i < ent.end for t in tail)
    return j if inside and joined else ent.end


def _place_and(place: Token, joined: Token, name: SpacySpan) -> bool:
    """Whether ``place`` and ``joined`` are the joined words a body's name opens with, NER
    labelling the first on its own ("the Truro and" + "District Chamber of Commerce", "the
    Medicines and" + "Healthcare products Regulatory Agency"): the first modifies the
    name's noun, and the word after "and" is its conjunct."""
    return (
        place.ent_type_ in ("GPE", "LOC", "ORG")
        and place.ent_iob_ == "B"
        and (place.i + 1 >= len(place.doc) or place.doc[place.i + 1].ent_iob_ != "I")
        and place.dep_ in ("nmod", "compound")
        and name.start <= place.head.i < name.end
        and joined.dep_ == "conj"
        and joined.head.i == place.i
    )


def _named_after_person(span: SpacySpan) -> bool:
    """Whether the phrase is a proper name of its own that a person's name only opens
    ("Kilusang Magbubukid ng Pilipinas", "The Mittimatalik Hunters and Trappers
    Organization", where NER took the first words for a person): it ends in a capitalised
    proper noun with no possessive before it."""
    root = span.root
    return (
        root.pos_ == "PROPN"
        and root.is_title
        and root.i == span.end - 1
        and not any(t.tag_ == "POS" for t in span)
    )


def _after_body_possessive(name: SpacySpan) -> bool:
    """Whether ``name`` comes right after an organisation's or a party's possessive ("The
    EFF's" + …)."""
    doc, i = name.doc, name.start
    return i >= 2 and doc[i - 1].tag_ == "POS" and doc[i - 2].ent_type_ in ("ORG", "NORP")


#: what words are said or sent to someone in ("in an email to X", "told X")
_ADDRESSED = frozenset(
    {"email", "statement", "letter", "interview", "comment", "remark", "message", "reply",
     "response", "say", "tell", "speak", "talk", "write", "send"}
)  # fmt: skip


def _addressee(tok: Token) -> bool:
    """Whether ``tok`` names whom words were said to ("In an email to Nunavut Now, the
    company said", "told Reuters"), who is not who said them."""
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() == "tell"
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "to"
        and tok.head.head.lemma_.lower() in _ADDRESSED
    )


def _called_a_body(p: _Person) -> bool:
    """Whether a one-word "name" follows a noun for a company ("Ukraine's state nuclear
    operator Energoatom"): a body's, whatever NER took it for."""
    return " " not in p.surface and _called_a_body_at(p.root)


def _called_a_body_at(first: Token) -> bool:
    """Whether a name starting at ``first`` follows a noun for a company."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.is_lower and before.lemma_ in _COMPANY_NOUNS


def _trailing_cue(cue: Token) -> bool:
    """Whether a cue the parser hung on the reported clause closes the sentence as its own
    report ("Revenue … has fallen …, the head of the waterway said on Monday")."""
    subj = next((t for t in cue.lefts if t.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        cue.dep_ in ("parataxis", "ccomp", "conj")
        and cue.head.dep_ == "ROOT"
        and cue.head.i < cue.i
        and not any(t.dep_ in ("mark", "cc") for t in cue.children)
        and subj is not None
        and subj.left_edge.i > 0
        and cue.doc[subj.left_edge.i - 1].text == ","
    )


def _press_unit(head: Token) -> bool:
    """Whether a noun is a body's press or media office ("press service", "media office",
    "information department"), through which the body itself speaks."""
    before = head.nbor(-1).lower_ if head.i > 0 else ""
    return head.lemma_.lower() in ("service", "office", "department", "centre", "center") and (
        before in ("press", "media", "information")
    )


def _named_body(span: SpacySpan) -> bool:
    """Whether a phrase is a body's name NER labelled whole, its head a capitalised noun
    ("the Island Transport Authority")."""
    head = span.root
    return (
        head.tag_ == "NNP"
        and head.ent_type_ == "ORG"
        and any(t.pos_ == "PROPN" and t.ent_type_ == "ORG" for t in span if t.i != head.i)
    )


def _name_head(name: str) -> str:
    """The word a body's name is headed by ("Union" of "Delhi University Students' Union",
    "University" of "University of Delhi"), lower-cased."""
    words = re.split(r"\s+of\s+", name, maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


def _owned_medium(tok: Token) -> bool:
    """ "its Telegram channel", "his X account": a name on the thing someone's words were
    posted on, which is not who spoke."""
    return tok.dep_ == "compound" and _owned_by_pronoun(tok.head.children)


def _unlabelled_after(ent: SpacySpan) -> SpacySpan | None:
    """One or two capitalised proper nouns right after ``ent`` that NER labelled nothing,
    with an Arabic article joined by a hyphen ("Rania" + "al-Fitouri")."""
    doc = ent.doc
    end, words = ent.end, 0
    while end < len(doc) and words < 2 and not doc[end].ent_type_:
        t = doc[end]
        if t.pos_ == "PROPN" and t.is_title:
            words += 1
            end += 1
        elif (
            t.lower_ in ("al", "el")
            and end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and doc[end + 2].is_title
            and not doc[end + 2].ent_type_
        ):
            end += 2
        else:
            break
    return doc[ent.end : end] if words else None


def _portfolio_word(t: Token) -> bool:
    """Whether a word may be a common word of a minister's portfolio ("Migration",
    "Vocational"), not the start of a name: one the vocabulary knows and no given name."""
    return t.doc.vocab.has_vector(t.lower_) and strip_marks(t.text) not in given_names()


def _apposed_to_subject(name: Token) -> bool:
    """ "Morocco's sports minister Nabil Amrani struck a different tone": a name in
    apposition to a sentence's subject is what the sentence is about."""
    return name.dep_ == "appos" and name.head.dep_ in _SUBJECT


def _noun_fits(noun: Token, ref: ActorRef, named: SpacySpan) -> bool:
    """Whether a body's name fits the noun and the words that described it: any name fits
    a bare generic or party noun; "the country's electoral commission" is the "Electoral
    Commission of Zambia", but "the disaster management agency" is no "National
    Institute of Meteorology"."""
    lemma = noun.lemma_.lower()
    if lemma in _PARTY_NOUNS:
        return True
    words = {w.lower() for n in (ref.name, named.text, *ref.aliases) for w in re.findall(r"\w+", n)}
    kinds = _BODY_NOUNS.get(lemma, frozenset()) | {lemma}
    if lemma not in _GENERIC_BODIES and not kinds & words:
        return False
    stems = {w[:5] for w in words if len(w) > 3}
    qualifiers = [
        t
        for t in noun.children
        if t.dep_ in ("compound", "amod")
        and t.pos_ in ("NOUN", "ADJ")
        and not t.ent_type_
        and t.lower_ not in _PLAIN_QUALIFIERS
    ]
    return not qualifiers or any(t.lower_[:5] in stems for t in qualifiers)


def _another_body(ent: SpacySpan, conjunction: Token) -> bool:
    """ "Human Rights Watch and Fortify Rights said": the name after "and" is another
    body's, coordinated with the whole name, not a part of it ("Ministry of Trade and
    Industry")."""
    doc = ent.doc
    if any(t.lower_ in ("of", "for") for t in ent):
        return False  # "Ministry of Foreign Affairs and Expatriates"
    k = conjunction.i + 1
    while k < len(doc) and doc[k].is_title:
        if doc[k].dep_ == "conj":
            # (the head of a name the parser read as a clause may be inside it: "Save the
            # Children and Plan International")
            return doc[k].head.i == ent.root.i or ent.root.i < doc[k].head.i < ent.end
        k += 1
    return False


def _indefinite(span: SpacySpan) -> bool:
    """Whether a phrase's head takes "a" or "an" ("a spokesperson for Water UK"; "Iran
    Human Rights, an Oslo-based NGO,": a kind of body NER labelled, not a body's name)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.root.lefts)


def _hyphen_joined(t: Token) -> bool:
    """Whether a word stands between hyphens inside a name ("e" of "Tehreek-e-Insaf")."""
    doc = t.doc
    return (
        0 < t.i < len(doc) - 1
        and doc[t.i - 1].text == "-"
        and doc[t.i + 1].text == "-"
        and not doc[t.i - 1].whitespace_
        and not t.whitespace_
    )


def _closing_name(span: SpacySpan) -> SpacySpan | None:
    """The name that ends a body's phrase after words only describing it ("the main
    opposition Bangladesh Nationalist Party", "Shipping giant Maersk", "Opposition party
    GroenLinks-PvdA"), where those words are in small letters (but for a first word, which
    no name takes in). None where the phrase is a name as a whole or holds a country or a
    people's adjective ("the Iraqi oil ministry")."""
    doc = span.doc
    end = span.end
    while end > span.start and doc[end - 1].is_punct:
        end -= 1
    start = end
    inner = ("-", "+", "'s", "’s")  # "GroenLinks-PvdA", "Botswana People's Front"
    while start > span.start and (
        doc[start - 1].text in inner
        or (doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_lower)
        # a capital noun inside a body's name ("People's Front")
        or (
            doc[start - 1].pos_ == "NOUN"
            and doc[start - 1].is_title
            and doc[start - 1].ent_type_ == "ORG"
        )
        # inside a body's name NER found whole ("Pakistan Tehreek-e-Insaf")
        or (
            doc[start - 1].ent_type_ == "ORG"
            and doc[start - 1].ent_iob_ == "I"
            and (not doc[start - 1].is_lower or _hyphen_joined(doc[start - 1]))
        )
    ):
        start -= 1
    if start == end or start == span.start or doc[start].text in inner:
        return None
    name = doc[start:end]
    if any(t.ent_type_ in ("PERSON", "GPE", "NORP") for t in name):
        return None
    if any(t.ent_type_ == "ORG" and t.ent_iob_ != "B" for t in doc[start : start + 1]):
        return None  # the name goes on to the left ("Citizens' Coalition for …")
    words = [t for t in doc[span.start : start] if t.pos_ not in ("DET", "PUNCT", "PART")]
    if words and words[-1].is_lower and words[-1].lemma_ in _KIND_NOUNS:
        return name  # "Danish shipping group Maersk": what kind of body, then its name
    # (small words are a description whatever NER or the tagger made of them: "the national
    # statistics institute INDEC")
    if not words or any(t.ent_type_ and not t.is_lower for t in words):
        return None
    first, rest = words[0], words[1:]
    if not all(t.is_lower and t.pos_ in ("ADJ", "NOUN", "PROPN") for t in rest):
        return None
    # a capital first word is a description where small words follow it ("Opposition party")
    described = (
        first.pos_ in ("ADJ", "NOUN", "PROPN") if first.is_lower else first.i == span.start and rest
    )
    return name if described else None


def _name_before_noun(head: Token) -> SpacySpan | None:
    """The name right before a noun saying what kind of body it is, with its initials in
    brackets skipped ("the opposition Pakistan Tehreek-e-Insaf (PTI) party", "the OPEC+
    alliance"); None for a people's or a country's name alone ("the Kenyan party")."""
    doc = head.doc
    end = head.i - 3 if initials_in_brackets(head) else head.i
    start = end
    while start > 0:
        t = doc[start - 1]
        joined = t.i > 0 and doc[t.i - 1].text == "-" and doc[start].text == "-"  # "-e-"
        # "the opposition Law and Justice party"
        joined = joined or t.lower_ in ("and", "&") and t.i > 0 and doc[t.i - 1].is_title
        if t.text in ("-", "+") or (t.text[:1].isupper() and t.is_alpha) or joined:
            start -= 1
        else:
            break
    if start == end or doc[start].text in ("-", "+") or doc[start].is_sent_start:
        return None
    name = doc[start:end]
    if all(t.ent_type_ in ("GPE", "NORP") or t.is_punct for t in name):
        return None
    if any(t.ent_type_ == "PERSON" for t in name):
        return None
    return name


def _trade(t: Token) -> bool:
    """A capitalised word with the ending of a trade's noun ("Orchardist", "Shopkeeper")
    that no list of given names holds."""
    return (
        t.is_title
        and t.lower_.endswith(_TRADE_ENDINGS)
        and strip_marks(t.text) not in given_names()
    )


def _rare_given_name(t: Token) -> bool:
    """An unlabelled capitalised word with no word vector: no common word, most likely a
    given name the list does not hold ("Abdiqani")."""
    return (
        t.ent_type_ == ""
        and t.is_title
        and t.is_alpha
        and len(t) > 2
        and not t.doc.vocab.has_vector(t.lower_)
    )


def _body_kind(name: str, label: str | None, lex: Lexicon) -> ActorKind:
    """The kind of body a name the gazetteer does not know tells."""
    if label == "GPE":
        return ActorKind.STATE
    if lex.media.search(name):
        return ActorKind.MEDIA
    if _GOVERNMENT.search(name):
        return ActorKind.GOVERNMENT
    if _ARMED.search(name) or ARMED_FRONT.search(name):
        return ActorKind.ARMED_GROUP
    if _PARTY.search(name):
        return ActorKind.PARTY
    return ActorKind.ORGANIZATION


def _qualified(t: Token) -> bool:
    """ "the Danish embassy in Nairobi", "Kenya's embassy": a noun said whose it is."""
    return any(
        c.dep_ in ("amod", "compound", "poss")
        and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")
        for c in t.children
    )


_SUBJECT = frozenset({"nsubj", "nsubjpass"})


def _subject(t: Token) -> bool:
    """A clause's subject, or a name in apposition to it ("copper giant Codelco")."""
    return t.dep_ in _SUBJECT or t.dep_ == "appos" and t.head.dep_ in _SUBJECT


def _based_in(ent: SpacySpan) -> bool:
    """ "Guangzhou" of "the Guangzhou-based company": where a body sits, not its name."""
    return ent.root.head.lemma_ == "base" and ent.root.head.i == ent.end + 1


def _place_as_name(ent: SpacySpan) -> bool:
    """ "commanders in Kunar and Nangarhar provinces": a place NER took for a person, where
    its words say it is one (after "in", "from"…, or before "province"…)."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before == "the" and len(ent) == 1 and doc[ent.start - 2].lower_ in _PLACE_PREPOSITIONS:
        return True  # "working in the Fezzan": no one's name takes "the"
    if _settlement(ent):
        return True  # "the Spanish village of Valencia de Alcántara"
    after = {t.lemma_.lower() for t in doc[ent.end : ent.end + 3]}
    if before not in _PLACE_PREPOSITIONS and not after & _PLACE_NOUNS:
        return False
    if ent.text.split()[0] in given_names():
        return False
    return default_place_resolver().resolve(ent.text) is not None


def _possessive_before(owner: SpacySpan, ent: SpacySpan) -> bool:
    """ "Ukraine's" + "Air Force": ``owner`` and its "'s" right before ``ent``."""
    return owner.end == ent.start - 1 and owner.doc[owner.end].lower_ in ("'s", "’s")


def _given(word: str) -> bool:
    """A common given name, or a hyphenated pair with one ("Pieter-Jan", "Hans-Peter")."""
    names = given_names()
    return word in names or ("-" in word and any(w in names for w in word.split("-")))


def _name_word(t: Token) -> bool:
    """A capitalised word NER may have missed or mislabelled inside a person's name."""
    return t.is_title and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ in _NAME_LABELS


def _singular(description: str) -> bool:
    """ "executive at a manufacturer" yes, "officials" no: the head is the first noun."""
    words = description.replace(",", " ").split()
    head = next((w for w in words if w.lower() not in ("senior", "top", "western", "local")), "")
    for w in words:
        if w.lower() in ("at", "in", "of", "from", "for", "with", "who", "close", "familiar"):
            break
        head = w
    low = head.lower()
    if low in _IRREGULAR_PLURALS:
        return False  # "people familiar with the talks"
    return not low.endswith("s") or low.endswith(("ss", "us"))


def _owned_by_pronoun(tokens: Iterable[Token]) -> bool:
    """ "his office", "her party": a possessive pronoun among ``tokens`` owns the phrase."""
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in tokens)


def _spokesperson_of(c: Candidate, gender: str | None) -> bool:
    """Whether ``c``'s speaker is an unnamed spokesperson a pronoun of ``gender`` can
    stand for ("a spokeswoman" is a "she", "a spokesperson" either)."""
    head = c.speaker.root if c.speaker is not None else None
    if head is None or head.lower_ not in _SPOKES or any(t.dep_ == "appos" for t in head.children):
        return False
    described = _GENDERED.get(head.lower_)
    return gender is None or described is None or described == gender


def _apposed(tok: Token) -> list[Token]:
    """The appositions to ``tok`` and theirs ("One of the victims, a farmer, Adamu X,")."""
    found = [a for a in tok.children if a.dep_ == "appos"]
    return [x for a in found for x in (a, *_apposed(a))]


def _count_of(head: Token) -> int | None:
    """How many a plural noun counts ("the two companies": 2)."""
    return next((_NUMBERS.get(t.lower_) for t in head.children if t.dep_ == "nummod"), None)


def _definite(span: SpacySpan) -> bool:
    return any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in span[:2])


def _describe(span: SpacySpan) -> str:
    toks = list(span)
    while toks and (toks[0].lower_ in _DETERMINERS or toks[0].is_punct):
        toks = toks[1:]
    while len(toks) > 3 and toks[0].text in ("pro", "anti") and toks[1].text == "-":
        toks = toks[3:]  # "the pro-Western Coalition for Change"
    if len(toks) > 1 and toks[0].text == "NGO" and toks[1].is_title:
        toks = toks[1:]  # "the NGO Caminando Fronteras"
    while toks and (toks[-1].is_punct and toks[-1].text != ")" or toks[-1].tag_ == "POS"):
        toks = toks[:-1]  # "Andina Lithium's" names Andina Lithium
    if not toks:
        return span.text
    text = span.doc[toks[0].i : toks[-1].i + 1].text
    # "a Western diplomat in Bangui, who asked not to be named": the description ends
    # ("the newspaper Javan, seen as close to the Guards")
    text = re.split(
        r",\s*(?:who|which|whose|speaking|citing|seen|regarded|considered|widely)\b", text
    )[0]
    # "the far-right Alternative for Germany, or AfD": the initials are another name
    text = re.sub(r",\s*or\s+[A-Z][\w.-]*$", "", text)
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip()
    return " ".join(text.split())


def _role_key(words: str, titles: frozenset[str]) -> str | None:
    words = words.replace("-", " ").replace("’s", "").replace("'s", "")
    for phrase, title in _ROLE_PHRASES.items():
        words = re.sub(rf"(?<!\w){phrase}(?!\w)", title, words)
    toks = [
        w for w in words.split() if w not in _FORMER and w not in ("the", "a", "an", "his", "her")
    ]
    toks = [w for w in toks if w in titles or w in _ROLE_SYNONYMS]
    if not toks:
        return None
    key = " ".join(toks)
    for a, b in _ROLE_SYNONYMS.items():
        key = re.sub(rf"(?<!\w){re.escape(a)}(?!\w)", b, key)
    for honorific in ("mr.", "mrs.", "ms.", "dr.", "prof.", "sheikh", "sayyid"):
        key = key.replace(honorific, "").strip()
    return " ".join(key.split()) or None


def _prep_qualifier(prep: Token | None) -> str | None:
    """The last word of a role's "of"/"for" phrase: whose the role is ("Minister for
    Housing"; "a spokesperson for the Arakan Army (AA)": "AA")."""
    if prep is None:
        return None
    last = prep.right_edge
    if last.text == ")" and last.i >= 2 and last.nbor(-2).text == "(":
        return last.nbor(-1).text
    return last.text


def _qual(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip().lower()
    return re.sub(r"[’']s$", "", t)


def _field_of(span: SpacySpan) -> str | None:
    """What a role is of, where a common noun says it: "the head of the waterway"."""
    prep = next((c for c in span.root.rights if c.lower_ in ("of", "for")), None)
    obj = child(prep, "pobj") if prep is not None else None
    if obj is None or obj.pos_ != "NOUN" or obj.i >= span.end:
        return None
    return obj.lemma_.lower()


def _other_field(domain: str | None, description: str | None) -> bool:
    """A role of another field: "head of marine war at a London broker" is no "head of the
    waterway". Both must name the field in common nouns; a named body ("head of UNHCR") may
    be the agency a common noun stands for."""
    if domain is None or not description or domain in description.lower():
        return False
    return re.search(r"\b(?:of|for) (?:the )?[a-z]", description) is not None


def _same_qualifier(a: str, b: str) -> bool:
    """ "iraq" = "iraqi", "us" = "u.s.": the same place or its adjective."""
    a, b = a.replace(".", ""), b.replace(".", "")
    return a[:4] == b[:4]


def resolve_speakers(
    ctx: Context, candidates: list[Candidate], actors: ActorResolver | None = None
) -> SpeakerResolver:
    resolver = SpeakerResolver(ctx, candidates, actors)
    resolver.resolve()
    return resolver
