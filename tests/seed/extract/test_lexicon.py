from __future__ import annotations

from schema.enums import Medium
from seed.extract.lexicon import lexicon


def test_verb_frames() -> None:
    lex = lexicon()
    say = lex.frames("say", set())
    assert say is not None and say.clause and not say.object
    describe = lex.frames("describe", set())
    assert describe is not None and describe.as_
    call = lex.frames("call", set())
    assert call is not None and "for" in call.preps and call.objcomp
    assert lex.frames("point", {"out"}) is not None
    assert lex.frames("point", set()) is None
    assert lex.frames("walk", set()) is None


def test_nouns() -> None:
    lex = lexicon()
    assert "statement" in lex.statement_nouns
    assert "source" in lex.anonymous_heads
    assert lex.venue_nouns["interview"] == Medium.INTERVIEW
    assert "minister" in lex.role_heads and "prime" in lex.title_words
