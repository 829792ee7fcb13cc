#!/usr/bin/env python3
"""Build the development set's gold files from the annotations held below.

Each statement is written down by its content fragments (exact strings of the article);
the script finds them in the article text, computes the character offsets, checks that
every fragment equals text[start:end] and that the anchor lies inside the content, and
writes gold/<article>.json plus gold/actors.json.

usage: python build.py            (writes the gold files)
       python build.py --check    (validates only; exit status 1 on any error)
"""

import itertools
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

KINDS = {"direct", "indirect", "mixed"}
ACTOR_TYPES = {
    "person",
    "organization",
    "armed_group",
    "party",
    "government",
    "state",
    "media",
    "anonymous",
    "group",
}


def S(speaker, kind, frags, anchor=None, said_on=None, required=True, at=None):
    """One statement.

    speaker  canonical actor name, list of names (joint statement) or None
    frags    content fragment strings, in text order
    anchor   short exact substring inside the content (default: start of first fragment)
    at       where to start looking for the first fragment: None (fragment must be unique
             in the text), "^" (start of text) or a unique context string that precedes
             or contains the first fragment
    """
    if isinstance(frags, str):
        frags = [frags]
    return dict(
        speaker=speaker,
        kind=kind,
        frags=frags,
        anchor=anchor,
        said_on=said_on,
        required=required,
        at=at,
    )


def Q(speaker, quotes, **kw):
    """Quoted sentences around one cue that resume after a sentence break ("Q1," she said. "Q2."):
    one direct statement per quote, as in the sample gold. A quote interrupted mid-sentence
    ("Q1," she said, "q2.") is instead one S(...) with several fragments."""
    return [S(speaker, "direct", q, **kw) for q in quotes]


