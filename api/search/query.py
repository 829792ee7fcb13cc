"""The search query language, parsed once and compiled for SQLite FTS5 and PostgreSQL.

Grammar (operators are upper case; lower-case ``and``/``or``/``not`` are ordinary words)::

    query    := or
    or       := and ("OR" and)*
    and      := unary (["AND"] unary)*          words side by side must all match
    unary    := "NOT" unary | "-" primary | primary
    primary  := "(" or ")" | '"' phrase '"' ["*"] | word ["*"]

Examples: ``foreign forces`` (both words), ``"no longer needs"`` (a phrase), ``withdr*`` (a
prefix), ``troops OR forces``, ``forces NOT coalition``, ``forces -coalition``,
``(Sudani OR Kadhimi) "combat troops"``. ``NOT`` binds tightest, then ``AND``, then ``OR``.

A query must search for something: every ``OR`` branch, and every group of words, needs at
least one word that is not negated (``forces -US`` is fine, ``-US`` alone is not). Words made of
punctuation only (a lone ``-`` or ``—``) are ignored. Words with inner punctuation
(``al-Sudani``, ``U.S.``) match their parts as a phrase, as the indexes split them.

The grammar is small (six productions) and every error message names the character where
it went wrong and how to fix it, so the tokenizer and the recursive-descent parser are written
out here rather than generated. User text never reaches the database as syntax: each word and
phrase is emitted as a quoted string (FTS5 ``"..."``, tsquery ``'...'``) with its quotes and
backslashes escaped, and only operators this module writes connect them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from api.errors import InvalidParameter

__all__ = [
    "ARABIC_MARKS",
    "MAX_DEPTH",
    "MAX_QUERY_LENGTH",
    "MAX_TERMS",
    "MIN_PREFIX",
    "And",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "SearchQuery",
    "SearchQueryError",
    "Term",
    "parse_query",
]

#: Arabic harakat, superscript alef and tatweel: the indexes drop them, so queries do too
ARABIC_MARKS = "".join(chr(c) for c in (*range(0x064B, 0x0653), 0x0670, 0x0640))
_STRIP_MARKS = str.maketrans("", "", ARABIC_MARKS)

MAX_QUERY_LENGTH = 1000
MAX_TERMS = 32
MAX_DEPTH = 8
#: letters or digits a prefix needs before its ``*``
MIN_PREFIX = 2

#: what the indexes count as a word character: letters, digits, marks, private use
WORD_CHARS = regex.compile(r"[\p{L}\p{N}\p{Co}]")
_PREFIX_TAIL = regex.compile(r"[\p{L}\p{N}\p{M}\p{Co}]*$")


class SearchQueryError(InvalidParameter):
    """A search query that does not parse; ``detail`` names the 1-based character."""

    code = "invalid_search_query"

    def __init__(self, query: str, position: int, problem: str, fix: str) -> None:
        super().__init__(
            f"invalid search query: {problem} at character {position + 1}; {fix}",
            {"query": query, "character": position + 1, "problem": problem},
        )
        self.query = query
        self.position = position


# -- syntax tree ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A word; with ``prefix`` it matches every word that starts with it."""

    text: str
    prefix: bool = False
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must follow each other; with ``prefix`` the last one is a prefix."""

    text: str
    prefix: bool = False
    position: int = field(default=0, compare=False)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node
    position: int = field(default=0, compare=False)


Node = Term | Phrase | And | Or | Not


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query: ``text`` as given, ``root`` its syntax tree."""

    text: str
    root: Node

    def fts5(self) -> str:
        """The FTS5 MATCH expression."""
        return _fts5(self.root)

    def tsquery(self) -> str:
        """The text to give ``to_tsquery(config, ...)``."""
        return _tsquery(self.root)

    def positive_terms(self) -> tuple[Term | Phrase, ...]:
        """The words and phrases that a match contains (those not under NOT), for
        highlighting, in query order and without repeats."""
        seen: dict[Term | Phrase, None] = {}
        for leaf in _positive_leaves(self.root):
            seen.setdefault(leaf, None)
        return tuple(seen)


# -- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # WORD PHRASE LPAREN RPAREN AND OR NOT MINUS END
    position: int
    text: str = ""
    prefix: bool = False


_OPERATORS = {"AND", "OR", "NOT"}
_DESCRIBE = {
    "AND": "AND",
    "OR": "OR",
    "NOT": "NOT",
    "MINUS": "'-'",
    "LPAREN": "'('",
    "RPAREN": "')'",
}


