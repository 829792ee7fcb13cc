"""Repair stage: turn decoded text into the text Dicta stores, logging every change.

``repair(text)`` runs four passes, each a list of edits against the text the previous pass
produced; :class:`RepairLog` composes them so that every :class:`~seed.records.Repair` ends
up with offsets into the *final* text (``start``/``end``, where ``after`` now stands) and into
the *decoded input* (``raw_offset``, where ``before`` began):

1. ftfy (mojibake, HTML entities, control characters, ligatures, NFC) — curly quotes,
   character widths and line breaks are left alone: they are not damage.
2. GBK-misdecoded runs: Latin-1 letters that are really GBK double bytes. Text that went
   UTF-8 → read as GBK → (simplified) → written as GBK → read as Latin-1 shows runs like
   ``Ìý`` (GBK ``听``, the simplified form of ``聽`` = UTF-8 ``C2 A0``, a non-breaking space).
   A run that maps back to valid UTF-8 is restored (a recovered non-breaking space becomes
   a plain space); one that does not (``°®Âþµº``) lost its bytes and is kept as received,
   marked as unrecoverable.
3. Stripped soft hyphens: a two-byte UTF-8 character whose second byte is ``0xAD`` becomes,
   when read as Latin-1, a lead byte plus a soft hyphen; sanitisers drop the soft hyphen and
   leave the lead byte alone (Arabic ``ح`` = ``D8 AD`` → ``Ø``). A lone lead byte standing
   against letters of the script its completed character belongs to is completed.
4. Whitespace: line endings to ``\\n``, odd spaces to a plain space, runs of spaces to one,
   no spaces at line ends, paragraph breaks (blank lines) kept but at most one blank line,
   nothing before the first line, at most one line break after the last.

Edits that touch a repair made by an earlier pass merge with it, so one Repair says
"`` Ìý`` became ``''``: GBK-misdecoded non-breaking space; whitespace at a line end removed".
A repair whose ``before`` equals its ``after`` is a mark: the text is kept, with a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import ftfy
from ftfy.badness import is_bad

from seed.records import Repair

GBK_NBSP = "GBK-misdecoded non-breaking space"
GBK_RECOVERED = "GBK-misdecoded text recovered"
GBK_UNRECOVERABLE_OUTLET = "unrecoverable GBK-misdecoded outlet name"
GBK_UNRECOVERABLE = "unrecoverable GBK-misdecoded text"
SOFT_HYPHEN = "character restored: its second UTF-8 byte (0xAD, a soft hyphen) was stripped"
LINE_END = "line ending normalised to \\n"
ODD_SPACE = "non-breaking or special space normalised to a plain space"
ZERO_WIDTH = "zero-width character removed"
SPACES = "repeated spaces collapsed"
LINE_EDGE = "whitespace at a line end removed"
BLANK_LINES = "blank lines collapsed to one paragraph break"
TEXT_EDGE = "whitespace at the start or end of the text removed"

#: ftfy steps that fix damage; the others would rewrite text that is not broken.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_line_breaks=False,
    explain=True,
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of the current text by ``after``, because ``reason``.
    An edit whose ``after`` equals what it replaces only marks the span."""

    start: int
    end: int
    after: str
    reason: str


@dataclass(slots=True)
class _Pending:
    start: int  # in the current text
    end: int
    raw_start: int  # in the decoded input
    raw_end: int
    reasons: list[str] = field(default_factory=list)
    before: str | None = None  # overrides decoded[raw_start:raw_end] (decode repairs)