# --------------------------------------------------------------------------- actors
# name: (type, aliases, description)
ACTORS = {
    # 001
    "Dale Whitcomb": (
        "person",
        ["Whitcomb", "House Speaker Dale Whitcomb", "Speaker Dale Whitcomb", "the speaker"],
        "Speaker of the US House of Representatives",
    ),
    "Margaret Okafor": (
        "person",
        ["Okafor", "Sen. Margaret Okafor", "The Ohio Democrat", "The Senate's chief negotiator"],
        "US senator (D-Ohio), Senate chief negotiator",
    ),
    "Travis Lundgren": ("person", ["Lundgren", "Sen. Travis Lundgren"], "US senator (R-Idaho)"),
    "Elena Marsh": (
        "person",
        ["Marsh", "press secretary Elena Marsh", "White House", "press secretary"],
        "White House press secretary",
    ),
    "Congressional Budget Office": ("organization", ["CBO"], None),
    "Republican aides": ("anonymous", ["Two Republican aides", "aides"], None),
    "Paul Thibodeaux": (
        "person",
        ["Thibodeaux", "Louisiana Gov. Paul Thibodeaux", "Gov. Paul Thibodeaux"],
        "Governor of Louisiana",
    ),
    # 002
    "Ivana Kovač": (
        "person",
        ["Kovač", "Kovac", "Ivana Kovac", "former finance minister Ivana Kovač"],
        "leader of the Civic Forum, former finance minister",
    ),
    "Marko Barišić": ("person", ["Barišić", "Barisic"], "leader of the Social Democrats"),
    "Tomislav Jurić": ("person", ["Jurić", "Juric"], "leader of the Sovereignty Bloc"),
    "Sovereignty Bloc": ("party", ["a nationalist party"], "Croatian nationalist party"),
    "State Electoral Commission": (
        "organization",
        ["the commission", "Electoral Commission"],
        None,
    ),
    "analysts": ("anonymous", ["Analysts"], None),
    "Lucija Perić": (
        "person",
        ["Perić", "Peric", "a political scientist at the University of Zagreb"],
        "political scientist, University of Zagreb",
    ),
    "Goran Vidović": (
        "person",
        ["Vidović", "Vidovic", "President Goran Vidović"],
        "President of Croatia",
    ),
    # 003
    "Central African Republic government": (
        "government",
        ["the government", "government of the Central African Republic"],
        None,
    ),
    "Coalition for Renewal and Justice": (
        "armed_group",
        ["CRJ", "the rebels"],
        "main rebel alliance",
    ),
    "Serge Ndakala": (
        "person",
        ["Ndakala", "government spokesman Serge Ndakala"],
        "government spokesman",
    ),
    "Abdoulaye Mahamat": (
        "person",
        ["Mahamat", "The rebels' chief negotiator"],
        "CRJ chief negotiator",
    ),
    "Teresa Manuel": (
        "person",
        ["Manuel", "Angolan Foreign Minister Teresa Manuel"],
        "Foreign Minister of Angola",
    ),
    "Moussa Diarra": (
        "person",
        ["Diarra", "the chairperson of the AU Commission"],
        "chairperson of the African Union Commission",
    ),
    "Western diplomat in Bangui": ("anonymous", ["A Western diplomat", "the diplomat"], None),
    "UNHCR": ("organization", ["UN refugee agency", "The UN refugee agency UNHCR"], None),
    "aid workers": ("anonymous", ["Aid workers"], None),
    # 004
    "Ministry of Economy, Trade and Industry": (
        "government",
        ["METI", "the trade ministry", "The Ministry of Economy, Trade and Industry (METI)"],
        "Japan",
    ),
    "Kenji Matsuda": (
        "person",
        ["Matsuda", "Trade minister Kenji Matsuda"],
        "Japanese trade minister",
    ),
    "Park Ji-hoon": (
        "person",
        ["Park", "Mr Park", "South Korea’s industry minister"],
        "South Korean industry minister",
    ),
    "South Korea": ("state", ["Seoul"], None),
    "Korea International Trade Association": ("organization", ["KITA"], None),
    "industry officials in Seoul": ("anonymous", ["Industry officials"], None),
    "executive at a major memory manufacturer": ("anonymous", ["one executive", "executive"], None),
    "Mina Cho": ("person", ["Cho"], "senior fellow, East Asia Policy Institute"),
    "METI official": ("anonymous", ["A METI official"], None),
    # 005
    "Western members": ("group", ["Western members"], "Western members of the UN Security Council"),
    "Andrei Sokolin": (
        "person",
        ["Sokolin", "Russia's deputy ambassador"],
        "Russia's deputy UN ambassador",
    ),
    "Catherine Ashdown-Mills": (
        "person",
        ["Ashdown-Mills", "Britain's ambassador"],
        "UK ambassador to the UN",
    ),
    "Robert Kinsella": (
        "person",
        ["Kinsella", "U.S. Ambassador Robert Kinsella"],
        "US ambassador to the UN",
    ),
    "Algeria": ("state", ["the council's three African members"], None),
    "Mozambique": ("state", ["the council's three African members"], None),
    "Sierra Leone": ("state", ["the council's three African members"], None),
    "Lena Okonjo-Berg": (
        "person",
        ["Okonjo-Berg", "U.N. spokesperson Lena Okonjo-Berg", "U.N. spokesperson"],
        "UN spokesperson",
    ),
    "diplomats": ("anonymous", ["Diplomats"], None),
    "council diplomat": ("anonymous", ["One council diplomat", "the diplomat"], None),
    "China": ("state", [], None),
    "Hassan el-Tayeb": ("person", ["el-Tayeb", "El-Tayeb"], "Sudan's UN envoy"),
    # 006
    "Republican leaders": ("group", [], "Missouri Republican legislative leaders"),
    "Missouri Supreme Court": ("organization", ["the court", "Supreme Court"], None),
    "Mariana Estévez": (
        "person",
        ["Estévez", "Estevez", "Justice Mariana Estévez"],
        "Missouri Supreme Court justice",
    ),
    "Legislature's expert": ("anonymous", ["the Legislature's own expert"], None),
    "Harlan Pruett": (
        "person",
        ["Pruett", "Chief Justice Harlan Pruett"],
        "Chief Justice of Missouri",
    ),
    "Gary Voss": (
        "person",
        ["Voss", "Senate President Pro Tem Gary Voss"],
        "Missouri Senate President Pro Tem",
    ),
    "Missouri Attorney General's Office": (
        "government",
        ["attorney general's office", "the attorney general's office"],
        None,
    ),
    "Priya Raman": ("person", ["Raman"], "attorney for the plaintiffs"),
    "Keisha Monroe": (
        "person",
        ["Monroe", "House Minority Leader Keisha Monroe"],
        "Missouri House Minority Leader",
    ),
    # 007
    "farmers": ("group", ["Thousands of farmers", "farmers' groups"], None),
    "organisers": ("anonymous", ["Organisers"], "organisers of the Brussels farmers' protest"),
    "Brussels police": ("organization", ["Police", "police"], None),
    "Luc Vandamme": ("person", ["Vandamme"], "dairy farmer"),
    "Hilde Verstraeten": (
        "person",
        ["Verstraeten", "The union leader", "The head of Belgium's largest farmers' union"],
        "head of Belgium's largest farmers' union",
    ),
    "Jean-Baptiste Morel": ("person", ["Morel"], "French farmer"),
    "Olof Gunnarsson": (
        "person",
        ["Gunnarsson", "Commission spokesman Olof Gunnarsson", "European Commission"],
        "European Commission spokesman",
    ),
    "France": ("state", [], None),
    # 008
    "Romanian Ministry of Health": (
        "government",
        ["Ministry of Health", "Health Ministry", "the ministry", "Romania's Ministry of Health"],
        None,
    ),
    "Alexandru Petrescu": (
        "person",
        ["Petrescu", "Health Minister Alexandru Petrescu", "The minister"],
        "Romanian Health Minister",
    ),
    "Corina Dobre": (
        "person",
        ["Dobre", "Secretary of State for Health Corina Dobre"],
        "Secretary of State for Health",
    ),
    "National Institute of Public Health": ("organization", ["INSP"], None),
    "Romanian College of Physicians": ("organization", [], None),
    # 009
    "Ofwat": (
        "organization",
        ["the regulator", "the industry regulator"],
        "water regulator for England and Wales",
    ),
    "Northvale Water": ("organization", ["Northvale", "the company", "Company"], None),
    "David Asante": (
        "person",
        ["Asante", "Ofwat’s director of enforcement"],
        "Ofwat director of enforcement",
    ),
    "Sandra Kowalczyk": ("person", ["Kowalczyk"], "chief executive of Northvale Water"),
    "Jonah Whitfield": (
        "person",
        ["Whitfield", "founder of the campaign group Clean Rivers Now"],
        "founder of Clean Rivers Now",
    ),
    "Department for Environment, Food and Rural Affairs": (
        "government",
        ["Defra", "A spokesperson for the Department for Environment, Food and Rural Affairs"],
        None,
    ),
    "people familiar with the matter": ("anonymous", ["People familiar with the matter"], None),
    # 010
    "Sophie Delacroix": ("person", ["Delacroix"], "mayor-elect of Kingston"),
    "Raj Malhotra": ("person", ["Malhotra", "Councillor Raj Malhotra"], "Kingston city councillor"),
    "Kingston city clerk's office": (
        "organization",
        ["city clerk's office", "the city clerk's office"],
        None,
    ),
    "Janet Osei": ("person", ["Osei", "City clerk Janet Osei"], "Kingston city clerk"),
    "Hugh Fennimore": (
        "person",
        ["Fennimore", "outgoing mayor Hugh Fennimore"],
        "outgoing mayor of Kingston",
    ),
    "Walter Briggs": ("person", ["Briggs"], "mayoral candidate"),
    "voters": ("group", ["Several voters"], None),
    "Aiden Kowal": ("person", ["Kowal"], "voter"),
    # 011
    "Salote Naivalu": ("person", ["Naivalu"], "Fiji's special envoy on climate change"),
    "Sione Fifita": (
        "person",
        ["Fifita", "Tonga’s environment minister"],
        "Tonga's environment minister",
    ),
    "European negotiator": ("anonymous", ["A European negotiator", "the negotiator"], None),
    "Naivalu's grandmother": ("person", ["her grandmother"], None),
    # 012
    "Anders Holmqvist": (
        "person",
        [
            "Holmqvist",
            "head of maritime risk at the Copenhagen-based consultancy Nordhavn Analytics",
        ],
        "head of maritime risk, Nordhavn Analytics",
    ),
    "Nordhavn Analytics": ("organization", ["Nordhavn"], None),
    "brokers in London": ("anonymous", ["brokers"], None),
    "Houthis": ("armed_group", ["The Houthis"], None),
    "Fadl al-Maswari": (
        "person",
        ["al-Maswari", "Maswari", "Brig. Gen. Fadl al-Maswari"],
        "Houthi military spokesman",
    ),
    "Saudi officials": ("group", [], None),
    "people briefed on recent talks in Muscat": (
        "anonymous",
        ["two people briefed on recent talks in Muscat"],
        None,
    ),
    "senior Gulf official": ("anonymous", ["A senior Gulf official"], None),
    "Majid al-Otaibi": (
        "person",
        ["al-Otaibi", "Otaibi", "a Foreign Ministry spokesman"],
        "Saudi Foreign Ministry spokesman",
    ),
    "naval commanders": ("anonymous", ["commanders"], "commanders of the EU naval mission"),
    "Western naval officer": ("anonymous", ["One Western naval officer"], None),
    "critics": ("group", ["Critics"], None),
    "Nadia Farouk": (
        "person",
        ["Farouk", "a Yemen researcher at the Middle East Policy Forum in London"],
        "Yemen researcher, Middle East Policy Forum",
    ),
    "Nordlys Line": ("organization", ["Danish carrier Nordlys Line"], None),
}

