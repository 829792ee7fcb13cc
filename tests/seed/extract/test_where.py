"""Where a statement was said: a place beside its cue, never one in its content."""

from __future__ import annotations

import pytest

from seed.extract.where import said_at
from seed.pipeline import load_nlp, place_resolver

CASES = [
    # sentence, cue, content, where it was said
    ("The prime minister said in Baghdad that troops would stay.", "said",
     "troops would stay", "Baghdad"),
    ("The minister told reporters in Erbil that the talks had failed.", "told",
     "the talks had failed", "Erbil"),
    ("“We will not leave,” he said at a press conference in Amman on Monday.", "said",
     "“We will not leave,”", "Amman"),
    ("Speaking in Geneva, the envoy said the ceasefire was holding.", "said",
     "the ceasefire was holding", "Geneva"),
    ("He said during a visit to Kirkuk that the city was safe.", "said",
     "the city was safe", "Kirkuk"),
    ("He said on Monday in Tehran that Iran would respond.", "said",
     "Iran would respond", "Tehran"),
    # places that are not where it was said
    ("She said the attack in Mosul killed five people.", "said",
     "the attack in Mosul killed five people", None),
    ("He said at a meeting with Iraq's prime minister that aid would come.", "said",
     "aid would come", None),
    ("The spokesman said US forces in Iraq were safe.", "said",
     "US forces in Iraq were safe", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "content", "where"), CASES)
def test_said_at(text: str, cue: str, content: str, where: str | None) -> None:
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == cue)
    places = [m for m in place_resolver().find(doc) if m.location is not None]
    start = text.index(content)
    found = said_at(token, places, [(start, start + len(content))])
    assert (found.location.name if found and found.location else None) == where


def test_nothing_without_a_cue_or_places() -> None:
    doc = load_nlp()("He said in Baghdad that troops would stay.")
    assert said_at(None, place_resolver().find(doc), []) is None
    assert said_at(doc[1], [], []) is None