def _has_word(text: str) -> bool:
    return WORD_CHARS.search(text) is not None


def _tokens(query: str) -> Iterator[_Token]:
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            yield _Token("LPAREN", i)
            i += 1
        elif ch == ")":
            yield _Token("RPAREN", i)
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise SearchQueryError(
                    query,
                    i,
                    "unclosed quote",
                    'add a closing " after the phrase, or remove this one',
                )
            words = query[i + 1 : end].translate(_STRIP_MARKS).split()
            phrase = " ".join(w for w in words if _has_word(w))
            prefix = end + 1 < n and query[end + 1] == "*"
            if prefix:
                _check_prefix(query, phrase, end + 1)
            if _has_word(phrase):
                yield _Token("PHRASE", i, phrase, prefix)
            i = end + 2 if prefix else end + 1
        elif (
            ch == "-"
            and i + 1 < n
            and not query[i + 1].isspace()
            and query[i + 1] not in ")-"
            and (i == 0 or query[i - 1].isspace() or query[i - 1] == "(")
        ):
            yield _Token("MINUS", i)
            i += 1
        else:
            start = i
            while i < n and not query[i].isspace() and query[i] not in '()"':
                i += 1
            word = query[start:i]
            if word in _OPERATORS:
                yield _Token(word, start)
                continue
            star = word.find("*")
            prefix = star >= 0
            if prefix and star != len(word) - 1:
                at = start + star if star < len(word) - 1 else start
                raise SearchQueryError(
                    query,
                    at,
                    "'*' inside a word",
                    "'*' may only end a word, to search for a prefix (e.g. withdr*)",
                )
            text = word.rstrip("*").translate(_STRIP_MARKS)
            if prefix:
                _check_prefix(query, text, start + star)
            if _has_word(text):
                yield _Token("WORD", start, text, prefix)
    yield _Token("END", n)


def _check_prefix(query: str, text: str, star: int) -> None:
    tail = _PREFIX_TAIL.search(text)
    letters = len(WORD_CHARS.findall(tail.group(0))) if tail else 0
    if letters < MIN_PREFIX:
        raise SearchQueryError(
            query,
            star,
            "'*' without a prefix of at least " + f"{MIN_PREFIX} letters before it",
            f"write at least {MIN_PREFIX} letters or digits directly before '*' (e.g. withdr*)",
        )


# -- parser ---------------------------------------------------------------------------------


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = list(_tokens(query))
        self.i = 0
        self.depth = 0
        self.terms = 0

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, token: _Token, problem: str, fix: str) -> SearchQueryError:
        return SearchQueryError(self.query, token.position, problem, fix)

    def parse(self) -> Node:
        if self.peek().kind == "END":
            raise SearchQueryError(
                self.query,
                0,
                "no words to search for",
                'type at least one word, e.g. forces or "foreign forces"',
            )
        node = self.parse_or()
        token = self.peek()
        if token.kind == "RPAREN":
            raise self.error(token, "')' without a matching '('", "remove it or add '(' before it")
        assert token.kind == "END"
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek().kind == "OR":
            self.take()
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while self.peek().kind not in ("END", "RPAREN", "OR"):
            if self.peek().kind == "AND":
                self.take()
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        token = self.peek()
        if token.kind in ("NOT", "MINUS"):
            self.take()
            operand = self.parse_unary() if token.kind == "NOT" else self.parse_primary(token)
            return Not(operand, token.position)
        return self.parse_primary(None)

    def parse_primary(self, operator: _Token | None) -> Node:
        token = self.take()
        if token.kind == "WORD":
            return self.leaf(token, Term(token.text, token.prefix, token.position))
        if token.kind == "PHRASE":
            return self.leaf(token, Phrase(token.text, token.prefix, token.position))
        if token.kind == "LPAREN":
            if self.peek().kind == "RPAREN":
                raise self.error(token, "empty parentheses", "put words inside them or remove them")
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.error(
                    token,
                    f"parentheses nested more than {MAX_DEPTH} deep",
                    "remove some of the parentheses",
                )
            node = self.parse_or()
            closing = self.take()
            if closing.kind != "RPAREN":
                raise self.error(token, "'(' is never closed", "add a ')' where the group ends")
            self.depth -= 1
            return node
        # an operator or the end where a word was expected
        where = self.tokens[self.i - 2] if operator is None and self.i >= 2 else operator
        if token.kind == "END":
            if where is not None and where.kind in _DESCRIBE:
                raise self.error(
                    where,
                    f"{_DESCRIBE[where.kind]} with nothing after it",
                    "add a word after it or remove it",
                )
            raise self.error(token, "the query ends too early", "add a word")
        if token.kind == "RPAREN":
            if where is not None and where.kind in _DESCRIBE and where.kind != "LPAREN":
                raise self.error(
                    where,
                    f"{_DESCRIBE[where.kind]} with nothing after it",
                    "add a word after it or remove it",
                )
            raise self.error(token, "')' without a matching '('", "remove it or add '(' before it")
        if token.kind in ("AND", "OR"):
            raise self.error(
                token,
                f"{token.kind} without a word on each side",
                f"put a word on each side of {token.kind} (e.g. troops {token.kind} forces)",
            )
        if token.kind in ("NOT", "MINUS"):
            raise self.error(
                token,
                f"{_DESCRIBE[token.kind]} right after '-'",
                "write a single NOT or '-' before the word to exclude",
            )
        raise self.error(token, "unexpected text", "check the query's syntax")  # pragma: no cover

    def leaf(self, token: _Token, node: Term | Phrase) -> Node:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.error(
                token,
                f"more than {MAX_TERMS} words and phrases",
                "search for fewer words at a time",
            )
        return node