# ----------------------------------------------------------------------- articles
A = {}

A["001_us-congress-disaster-aid.txt"] = dict(
    published="2024-12-19",
    outlet="Associated Press",
    statements=[
        S("Dale Whitcomb", "indirect", "spending cuts", required=False, at="^"),
        S(
            "Dale Whitcomb",
            "indirect",
            "he would not bring the bill to the floor without matching spending cuts",
            said_on="2024-12-19",
        ),
        *Q(
            "Dale Whitcomb",
            [
                '"We are not going to put another $38 billion on the nation\'s credit card and call it compassion,"',
                '"If the Senate wants this done, they know where the offsets are."',
            ],
        ),
        S("Margaret Okafor", "mixed", 'the demand "a ransom note"'),
        S(
            "Margaret Okafor",
            "indirect",
            "the package had been drafted with the speaker's own staff in the room",
        ),
        *Q(
            "Margaret Okafor",
            [
                '"Three weeks ago his people signed off on every line of this,"',
                '"Now families in Louisiana and North Carolina are supposed to wait because somebody changed his mind."',
            ],
        ),
        S("Travis Lundgren", "indirect", "he understood the speaker's worries about the deficit"),
        S(
            "Travis Lundgren",
            "mixed",
            'disaster aid had "never, in my lifetime, been held hostage to a budget fight."',
        ),
        S(
            "Travis Lundgren",
            "direct",
            "\"I'll look at anything that gets money to people faster. What I won't do is pretend these storms didn't happen.\"",
        ),
        S(
            "Margaret Okafor",
            "indirect",
            "the Senate would vote on the measure next week regardless of what the House does",
        ),
        S(
            "Elena Marsh",
            "mixed",
            'the administration "strongly supports" the Senate package',
            said_on="2024-12-19",
        ),
        S(
            "Elena Marsh",
            "mixed",
            'the House to "do its job before going home for Christmas."',
            said_on="2024-12-19",
        ),
        S(
            "Congressional Budget Office",
            "indirect",
            "roughly half of the money would go to rebuilding damaged roads, bridges and water systems, with most of it spent over the next three years",
        ),
        S(
            "Republican aides",
            "indirect",
            "Whitcomb was under pressure from a bloc of about 30 conservatives who have threatened to oppose any spending bill that is not fully paid for",
        ),
        S(
            "Paul Thibodeaux",
            "mixed",
            'coastal parishes were "running out of road" and that some temporary shelters would close by mid-January',
            said_on="2024-12-17",
        ),
        S("Dale Whitcomb", "indirect", "the door was not closed"),
        S(
            "Dale Whitcomb",
            "direct",
            [
                '"Nobody is walking away,"',
                '"and I expect we\'ll have a deal within days of coming back in January."',
            ],
        ),
    ],
)

