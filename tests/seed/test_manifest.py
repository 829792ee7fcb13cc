"""The manifest: YAML and JSON, the shipped one, and errors that say where and how to fix."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from schema.enums import DatePrecision, OutletKind
from seed.manifest import ManifestEntry, ManifestError, load_manifest
from seed.records import OutletInfo

SAMPLES = Path(__file__).resolve().parents[2] / "seed" / "samples"

FULL = """\
articles:
  a.txt:
    outlet:
      name: Press TV
      domain: presstv.ir
      country: IR
      language: en
      kind: state_media
      state_affiliation: Iranian state broadcaster
    url: https://example.org/a
    title: No need for foreign forces
    subtitle: The PM speaks
    published: 2021-07-25
    languages: [en, ar]
  b.txt:
    outlet: Kayhan International
    published: 2024-02
    published_estimated: true
  c.txt:
"""


def write(tmp_path: Path, text: str, name: str = "manifest.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_full_entry(tmp_path: Path) -> None:
    m = load_manifest(write(tmp_path, FULL))
    assert m.entry_for("a.txt") == ManifestEntry(
        file_name="a.txt",
        outlet=OutletInfo(
            name="Press TV",
            domain="presstv.ir",
            country="IR",
            language="en",
            kind=OutletKind.STATE_MEDIA,
            state_affiliation="Iranian state broadcaster",
        ),
        url="https://example.org/a",
        title="No need for foreign forces",
        subtitle="The PM speaks",
        published_on=dt.date(2021, 7, 25),
        published_precision=DatePrecision.DAY,
        published_estimated=False,
        languages=("en", "ar"),
        line=2,
    )
    b = m.entry_for("some/dir/b.txt")
    assert b is not None and b.outlet == OutletInfo(name="Kayhan International")
    assert (b.published_on, b.published_precision, b.published_estimated) == (
        dt.date(2024, 2, 1),
        DatePrecision.MONTH,
        True,
    )
    assert m.entry_for("c.txt") == ManifestEntry("c.txt", line=19)
    assert m.entry_for("d.txt") is None


def test_json_manifest(tmp_path: Path) -> None:
    data = {"articles": {"a.txt": {"outlet": "Press TV", "published": "2021"}}}
    m = load_manifest(write(tmp_path, json.dumps(data, indent=2), "manifest.json"))
    a = m.entry_for("a.txt")
    assert a is not None and a.published_precision == DatePrecision.YEAR


def test_shipped_sample_manifest_holds_only_what_the_texts_reveal() -> None:
    m = load_manifest(SAMPLES / "manifest.yaml")
    assert sorted(m.entries) == sorted(p.name for p in SAMPLES.glob("*.txt"))
    for entry in m.entries.values():
        assert entry.url is None  # the files came without their pages
        assert entry.published_on is None or entry.published_estimated
        assert entry.outlet is None or entry.outlet == OutletInfo(name=entry.outlet.name)
    press_tv = m.entry_for("004_38d3a961bc4007bc.txt")
    assert press_tv is not None and press_tv.outlet == OutletInfo(name="Press TV")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", None, "the manifest is empty"),
        ("files:\n  a.txt: {}\n", 1, "unknown key 'files'"),
        ("articles:\n  - a.txt\n", 2, "must map file names"),
        ("articles:\n  a.txt:\n    publised: 2021\n", 3, "unknown key 'publised' in the entry"),
        ("articles:\n  a.txt:\n    published: 2021-13-01\n", 3, "not a date"),
        ("articles:\n  a.txt:\n    published: last week\n", 3, "write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("articles:\n  a.txt:\n    published_estimated: maybe\n", 3, "true or false"),
        ("articles:\n  a.txt: {}\n  b.txt: {}\n  a.txt: {}\n", 4, "listed twice (first on line 2)"),
        ("articles:\n  a.txt:\n    outlet: {domain: x.org}\n", 3, "has no 'name'"),
        ("articles:\n  a.txt:\n    outlet: {name: X, kind: tabloid}\n", 3, "not one of newspaper"),
        ("articles:\n  a.txt:\n    languages: [English]\n", 3, "not a language code"),
        ("articles:\n  a.txt:\n    title: [a, b]\n", 3, "'title' must be a non-empty text"),
        ("articles:\n  a.txt:\n  title: x\n   bad: indent\n", 4, "not valid YAML"),
    ],
)
def test_errors_name_the_file_the_line_and_the_fix(
    tmp_path: Path, text: str, line: int | None, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ManifestError) as err:
        load_manifest(path)
    assert err.value.path == path and err.value.line == line
    assert fragment in err.value.message
    assert str(err.value).startswith(f"{path}, line {line}: " if line else f"{path}: ")


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '{"articles": {\n  "a.txt": {,}\n}}', "manifest.json")
    with pytest.raises(ManifestError, match=r"line 2: not valid JSON"):
        load_manifest(path)


def test_missing_or_unreadable_manifest(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_manifest(tmp_path / "nope.yaml")
    with pytest.raises(ManifestError, match="cannot read the manifest"):
        load_manifest(tmp_path)