def _simplify(node: Node) -> Node:
    """Flatten nested AND/OR and cancel double negation."""
    if isinstance(node, Not):
        inner = _simplify(node.item)
        return inner.item if isinstance(inner, Not) else Not(inner, node.position)
    if isinstance(node, And | Or):
        kind = type(node)
        items: list[Node] = []
        for item in (_simplify(i) for i in node.items):
            items.extend(item.items if isinstance(item, kind) else (item,))
        return kind(tuple(items))
    return node


def _check(query: str, node: Node) -> None:
    """Every match must contain something: no bare NOT, no OR branch that only excludes."""
    if isinstance(node, Not):
        raise SearchQueryError(
            query,
            node.position,
            "a query or OR branch that only excludes",
            "add a word to search for beside the excluded one (e.g. troops -US, or "
            "forces NOT (US OR coalition))",
        )
    if isinstance(node, And):
        if all(isinstance(item, Not) for item in node.items):
            _check(query, node.items[0])
        for item in node.items:
            _check(query, item.item if isinstance(item, Not) else item)
    elif isinstance(node, Or):
        for item in node.items:
            _check(query, item)


def parse_query(text: str) -> SearchQuery:
    """Parse ``text``; raise ``SearchQueryError`` (a 400) saying what is wrong and where."""
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchQueryError(
            text[:100] + "...",
            MAX_QUERY_LENGTH,
            f"a query longer than {MAX_QUERY_LENGTH} characters",
            "shorten it",
        )
    if "\x00" in text:
        raise SearchQueryError(text, text.index("\x00"), "a NUL character", "remove it")
    root = _simplify(_Parser(text).parse())
    _check(text, root)
    return SearchQuery(text, root)


# -- compilation ----------------------------------------------------------------------------


def _fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts5(node: Node) -> str:
    if isinstance(node, Term | Phrase):
        return _fts5_string(node.text) + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(_fts5(i) for i in node.items) + ")"
    if isinstance(node, And):
        positive = [_fts5(i) for i in node.items if not isinstance(i, Not)]
        expr = "(" + " AND ".join(positive) + ")"
        for item in node.items:
            if isinstance(item, Not):
                expr = f"({expr} NOT {_fts5(item.item)})"
        return expr
    raise AssertionError(f"unchecked query node {node!r}")  # pragma: no cover


def _tsquery_string(text: str, prefix: bool) -> str:
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


def _tsquery(node: Node) -> str:
    if isinstance(node, Term):
        return _tsquery_string(node.text, node.prefix)
    if isinstance(node, Phrase):
        words = node.words
        parts = [
            _tsquery_string(w, node.prefix and i == len(words) - 1) for i, w in enumerate(words)
        ]
        return "(" + " <-> ".join(parts) + ")"
    if isinstance(node, Not):
        return "!" + _tsquery(node.item)
    if isinstance(node, And | Or):
        op = " & " if isinstance(node, And) else " | "
        return "(" + op.join(_tsquery(i) for i in node.items) + ")"
    raise AssertionError(f"unknown query node {node!r}")  # pragma: no cover


def _positive_leaves(node: Node) -> Iterator[Term | Phrase]:
    if isinstance(node, Term | Phrase):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _positive_leaves(item)