A["002_croatia-election.txt"] = dict(
    published="2025-04-14",
    outlet="Reuters",
    statements=[
        S(
            "Sovereignty Bloc",
            "indirect",
            "to extract a high price for its support",
            required=False,
        ),
        S(
            None,
            "indirect",
            "Croatia's centre-right Civic Forum won the most seats in Sunday's parliamentary election",
            required=False,
        ),
        S(
            "State Electoral Commission",
            "indirect",
            "With nearly all ballots counted, the Civic Forum of former finance minister Ivana Kovač had 34.1% of the vote",
            anchor="the Civic Forum of former finance minister Ivana Kovač had 34.1%",
        ),
        *Q(
            "Ivana Kovač",
            [
                '"Croatian voters have chosen stability over adventure,"',
                '"We will talk to everyone who accepts that Croatia\'s place is in the heart of Europe."',
            ],
            said_on="2025-04-13",
        ),
        S(
            "Marko Barišić",
            "mixed",
            'his party had "stopped the slide" of recent years and would lead a "strong, responsible opposition"',
        ),
        S(
            "Tomislav Jurić",
            "indirect",
            "any deal would require a halt to the government's plans to ratify a migration agreement with Brussels",
            said_on="2025-04-14",
        ),
        *Q(
            "Tomislav Jurić",
            [
                '"We are not a spare tyre for anybody,"',
                '"Whoever wants our votes will have to listen to the people who gave them to us."',
            ],
        ),
        S("Ivana Kovač", "indirect", "a grand coalition with the Social Democrats", required=False),
        S(
            "Ivana Kovač",
            "mixed",
            'Barišić\'s economic programme would "bankrupt the country within two years"',
        ),
        S(
            "Ivana Kovač",
            "mixed",
            '"everything is on the table except our European commitments"',
            said_on="2025-04-14",
        ),
        S("analysts", "indirect", "coalition talks could drag on for weeks"),
        S(
            "Lucija Perić",
            "direct",
            '"Jurić knows he holds the keys, and he will want to be paid in ministries, not promises,"',
        ),
        S(
            "State Electoral Commission",
            "indirect",
            ["Turnout was 61%", "up from 52% four years ago"],
        ),
        S(
            "Goran Vidović",
            "mixed",
            'he would begin consultations with party leaders on Wednesday and would "not rush anyone, but not wait forever either"',
        ),
    ],
)

A["003_car-ceasefire.txt"] = dict(
    published="2025-09-13",
    outlet="AFP",
    statements=[
        S(
            ["Central African Republic government", "Coalition for Renewal and Justice"],
            "mixed",
            "they would “cease all hostilities with immediate effect” and allow humanitarian agencies “unhindered access” to areas under their control",
            said_on="2025-09-13",
        ),
        S(
            "Serge Ndakala",
            "direct",
            "“Today the guns must fall silent. Our people have suffered enough,”",
            said_on="2025-09-13",
        ),
        S(
            "Abdoulaye Mahamat",
            "direct",
            [
                "“We signed in good faith,”",
                "“but a signature is only ink, and we will judge the government by what its soldiers do on the ground.”",
            ],
        ),
        S(
            "Abdoulaye Mahamat",
            "indirect",
            "CRJ fighters would remain in their positions until a joint monitoring commission was deployed",
        ),
        S(
            None,
            "indirect",
            "the two sides are to pull heavy weapons back 30 kilometres from the front lines within two weeks",
            required=False,
        ),
        S("Teresa Manuel", "mixed", "the agreement as “a first step, not a destination”"),
        S("Moussa Diarra", "mixed", "both parties to “honour their word”"),
        S("Moussa Diarra", "indirect", "the bloc stood ready to send observers"),
        S(
            ["Central African Republic government", "Coalition for Renewal and Justice"],
            "indirect",
            "the other of attacking its positions",
            required=False,
        ),
        S(
            "Western diplomat in Bangui",
            "indirect",
            "the real test would be whether pro-government militias, which did not take part in the talks, respected the truce",
        ),
        S(
            "Western diplomat in Bangui",
            "direct",
            "“The militias are the wild card. Nobody in Luanda can speak for them,”",
        ),
        S(
            "UNHCR",
            "indirect",
            "more than 40,000 people had fled across the border into Chad, most of them women and children",
        ),
        S("aid workers", "indirect", "conditions in the camps are dire"),
        S(
            None,
            "indirect",
            ["At least 31 children", "to have died of malnutrition in the Paoua area since July"],
            required=False,
        ),
    ],
)

A["004_japan-korea-chip-exports.txt"] = dict(
    published="2025-05-14",
    outlet="Meridian News",
    statements=[
        S("South Korea", "indirect", "WTO complaint", required=False, at="^"),
        S(
            "Ministry of Economy, Trade and Industry",
            "indirect",
            "Japan will require case-by-case licences for exports to South Korea of three chemicals vital to chipmaking from next month",
            said_on="2025-05-14",
        ),
        S(
            "Ministry of Economy, Trade and Industry",
            "mixed",
            "the measures were needed because of “inadequate management” of sensitive items by South Korean importers, and that they were “not a retaliatory step of any kind”",
        ),
        S(
            "Kenji Matsuda",
            "direct",
            "“This is about export control, nothing more. Japan is simply doing what every responsible exporter does.”",
        ),
        S("Park Ji-hoon", "mixed", "the decision “regrettable and unjustifiable”"),
        S(
            "Park Ji-hoon",
            "indirect",
            "his government would file a complaint with the World Trade Organization if it was not reversed",
        ),
        S(
            "Park Ji-hoon",
            "direct",
            "“We will not stand by while our companies are used as bargaining chips,”",
        ),
        S(
            "Korea International Trade Association",
            "indirect",
            "South Korean firms import more than 80% of their hydrogen fluoride from Japan",
        ),
        S(
            "industry officials in Seoul",
            "indirect",
            "chipmakers had built up about three months of stockpiles since the last row, which ended in 2023 when Tokyo restored South Korea to its so-called “white list” of trusted trading partners",
        ),
        S("executive at a major memory manufacturer", "indirect", "the timing could not be worse"),
        S(
            "executive at a major memory manufacturer",
            "direct",
            "“Demand for AI chips is exploding. Any disruption now costs us customers we may never win back,”",
        ),
        S("analysts", "indirect", "politics, rather than export control, lies behind the move"),
        S("Mina Cho", "direct", "“Both governments are playing to domestic audiences,”"),
        S(
            "Mina Cho",
            "direct",
            "“The risk is that neither side can climb down without looking weak.”",
        ),
        S("METI official", "indirect", "the court ruling had played any part in the decision"),
    ],
)