class RepairLog:
    """The text after each pass and the repairs so far, located in it and in the input."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text
        self._pending: list[_Pending] = []  # sorted, non-overlapping

    def apply(self, edits: Iterable[Edit]) -> None:
        """Apply one pass's edits (non-overlapping, against the current text)."""
        todo = sorted(edits, key=lambda e: (e.start, e.end))
        if not todo:
            return
        for a, b in zip(todo, todo[1:], strict=False):
            if b.start < a.end:
                raise ValueError(f"overlapping edits at {b.start}: {a.reason!r}, {b.reason!r}")
        text = self.text
        groups = _group(todo, self._pending)
        pieces: list[str] = []
        pending: list[_Pending] = []
        cursor = delta = 0
        for group in groups:
            if not group.edits:  # an earlier repair that this pass leaves alone
                (p,) = group.repairs
                pending.append(
                    _Pending(
                        p.start + delta, p.end + delta, p.raw_start, p.raw_end, p.reasons, p.before
                    )
                )
                continue
            lo, hi = group.lo, group.hi
            after: list[str] = []
            at = lo
            for e in group.edits:
                after.append(text[at : e.start])
                after.append(e.after)
                at = e.end
            after.append(text[at:hi])
            new = "".join(after)
            raw_lo = min([p.raw_start for p in group.repairs] + [self._to_raw(lo, group.repairs)])
            raw_hi = max([p.raw_end for p in group.repairs] + [self._to_raw(hi, ())])
            reasons = [r for p in group.repairs for r in p.reasons] + [
                e.reason for e in group.edits
            ]
            overrides = [p for p in group.repairs if p.before is not None]
            before = None
            if len(overrides) == 1 and (overrides[0].raw_start, overrides[0].raw_end) == (
                raw_lo,
                raw_hi,
            ):
                before = overrides[0].before
            pieces.append(text[cursor:lo])
            pieces.append(new)
            pending.append(
                _Pending(
                    lo + delta, lo + delta + len(new), raw_lo, raw_hi, _dedupe(reasons), before
                )
            )
            cursor = hi
            delta += len(new) - (hi - lo)
        pieces.append(text[cursor:])
        self.text = "".join(pieces)
        self._pending = pending

    def mark_decode(self, at: int, before: str, reason: str) -> None:
        """Record that the character at ``at`` of the input came from the bytes shown in
        ``before`` through a non-UTF-8 decode; call before any pass."""
        if self._pending or self.text is not self.original:
            raise RuntimeError("mark_decode must come before any edit")
        self._pending.append(_Pending(at, at + 1, at, at + 1, [reason], before))

    def _to_raw(self, pos: int, exclude: Iterable[_Pending]) -> int:
        """Offset in the input of ``pos`` (not inside a repair) of the current text."""
        skip = {id(p) for p in exclude}
        shift = 0
        for p in self._pending:
            if p.end > pos:
                break
            if id(p) not in skip:
                shift += (p.end - p.start) - (p.raw_end - p.raw_start)
        return pos - shift

    def repairs(self) -> tuple[Repair, ...]:
        return tuple(
            Repair(
                start=p.start,
                end=p.end,
                before=p.before if p.before is not None else self.original[p.raw_start : p.raw_end],
                after=self.text[p.start : p.end],
                reason="; ".join(p.reasons),
                raw_offset=p.raw_start,
            )
            for p in self._pending
        )


@dataclass(slots=True)
class _Group:
    lo: int
    hi: int
    edits: list[Edit] = field(default_factory=list)
    repairs: list[_Pending] = field(default_factory=list)
    empty_at_hi: bool = False


def _group(edits: list[Edit], pending: list[_Pending]) -> list[_Group]:
    """Edits and earlier repairs in text order, those that touch joined into one group:
    overlapping, or bordering where one of them is empty (an insertion or a deletion)."""
    items: list[tuple[int, int, Edit | _Pending]] = [(e.start, e.end, e) for e in edits]
    items += [(p.start, p.end, p) for p in pending]
    items.sort(key=lambda t: (t[0], t[1]))
    groups: list[_Group] = []
    for start, end, item in items:
        g = groups[-1] if groups else None
        if g is not None and (start < g.hi or (start == g.hi and (start == end or g.empty_at_hi))):
            if end > g.hi:
                g.hi, g.empty_at_hi = end, False
        else:
            g = _Group(start, end)
            groups.append(g)
        if start == end == g.hi:
            g.empty_at_hi = True
        if isinstance(item, Edit):
            g.edits.append(item)
        else:
            g.repairs.append(item)
    # groups of earlier repairs alone stay one per repair
    out: list[_Group] = []
    for g in groups:
        if not g.edits and len(g.repairs) > 1:
            out += [_Group(p.start, p.end, [], [p]) for p in g.repairs]
        else:
            out.append(g)
    return out


def _dedupe(reasons: list[str]) -> list[str]:
    return list(dict.fromkeys(reasons))


