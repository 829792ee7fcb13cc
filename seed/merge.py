"""One utterance, many reports: attributions of the same statement — across articles, and
within one (a headline and its body, a lead and its quote) — share a ``statement_key``.

Two attributions are one statement when they have the same speaker (person names compared
with :func:`seed.entities.names.same_person` across articles), their contents say the same
thing (content words aligned one to one, a word matching its own stem or, through the
word vectors when given, a near synonym: "forces"/"troops"), and their dates allow it (said
or reported within :data:`MAX_DAYS_APART` of each other; unknown dates do not forbid it).
Dates that disagree stay on each attribution; :func:`date_conflicts` lists the statements
whose attributions disagree (the samples date one remark 15 August in one outlet and
"Monday", the 14th, in another).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

from schema.enums import ActorKind, DatePrecision
from seed.dates import format_date
from seed.entities.actors import ActorResolver
from seed.entities.names import same_person
from seed.records import ActorRef, ExtractedArticle, ExtractedAttribution

#: minimum similarity (0–1) of two contents for one statement
THRESHOLD = 0.6
#: statements reported further apart than this are different statements
MAX_DAYS_APART = 10
#: cosine of two word vectors above which the words count as the same
WORD_SIMILARITY = 0.62
#: wordings sharing fewer of their words than this are not compared through vectors
LEXICAL_FLOOR = 0.25

#: a word's vector, or None for a word the model does not know
Vectors = Callable[[str], "np.ndarray | None"]

_STOP = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and",
        "or", "but", "as", "that", "this", "these", "those", "it", "its", "is", "are", "was",
        "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
        "would", "shall", "should", "can", "could", "may", "might", "must", "there", "their",
        "they", "them", "he", "she", "his", "her", "we", "our", "us", "you", "your", "i", "me",
        "my", "what", "which", "who", "whom", "whose", "about", "into", "than", "then", "so",
        "such", "also", "any", "some", "all", "more", "most", "other", "very", "just", "only",
        "over", "under", "up", "out", "if", "while", "because", "said", "says", "say",
    }
)  # fmt: skip
_NEGATION = frozenset({"no", "not", "never", "n't", "nor", "without", "none"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


# --------------------------------------------------------------------------- content words


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ational", "ation", "ments", "ment", "ness", "ities", "ity", "ing", "ants",
                   "ant", "ies", "ied", "ed", "es", "s", "al"):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def content_words(text: str) -> tuple[str, ...]:
    out = []
    for w in _WORD.findall(text.replace("’", "'")):
        low = w.lower()
        if low in _NEGATION or low.endswith("n't"):
            out.append("<not>")
        elif low not in _STOP and len(low) > 1:
            out.append(low)
    return tuple(out)


def similarity(a: tuple[str, ...], b: tuple[str, ...], vectors: Vectors | None = None) -> float:
    """Soft F1 of two bags of content words, each word aligned to its best match: 1 for
    the same stem, else (with ``vectors``) the cosine of the two words' vectors when it
    reaches :data:`WORD_SIMILARITY`."""
    if not a or not b:
        return 0.0
    stems_b = [_stem(w) for w in b]
    scores = np.array([[float(_stem(w) == t) for t in stems_b] for w in a])
    if vectors is not None:
        cosines = _units(vectors, a) @ _units(vectors, b).T
        scores = np.maximum(scores, np.where(cosines >= WORD_SIMILARITY, cosines, 0.0))
    p = float(scores.max(axis=1).mean())
    r = float(scores.max(axis=0).mean())
    return 2 * p * r / (p + r) if p + r else 0.0


def _units(vectors: Vectors, words: tuple[str, ...]) -> np.ndarray:
    """The words' unit vectors as rows (zeros for a word without one, and for negation)."""
    return np.array([_unit(vectors, w) for w in words])


@lru_cache(maxsize=65536)
def _unit(vectors: Vectors, word: str) -> np.ndarray:
    v = vectors(word) if word != "<not>" else None
    if v is None:
        return np.zeros(_width(vectors))
    norm = float(np.linalg.norm(v))
    return v / norm if norm else np.zeros(len(v))


@lru_cache(maxsize=8)
def _width(vectors: Vectors) -> int:
    for probe in ("the", "said", "government"):
        v = vectors(probe)
        if v is not None:
            return len(v)
    return 300


# --------------------------------------------------------------------------- speakers


def canonical_names(refs: Iterable[ActorRef]) -> dict[str, str]:
    """Name → one name per actor across articles: persons by :func:`same_person` (full names
    only), others by their exact name; the spelling used most often wins."""
    counts = Counter(r.name for r in refs)
    kinds: dict[str, ActorKind] = {}
    for r in refs:
        kinds.setdefault(r.name, r.kind)
    names = sorted(counts, key=lambda n: (-counts[n], -len(n), n))
    out: dict[str, str] = {}
    heads: list[str] = []
    for n in names:
        if kinds[n] == ActorKind.PERSON and len(n.split()) >= 2:
            head = next((h for h in heads if same_person(n, h)), None)
            if head is None:
                heads.append(n)
                head = n
            out[n] = head
        else:
            out[n] = n
    return out