A["005_unsc-sudan-veto.txt"] = dict(
    published="2025-11-17",
    outlet="Associated Press",
    statements=[
        S(
            "Western members",
            "mixed",
            'Moscow of "choosing famine over diplomacy."',
            required=False,
        ),
        S(
            "Andrei Sokolin",
            "mixed",
            'the resolution was "politicized and unbalanced" and ignored the sovereignty of Sudan\'s government',
        ),
        S(
            "Andrei Sokolin",
            "direct",
            '"Humanitarian aid cannot be used as a Trojan horse for interference in internal affairs,"',
        ),
        S("Catherine Ashdown-Mills", "mixed", 'she was "appalled."'),
        *Q(
            "Catherine Ashdown-Mills",
            [
                '"Today, one member of this council decided that the children of El Fasher can wait,"',
                '"They cannot wait. Many of them will not live to see the next meeting of this council."',
            ],
        ),
        S("Robert Kinsella", "mixed", 'the veto "shameful"'),
        S(
            "Robert Kinsella",
            "mixed",
            'Washington would work with regional partners "to get aid in by every other route available."',
        ),
        S(
            ["Algeria", "Mozambique", "Sierra Leone"],
            "mixed",
            'they regretted that the council had "once again failed the people of Sudan."',
        ),
        S(
            "Lena Okonjo-Berg",
            "mixed",
            'the secretary-general was "deeply disappointed" and that aid convoys were waiting at the Chad border with food for 400,000 people',
        ),
        S(
            "diplomats",
            "indirect",
            "Britain could bring a revised text to a vote as early as next week, possibly dropping a reference to sanctions that Moscow had objected to",
        ),
        S(
            "council diplomat",
            "indirect",
            "China had signaled it could support a narrower resolution",
        ),
        S("China", "indirect", "it could support a narrower resolution", required=False),
        S("council diplomat", "direct", '"The door is not shut,"'),
        S(
            "Hassan el-Tayeb",
            "mixed",
            'the draft had been written "without consulting the country concerned."',
        ),
        S(None, "indirect", "Famine has been confirmed in at least five areas", required=False),
    ],
)

A["006_missouri-court-maps.txt"] = dict(
    published="2025-12-09",
    outlet="Sentinel",
    statements=[
        S("Republican leaders", "indirect", "to seek federal review", required=False),
        S(
            "Missouri Supreme Court",
            "indirect",
            "Republican lawmakers had drawn House and Senate districts to entrench their party's power in violation of the state constitution's fairness clause",
            said_on="2025-12-09",
        ),
        S(
            "Missouri Supreme Court",
            "indirect",
            "if it failed to do so, the justices would appoint a special master to draw them",
            said_on="2025-12-09",
        ),
        S(
            "Mariana Estévez",
            "direct",
            '"A map that is drawn to guarantee the outcome of an election before a single vote is cast cannot be squared with the plain words of our constitution,"',
        ),
        S(
            "Mariana Estévez",
            "indirect",
            "the Legislature's own expert had conceded the map would give Republicans at least 70% of House seats even if they won only a narrow majority of the statewide vote",
        ),
        S(
            "Legislature's expert",
            "indirect",
            "the map would give Republicans at least 70% of House seats even if they won only a narrow majority of the statewide vote",
            required=False,
        ),
        S("Harlan Pruett", "mixed", 'the majority of "legislating from the bench"', required=False),
        S("Harlan Pruett", "mixed", 'the fairness clause was "an aspiration, not a command."'),
        *Q(
            "Harlan Pruett",
            [
                '"Today\'s decision hands the most political task in our system to the least accountable branch of government,"',
                '"The people of Missouri did not vote for that, and they will not forget it."',
            ],
        ),
        S(
            "Gary Voss",
            "indirect",
            "the Legislature would comply but would also ask the U.S. Supreme Court to review the decision",
        ),
        S("Gary Voss", "direct", '"We respect the court. We don\'t have to agree with it,"'),
        S("Missouri Attorney General's Office", "indirect", "it was reviewing the ruling"),
        S(
            "Priya Raman",
            "mixed",
            'the ruling "a historic win for every voter in this state, whatever party they belong to."',
        ),
        S(
            "Priya Raman",
            "mixed",
            'she expected the new maps to produce "at least 15 to 20 genuinely competitive House seats,"',
        ),
        S("Keisha Monroe", "mixed", 'it was "a good day for democracy in Missouri."'),
    ],
)

A["007_brussels-farmers-protest.txt"] = dict(
    published="2025-12-18",
    outlet="AFP",
    statements=[
        S(
            "farmers",
            "indirect",
            ["a trade deal with South American countries", "will ruin them"],
            required=False,
        ),
        S("organisers", "indirect", "some 10,000 people and 1,300 tractors took part"),
        S(
            "Brussels police",
            "indirect",
            "the number of protesters at around 6,000",
            required=False,
        ),
        S(
            "Luc Vandamme",
            "direct",
            "“We are not here to break things. We are here because we are being broken,”",
        ),
        S(None, "direct", "“No farmers, no food”", required=False),
        S("Brussels police", "indirect", "14 people had been detained"),
        S(
            "Hilde Verstraeten",
            "mixed",
            "the deal would allow cheap beef and poultry produced to “lower standards” to flood European markets",
        ),
        S(
            "Hilde Verstraeten",
            "direct",
            "“Brussels asks us to fill in forty forms to spread manure, and then it opens the door to meat from farms where nobody checks anything,”",
        ),
        S(
            "Jean-Baptiste Morel",
            "indirect",
            "he had lost money on his wheat harvest for three years running",
        ),
        S("Hilde Verstraeten", "mixed", "the protests would continue “for as long as it takes”"),
        S(
            "Olof Gunnarsson",
            "direct",
            "“This deal contains the strongest safeguards ever included in an EU trade agreement,”",
        ),
        S(
            "Olof Gunnarsson",
            "indirect",
            "imports of beef would be capped at 1.5 percent of EU consumption",
        ),
        S(
            "Olof Gunnarsson",
            "mixed",
            "claims that the deal would undercut European producers as “simply not supported by the facts”",
        ),
        S(None, "indirect", "the deal would undercut European producers", required=False),
        S(
            "France",
            "mixed",
            "it would not sign the accord “in its current form”",
            said_on="2025-12-17",
        ),
        S(
            "diplomats",
            "indirect",
            "a so-called blocking minority of countries opposed to the deal is within reach",
        ),
        S("farmers", "indirect", "to return in January", required=False),
    ],
)