# ---------------------------------------------------------------------------------------
# Pass 1: ftfy


def ftfy_edits(text: str) -> list[Edit]:
    """ftfy's fixes as edits: each line that ftfy would change is diffed against its repair.
    Lines without anything ftfy acts on are skipped without calling it (the common case)."""
    if text.isascii() and _FTFY_TARGETS.search(text) is None:
        return []
    edits: list[Edit] = []
    offset = 0
    for line in text.split("\n"):
        if _ftfy_may_change(line):
            new, explanation = ftfy.fix_and_explain(line, _FTFY)
            if new != line:
                steps = ", ".join(
                    arg if op == "apply" else f"{op} {arg}" for op, arg in explanation or ()
                )
                reason = f"mojibake or damage fixed by ftfy ({steps})"
                matcher = SequenceMatcher(None, line, new, autojunk=False)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                    if tag != "equal":
                        edits.append(Edit(offset + i1, offset + i2, new[j1:j2], reason))
        offset += len(line) + 1
    return edits


#: what ftfy's enabled fixers act on besides mojibake: HTML entities, control and C1
#: characters, terminal escapes, ligatures, lone surrogates, byte-order marks
_FTFY_TARGETS = re.compile(
    r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufb00-\ufb06\ud800-\udfff\ufeff\ufff9-\ufffc\u206a-\u206f]"
)


def _ftfy_may_change(text: str) -> bool:
    if text.isascii():
        return _FTFY_TARGETS.search(text) is not None
    return (
        _FTFY_TARGETS.search(text) is not None
        or not unicodedata.is_normalized("NFC", text)
        or is_bad(text)
    )


# ---------------------------------------------------------------------------------------
# Pass 2: GBK-misdecoded runs

#: standalone runs of Latin-1 characters: GBK lead bytes are 0x81-0xFE, so a run starts at
#: U+00A1 or later; NBSP (0xA0) can only be a trail byte.
_LATIN1_RUN = re.compile(
    r"(?<![A-Za-z0-9\u00a0-\u00ff])[\u00a1-\u00ff][\u00a0-\u00ff]+(?![A-Za-z0-9])"
)
#: simplified characters whose traditional form is what the GBK reader first produced; the
#: one that matters in practice is the non-breaking space (UTF-8 C2 A0 = GBK 聽 → 听).
_TRADITIONAL = {"听": "聽"}
#: the Latin-1 readings of GBK characters that stand for a UTF-8 space: ``Ìý`` (听), found
#: anywhere, even between two words
_GBK_SPACES = re.compile(
    "(?:"
    + "|".join(
        re.escape(simplified.encode("gbk").decode("latin-1"))
        for simplified, traditional in _TRADITIONAL.items()
        if traditional.encode("gbk").decode("utf-8").isspace()
    )
    + ")+"
)
#: words before a name that is a news source ("told X", "obtained by X", "according to X")
_SOURCE_CUE = re.compile(
    r"(?:\btold|\bby|\bto|\bwith|\baccording to|\bspeaking to|\breported)\s*$", re.IGNORECASE
)