def _canonicalize(
    articles: list[ExtractedArticle], actors: ActorResolver | None
) -> list[ExtractedArticle]:
    """One name per actor across the articles (the gazetteer's, or the resolver's merge of
    person names; without a resolver, :func:`canonical_names`)."""
    refs = [
        r
        for art in articles
        for att in art.attributions
        for r in (att.speaker, *att.co_speakers)
        if r is not None
    ]
    if actors is not None:
        mapping = {name: ref.name for name, ref in actors.canonicalize_across(refs).items()}
    else:
        mapping = canonical_names(refs)

    def rename(ref: ActorRef | None) -> ActorRef | None:
        if ref is None or mapping.get(ref.name, ref.name) == ref.name:
            return ref
        new = mapping[ref.name]
        aliases = tuple(sorted({*ref.aliases, ref.name} - {new}))
        return dataclasses.replace(ref, name=new, aliases=aliases)

    out = []
    for art in articles:
        atts = tuple(
            dataclasses.replace(
                a,
                speaker=rename(a.speaker),
                co_speakers=tuple(r for r in (rename(c) for c in a.co_speakers) if r is not None),
            )
            for a in art.attributions
        )
        out.append(dataclasses.replace(art, attributions=atts))
    return out


# --------------------------------------------------------------------------- dates


def _window(att: ExtractedAttribution, art: ExtractedArticle) -> tuple[dt.date, dt.date] | None:
    """The days the statement may have been made on, as far as this report tells."""
    if att.said_on is not None:
        d = att.said_on
        if att.said_precision == DatePrecision.YEAR:
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if att.said_precision == DatePrecision.MONTH:
            nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            return dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1)
        return d, d
    pub = art.meta.published_on
    if pub is not None and art.meta.published_precision in (None, DatePrecision.DAY):
        return pub - dt.timedelta(days=MAX_DAYS_APART), pub
    return None


def _compatible(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return True
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= MAX_DAYS_APART


# --------------------------------------------------------------------------- merging


def merge(
    articles: list[ExtractedArticle],
    *,
    vectors: Vectors | None = None,
    actors: ActorResolver | None = None,
    threshold: float = THRESHOLD,
) -> list[ExtractedArticle]:
    """``articles`` with canonical speaker names and a ``statement_key`` on every attribution."""
    articles = _canonicalize(articles, actors)
    items: list[tuple[int, int, ExtractedAttribution]] = [
        (ai, k, att) for ai, art in enumerate(articles) for k, att in enumerate(art.attributions)
    ]
    parent = list(range(len(items)))
    windows = [_window(att, articles[ai]) for ai, _, att in items]
    #: the known date windows of each group: a merge must agree with all of them
    group_windows = {i: [w] if w else [] for i, w in enumerate(windows)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        if all(_compatible(a, b) for a in group_windows[ri] for b in group_windows[rj]):
            parent[rj] = ri
            group_windows[ri] += group_windows.pop(rj)

    by_speaker: dict[str, list[int]] = defaultdict(list)
    for idx, (_, _, att) in enumerate(items):
        if att.speaker is not None:
            by_speaker[att.speaker.name.casefold()].append(idx)
    words = [content_words(att.content) for _, _, att in items]
    for members in by_speaker.values():
        # compare each pair of distinct wordings once, and only wordings sharing a stem
        wordings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in members:
            wordings[words[i]].append(i)
        index: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for w in wordings:
            for stem in {_stem(x) for x in w if x != "<not>"}:
                index[stem].add(w)
        for a, a_members in wordings.items():
            partners = {b for x in a if x != "<not>" for b in index[_stem(x)]}
            for b in sorted(partners):  # in one order, whatever the hash seed
                if b < a or (b != a and ("<not>" in a) != ("<not>" in b)):
                    continue  # once each; "no need" is never "we need"
                # within one article (a lead, a headline and the quote they sum up) by
                # the words themselves, or every remark on one theme merges; across outlets
                # the words differ more ("forces"/"troops"): through the word vectors too
                lexical = 1.0 if b == a else similarity(a, b)
                within = lexical >= threshold
                across = within
                outlets = {items[i][0] for i in a_members} | {items[j][0] for j in wordings[b]}
                if not within and vectors is not None and len(outlets) > 1:
                    across = lexical >= LEXICAL_FLOOR and similarity(a, b, vectors) >= threshold
                if not across:
                    continue
                for i in a_members:
                    for j in wordings[b]:
                        if i != j and (within if items[i][0] == items[j][0] else across):
                            join(i, j)
    # identical words without a speaker, in one article, are one statement too
    seen: dict[tuple[int, str], int] = {}
    for idx, (ai, _, att) in enumerate(items):
        if att.speaker is None:
            key = (ai, " ".join(words[idx]))
            if key in seen:
                join(seen[key], idx)
            else:
                seen[key] = idx

    keys: dict[int, str] = {}
    for idx in range(len(items)):
        root = find(idx)
        if root not in keys:
            r_ai, _, r_att = items[root]
            seed = f"{r_att.speaker.name if r_att.speaker else ''}|{articles[r_ai].raw.sha256}|{r_att.start}"
            keys[root] = "st-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]
    out: list[list[ExtractedAttribution]] = [[] for _ in articles]
    for idx, (ai, _, att) in enumerate(items):
        out[ai].append(dataclasses.replace(att, statement_key=keys[find(idx)]))
    return [
        dataclasses.replace(art, attributions=tuple(out[ai])) for ai, art in enumerate(articles)
    ]


def date_conflicts(articles: Iterable[ExtractedArticle]) -> set[str]:
    """Statement keys whose attributions give different dates ("2023-08" agrees with
    "2023-08-15"; "2023-08-14" does not)."""
    dates: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        for att in art.attributions:
            if att.statement_key and att.said_on is not None and att.said_precision is not None:
                dates[att.statement_key].add(format_date(att.said_on, att.said_precision))
    conflicts = set()
    for key, found in dates.items():
        ordered = sorted(found, key=len)
        if not all(b.startswith(a) for a, b in zip(ordered, ordered[1:], strict=False)):
            conflicts.add(key)
    return conflicts