A["008_romania-measles.txt"] = dict(
    published="2025-03-03",
    outlet=None,
    statements=[
        S(
            "Romanian Ministry of Health",
            "indirect",
            "measles epidemic in three counties",
            required=False,
            at="^",
        ),
        S(
            "Romanian Ministry of Health",
            "indirect",
            "a measles epidemic in the counties of Suceava, Iasi and Bacau",
            required=False,
            said_on="2025-03-03",
        ),
        S(
            "Romanian Ministry of Health",
            "indirect",
            "vaccination centres in the three counties would open at weekends starting this Saturday",
            said_on="2025-03-03",
        ),
        S(
            "Romanian Ministry of Health",
            "indirect",
            "1,842 cases of measles have been confirmed in the three counties since January, more than double the number recorded in the whole of last year",
        ),
        S(
            "Alexandru Petrescu",
            "direct",
            '"Measles is not a harmless childhood illness. It is a disease that kills, and we have a vaccine that prevents it,"',
        ),
        S(
            "Alexandru Petrescu",
            "indirect",
            "vaccination coverage for the second dose of the MMR vaccine had fallen to 71 percent nationally, well below the 95 percent needed to stop the virus from spreading",
        ),
        S(
            "Romanian Ministry of Health",
            "indirect",
            "the catch-up campaign would target around 120,000 children aged between nine months and nine years who had missed one or both doses",
        ),
        S(
            "Romanian Ministry of Health",
            "indirect",
            "Family doctors will receive additional vaccine supplies this week",
        ),
        S(
            "Corina Dobre",
            "mixed",
            'the epidemic could spread to neighbouring counties "within weeks" unless vaccination rates rose quickly',
        ),
        S(
            "Corina Dobre",
            "direct",
            '"We are asking every parent to check their child\'s vaccination record today – not next month, today,"',
        ),
        S(
            "National Institute of Public Health",
            "indirect",
            "most of the cases had been recorded among unvaccinated children under five, and that 60 percent of patients had required hospital treatment",
        ),
        S("Alexandru Petrescu", "direct", '"dangerous myths"', required=False),
        S(
            "Alexandru Petrescu",
            "mixed",
            'the MMR vaccine had been used safely for decades and was "one of the most studied medicines in the world"',
        ),
        S("Romanian College of Physicians", "mixed", 'they came "at least a year too late"'),
    ],
)

A["009_northvale-water-fine.txt"] = dict(
    published="2025-07-22",
    outlet=None,
    statements=[
        S("Ofwat", "mixed", "‘systematic’ sewage failures", required=False),
        S("Northvale Water", "indirect", "it will appeal", required=False, at="^"),
        S("Northvale Water", "indirect", "investment plans could suffer", required=False),
        S(
            "Ofwat",
            "indirect",
            "it had failed to run its sewage treatment works properly for more than five years",
            required=False,
        ),
        S(
            "Ofwat",
            "mixed",
            "its investigation had uncovered “systematic and deliberate” failings, including the routine release of untreated sewage into rivers on dry days, when such discharges are banned",
        ),
        S(
            "David Asante",
            "direct",
            "“This was not a one-off. It was a pattern of behaviour that the company knew about and chose not to fix,”",
        ),
        S(
            "David Asante",
            "indirect",
            "the company had also misreported data on spills to the regulator on at least 40 occasions",
        ),
        S(
            "Northvale Water",
            "indirect",
            "it would appeal against the decision to the Competition and Markets Authority (CMA)",
        ),
        S("Northvale Water", "mixed", "it “fundamentally disagreed” with the regulator’s findings"),
        S(
            "Northvale Water",
            "mixed",
            "the size of the penalty as “disproportionate and unprecedented”",
        ),
        S(
            "Sandra Kowalczyk",
            "indirect",
            "the fine would make it harder to pay for the £3.1bn of upgrades the company has promised by 2030",
        ),
        S(
            "Sandra Kowalczyk",
            "direct",
            "“Every pound we pay in fines is a pound we cannot spend on pipes and treatment works,”",
        ),
        S("Sandra Kowalczyk", "direct", "“that will be a matter for the regulator”"),
        *Q(
            "Jonah Whitfield",
            [
                "“The company is blaming the regulator for its own failures,”",
                "“Customers have paid for these treatment works once already. They should not be asked to pay again.”",
            ],
        ),
        S(
            "Department for Environment, Food and Rural Affairs",
            "mixed",
            "the government had “made clear that polluters must pay” and that bonuses for water bosses responsible for serious breaches would be banned",
        ),
        S(
            "people familiar with the matter",
            "indirect",
            "Northvale’s lenders had been briefed on the fine last week and that the company’s credit rating could come under review",
        ),
        S("Ofwat", "indirect", "It will be paid by shareholders rather than customers"),
    ],
)