def gbk_edits(text: str) -> list[Edit]:
    if text.isascii():
        return []
    edits = [
        Edit(m.start(), m.end(), " " * (len(m.group()) // 2), GBK_NBSP)
        for m in _GBK_SPACES.finditer(text)
    ]
    for m in _LATIN1_RUN.finditer(text):
        run = m.group()
        if any(e.start < m.end() and m.start() < e.end for e in edits):
            continue  # holds a space already restored
        if len(run) < 4 and all(c.isalpha() for c in run):
            continue  # a short word ("Þú"): two GBK characters at least, or a symbol in it
        raw = run.encode("latin-1")
        if len(raw) % 2 or _is_utf8(raw):
            continue  # odd runs are not double bytes; UTF-8 mojibake is ftfy's
        try:
            hanzi = raw.decode("gbk")
        except UnicodeDecodeError:
            continue
        if not all(_is_cjk(c) for c in hanzi):
            continue
        recovered = _recover_utf8(hanzi)
        if recovered is not None:
            edits.append(Edit(m.start(), m.end(), recovered, GBK_RECOVERED))
        else:
            source = _SOURCE_CUE.search(text, max(0, m.start() - 20), m.start()) is not None
            reason = GBK_UNRECOVERABLE_OUTLET if source else GBK_UNRECOVERABLE
            edits.append(Edit(m.start(), m.end(), run, reason))  # a mark: kept as received
    return edits


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def _recover_utf8(hanzi: str) -> str | None:
    """The UTF-8 text that a GBK reader turned into ``hanzi``, if its bytes survived."""
    raw = "".join(_TRADITIONAL.get(c, c) for c in hanzi).encode("gbk")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if text.isprintable() else None


# ---------------------------------------------------------------------------------------
# Pass 3: lead bytes whose soft-hyphen continuation byte was stripped

#: U+00C2..U+00DF are the Latin-1 readings of two-byte UTF-8 lead bytes.
_LEAD_BYTE = re.compile(r"[\u00c2-\u00df]")


def soft_hyphen_edits(text: str) -> list[Edit]:
    if text.isascii():
        return []
    edits: list[Edit] = []
    for m in _LEAD_BYTE.finditer(text):
        i = m.start()
        restored = bytes([ord(m.group()), 0xAD]).decode("utf-8")
        script = _script(restored)
        if script in (None, "LATIN") or not unicodedata.category(restored).startswith("L"):
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        neighbours = [c for c in (prev, nxt) if c.isalpha()]
        if neighbours and all(_script(c) == script for c in neighbours):
            edits.append(Edit(i, i + 1, restored, SOFT_HYPHEN))
    return edits


def _script(c: str) -> str | None:
    name = unicodedata.name(c, "")
    return name.split(" ", 1)[0] if name else None


# ---------------------------------------------------------------------------------------
# Pass 4: whitespace

_ODD_SPACE = "[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_SPACE = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_BREAK = r"(?:\r\n|[\n\r\x0c\x85\u2028\u2029])"
_WS = re.compile(
    rf"(?P<edge_start>\A\s+)"
    rf"|(?P<edge_end>\s+\Z)"
    rf"|(?P<breaks>{_SPACE}*{_BREAK}(?:{_SPACE}*{_BREAK})*{_SPACE}*)"
    rf"|(?P<zero>[\u200b\u2060\ufeff]+)"
    rf"|(?P<spaces>{_SPACE}{{2,}}|{_ODD_SPACE})"
)
_NOT_PLAIN = re.compile(r"[^ \n]")


def whitespace_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _WS.finditer(text):
        run, kind = m.group(), m.lastgroup
        if kind == "edge_start":
            edits.append(Edit(m.start(), m.end(), "", TEXT_EDGE))
        elif kind == "edge_end":  # a text file may end with one line break, no more
            after = "\n" if re.search(_BREAK, run) else ""
            if run != after:
                edits.append(_minimal(m.start(), run, after, TEXT_EDGE))
        elif kind == "zero":
            edits.append(Edit(m.start(), m.end(), "", ZERO_WIDTH))
        elif kind == "breaks":
            n = len(re.findall(_BREAK, run))
            after = "\n" if n == 1 else "\n\n"
            if run != after:
                if "\r" in run or re.search(r"[\x0c\x85\u2028\u2029]", run):
                    reason = LINE_END
                elif n > 2:
                    reason = BLANK_LINES
                else:
                    reason = LINE_EDGE
                edits.append(_minimal(m.start(), run, after, reason))
        elif run != " ":
            reason = ODD_SPACE if _NOT_PLAIN.search(run) else SPACES
            edits.append(_minimal(m.start(), run, " ", reason))
    return edits


def _minimal(start: int, before: str, after: str, reason: str) -> Edit:
    """The edit replacing ``before`` (at ``start``) by ``after``, without their common ends."""
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    j = 0
    while j < min(len(before), len(after)) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    return Edit(start + i, start + len(before) - j, after[i : len(after) - j], reason)


# ---------------------------------------------------------------------------------------


def repair(text: str, log: RepairLog | None = None) -> RepairLog:
    """Run every pass over ``text`` (or continue ``log``) and return the log."""
    log = log or RepairLog(text)
    for make in (ftfy_edits, gbk_edits, soft_hyphen_edits, whitespace_edits):
        log.apply(make(log.text))
    return log