A["010_kingston-byelection.txt"] = dict(
    published="2025-06-17",
    outlet="The Kingston Gazette",
    statements=[
        S("Raj Malhotra", "indirect", "recount possible", required=False),
        S(
            "Kingston city clerk's office",
            "indirect",
            "Sophie Delacroix will be Kingston's next mayor after edging out Councillor Raj Malhotra by just 312 votes in Monday's by-election",
            said_on="2025-06-16",
        ),
        S(
            "Janet Osei",
            "indirect",
            "turnout was 38.4 per cent, the highest for a municipal by-election in the city's history",
        ),
        *Q(
            "Sophie Delacroix",
            [
                '"Kingston voted for change tonight, and I heard that loud and clear at every door I knocked on,"',
                '"Now the campaigning stops and the work starts."',
            ],
            said_on="2025-06-16",
        ),
        S("Sophie Delacroix", "indirect", "to make housing her first priority", required=False),
        S(
            "Sophie Delacroix",
            "indirect",
            "she would ask council to fast-track approvals for 1,500 new units on city-owned land",
        ),
        S("Raj Malhotra", "mixed", 'he would "wait for every last ballot to be counted"'),
        *Q(
            "Raj Malhotra",
            [
                "\"It's a very close result, and people deserve to know it's the right one,\"",
                '"I\'ll have more to say tomorrow."',
            ],
        ),
        S("Hugh Fennimore", "indirect", "he had called Delacroix to congratulate her"),
        S("Walter Briggs", "mixed", 'his supporters had "sent a message that can\'t be ignored"'),
        S("Walter Briggs", "indirect", "he might run again in 2026", required=False),
        S("voters", "indirect", "housing costs were their main concern", said_on="2025-06-16"),
        S(
            "Aiden Kowal",
            "direct",
            "\"My rent went up $400 this year. That's it, that's my whole reason,\"",
        ),
        S("Janet Osei", "indirect", "The results will be made official by Thursday"),
    ],
)

A["011_fiji-climate-envoy-interview.txt"] = dict(
    published="2025-05-12",
    outlet="The Pacific Herald",
    statements=[
        S(
            "Salote Naivalu",
            "direct",
            "‘Rich countries are running out the clock’",
            required=False,
            at="^",
        ),
        S(
            "Salote Naivalu",
            "indirect",
            "why she has run out of patience with promises",
            required=False,
        ),
        *Q("Salote Naivalu", ["“People ask me why I am angry,”", "“I show them that picture.”"]),
        S(
            "Salote Naivalu",
            "mixed",
            [
                "So far",
                "the fund has received pledges of about $760 million — “less than what the world spends on fossil fuel subsidies in a single afternoon.”",
            ],
            anchor="the fund has received pledges of about $760 million",
            at="So far, she says",
        ),
        *Q(
            "Salote Naivalu",
            [
                "“Rich countries are running out the clock,”",
                "“Every year they promise the money next year, and every year the sea comes a little further.”",
            ],
        ),
        S(
            "Sione Fifita",
            "mixed",
            "the pledges as “crumbs from a very large table.”",
            said_on="2024-08",
        ),
        S("Salote Naivalu", "mixed", "“accounting tricks”", required=False),
        *Q(
            "Salote Naivalu",
            [
                "“If you take money from a school programme and call it climate money, you have not given anything,”",
                "“You have moved it from one pocket to another.”",
            ],
        ),
        S("European negotiator", "indirect", "the criticism is unfair"),
        S(
            "European negotiator",
            "indirect",
            [
                "European countries",
                "have provided more than half of all climate finance to small island states over the past decade",
            ],
            anchor="have provided more than half of all climate finance",
            at="European countries, the negotiator says",
        ),
        S(
            "European negotiator",
            "direct",
            "“We understand the anger. But the fund was always going to take time to build,”",
        ),
        *Q(
            "Salote Naivalu",
            [
                "“A date,”",
                "“Not a promise, not a process — a date when the first payment reaches a family that has lost its home.”",
            ],
        ),
        S(
            "Salote Naivalu",
            "indirect",
            ["Donor countries", "have so far resisted the idea"],
            anchor="have so far resisted the idea",
        ),
        *Q(
            "Salote Naivalu",
            [
                "“She used to say the sea was patient,”",
                "“I used to think that was a comfort. Now I understand it was a warning.”",
            ],
        ),
        S("Naivalu's grandmother", "indirect", "the sea was patient", required=False),
    ],
)

A["012_red-sea-analysis.txt"] = dict(
    published="2025-10-07",
    outlet=None,
    statements=[
        *Q(
            "Anders Holmqvist",
            [
                "“A quiet month is not a ceasefire,”",
                "“Nothing has been signed, nothing has been verified, and the people who fired the missiles still have them.”",
            ],
        ),
        S(
            "Nordhavn Analytics",
            "indirect",
            "Traffic through the Bab el-Mandeb strait has recovered to about 55 percent of its 2023 level",
        ),
        S(
            "brokers in London",
            "indirect",
            "War-risk insurance premiums, meanwhile, remain at roughly 0.7 percent of a ship’s value per voyage — about ten times pre-crisis levels",
            anchor="remain at roughly 0.7 percent of a ship’s value per voyage",
        ),
        S(
            "Houthis",
            "mixed",
            "they suspended attacks in July as “a gesture to regional mediators,”",
        ),
        S("Fadl al-Maswari", "mixed", "operations would resume “at the first violation.”"),
        S(
            "people briefed on recent talks in Muscat",
            "indirect",
            "Saudi officials believe the lull reflects the group’s own exhaustion rather than any change of heart",
            anchor="Saudi officials believe the lull",
        ),
        S(
            "Saudi officials",
            "indirect",
            "the lull reflects the group’s own exhaustion rather than any change of heart",
            required=False,
        ),
        S("senior Gulf official", "direct", "“They have not changed. They are reloading,”"),
        S(
            "Majid al-Otaibi",
            "mixed",
            "the kingdom supported “all efforts to preserve calm and freedom of navigation.”",
        ),
        S(
            "naval commanders",
            "indirect",
            "they have no plans to reduce the number of escorting frigates",
        ),
        S("Western naval officer", "direct", '"We can escort ships. We cannot escort an ocean."'),
        S("critics", "indirect", "the escorts treat the symptom rather than the cause"),
        S(
            "Nadia Farouk",
            "indirect",
            "lasting security in the Red Sea depended on a political settlement in Yemen itself",
        ),
        S("Nadia Farouk", "direct", "“You can’t solve a land war from the sea,”"),
        S(
            "Nordlys Line",
            "mixed",
            "it would resume a limited number of Suez crossings but would keep most of its Asia-Europe services on the Cape of Good Hope route “until the risk picture changes materially.”",
        ),
        S(
            "Anders Holmqvist",
            "indirect",
            "others to follow the same cautious path",
            required=False,
        ),
        S("Anders Holmqvist", "direct", "“Nobody wants to be the captain who tested the truce,”"),
    ],
)


# ----------------------------------------------------------------------- building
QUOTE_CHARS = "\"“”‘’'"


def default_anchor(frag: str) -> str:
    """The first words of the first fragment, without opening quotes, at most ~60 characters."""
    s = frag.lstrip(QUOTE_CHARS)
    if len(s) > 60:
        cut = s[:60]
        s = cut[: cut.rfind(" ")] if " " in cut else cut
    return s.rstrip(" ,.;:—–" + QUOTE_CHARS)


def locate(text: str, st: dict, errors: list, where: str):
    frags = st["frags"]
    at = st["at"]
    if at is None:
        n = text.count(frags[0])
        if n != 1:
            errors.append(f"{where}: first fragment occurs {n} times (give at=): {frags[0]!r}")
            return None
        pos = 0
    elif at == "^":
        pos = 0
    else:
        if text.count(at) != 1:
            errors.append(f"{where}: context at= occurs {text.count(at)} times: {at!r}")
            return None
        pos = text.index(at)
    spans = []
    for f in frags:
        if f != f.strip():
            errors.append(f"{where}: fragment has surrounding whitespace: {f!r}")
        i = text.find(f, pos)
        if i < 0:
            errors.append(f"{where}: fragment not found after {pos}: {f!r}")
            return None
        if spans and i - spans[-1][1] > 120:
            errors.append(f"{where}: fragments far apart ({i - spans[-1][1]} chars): {f!r}")
        spans.append([i, i + len(f)])
        pos = i + len(f)
    return spans


ARTICLE_RE = re.compile(r"^(the|a|an|one|two)\s+", re.I)


def with_bare_forms(name: str, aliases: list) -> list:
    """The aliases, each followed by its form without a leading article ("the regulator" -> "regulator"),
    since the scorer compares whole normalised strings."""
    out = []
    for a in aliases:
        for form in (a, ARTICLE_RE.sub("", a)):
            if form and form != name and form.casefold() not in {x.casefold() for x in out}:
                out.append(form)
    return out


def build(check_only=False) -> int:
    errors = []
    used = set()
    golds = {}
    for art, spec in sorted(A.items()):
        path = ARTICLES / art
        if not path.exists():
            errors.append(f"{art}: article file missing")
            continue
        text = path.read_text(encoding="utf-8")
        nn = art.split("_", 1)[0]
        rows = []
        for k, st in enumerate(spec["statements"]):
            where = f"{art}#{k}"
            if st["kind"] not in KINDS:
                errors.append(f"{where}: bad kind {st['kind']}")
            spk = st["speaker"]
            for s in spk if isinstance(spk, list) else [spk] if spk else []:
                if s not in ACTORS:
                    errors.append(f"{where}: speaker not in ACTORS: {s}")
                used.add(s)
            if st["said_on"] and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", st["said_on"]):
                errors.append(f"{where}: bad said_on {st['said_on']}")
            spans = locate(text, st, errors, where)
            if spans is None:
                continue
            content = [text[a:b] for a, b in spans]
            if content != st["frags"]:
                errors.append(f"{where}: offsets do not reproduce the fragments")
            anchor = st["anchor"] or default_anchor(st["frags"][0])
            a0 = text.find(anchor, spans[0][0])
            if a0 < 0 or a0 + len(anchor) > spans[-1][1]:
                errors.append(f"{where}: anchor not inside the content: {anchor!r}")
                continue
            rows.append(
                dict(
                    speaker=spk,
                    kind=st["kind"],
                    anchor=anchor,
                    anchor_start=a0,
                    content=content,
                    content_fragments=spans,
                    said_on=st["said_on"],
                    required=st["required"],
                )
            )
        rows.sort(key=lambda r: (r["content_fragments"][0][0], r["content_fragments"][-1][1]))
        for a, b in itertools.pairwise(rows):
            if a["content_fragments"] == b["content_fragments"]:
                errors.append(f"{art}: two statements with the same content: {a['content']}")
        statements = [dict(id=f"{nn}-{i:02d}", **r) for i, r in enumerate(rows)]
        golds[art] = dict(
            article=art,
            published_estimate=spec["published"],
            outlet_hint=spec["outlet"],
            statements=statements,
        )
    texts = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    for name in sorted(set(texts) - set(A)):
        errors.append(f"{name}: article without annotations")
    for name in sorted(set(ACTORS) - used):
        errors.append(f"actor never used as a speaker: {name}")
    for name, (typ, aliases, _d) in ACTORS.items():
        if typ not in ACTOR_TYPES:
            errors.append(f"actor {name}: bad type {typ}")
        if not any(n in t for n in [name, *aliases] for t in texts.values()):
            errors.append(f"actor {name}: neither name nor any alias occurs in the articles")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    if not check_only:
        GOLD.mkdir(exist_ok=True)
        for art, g in golds.items():
            (GOLD / art.replace(".txt", ".json")).write_text(
                json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        actors = [
            dict(name=n, type=t, aliases=with_bare_forms(n, al), description=d)
            for n, (t, al, d) in ACTORS.items()
        ]
        (GOLD / "actors.json").write_text(
            json.dumps(actors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    n = sum(len(g["statements"]) for g in golds.values())
    req = sum(s["required"] for g in golds.values() for s in g["statements"])
    print(
        f"{len(golds)} articles, {n} statements ({req} required), {len(ACTORS)} actors"
        + (" — checked" if check_only else " — written to " + str(GOLD))
    )
    return 0


if __name__ == "__main__":
    sys.exit(build(check_only="--check" in sys.argv[1:]))
