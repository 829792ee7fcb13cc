"""``dicta extract PATH... --format jsonl|json|csv [--manifest FILE]``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seed.cli import app
from tests.conftest import SAMPLES

DICTA = Path(sys.executable).with_name("dicta")

TEXT = (
    "Ferry fares to rise\n"
    "On Monday, Mayor Ola Strand said fares would rise by ten percent.\n"
    "“We have no choice,” she told reporters.\n"
)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "ferry.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl(folder: Path) -> None:
    code, out, _ = run(str(folder), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    first, second = records
    start = TEXT.index("fares would")
    assert first == {
        "article": "ferry.txt",
        "speaker": "Ola Strand",
        "actor": "Ola Strand",
        "speaker_type": "person",
        "speaker_text": "Mayor Ola Strand",
        "co_speakers": [],
        "text": "fares would rise by ten percent",
        "fragments": ["fares would rise by ten percent"],
        "fragment_offsets": [[start, start + 31]],
        "start": start,
        "end": start + 31,
        "cue": "said",
        "kind": "indirect",
        "said_on": None,
        "said_on_text": "Monday",
        "language": "en",
        "medium": None,
        "statement": first["statement"],
        "date_conflict": False,
    }
    assert first["statement"].startswith("st-")
    assert (second["speaker"], second["speaker_text"], second["kind"]) == (
        "Ola Strand",
        "she",
        "direct",
    )


def test_manifest_gives_the_date(folder: Path) -> None:
    manifest = folder / "manifest.yaml"
    manifest.write_text("articles:\n  ferry.txt:\n    published: 2024-03-06\n", encoding="utf-8")
    code, out, _ = run(str(folder / "ferry.txt"), "--manifest", str(manifest))
    assert code == 0
    assert json.loads(out.splitlines()[0])["said_on"] == "2024-03-04"  # the Monday before


def test_json_and_csv(folder: Path) -> None:
    code, out, _ = run(str(folder), "--format", "json")
    assert code == 0 and [r["speaker"] for r in json.loads(out)] == ["Ola Strand", "Ola Strand"]
    code, out, _ = run(str(folder), "--format", "csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["speaker"], r["kind"], r["date_conflict"]) for r in table] == [
        ("Ola Strand", "indirect", "false"),
        ("Ola Strand", "direct", "false"),
    ]
    assert (
        table[0]["fragment_offsets"]
        == f"{TEXT.index('fares would')}-{TEXT.index('fares would') + 31}"
    )


def test_a_bad_file_is_reported_and_the_others_printed(folder: Path) -> None:
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run(str(folder))
    assert code == 1
    assert len(out.splitlines()) == 2
    assert "empty.txt" in err


def test_unknown_format() -> None:
    code, _, err = run(".", "--format", "xml")
    assert code == 2 and "unknown format 'xml'" in err


@pytest.mark.slow
def test_the_same_statements_in_every_process() -> None:
    # statements merge in one order whatever Python's string hash seed: a re-run gives the
    # same keys
    sample = next(SAMPLES.glob("004_*.txt"))
    outputs = {
        subprocess.run(
            [str(DICTA), "extract", str(sample), "--format", "jsonl"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        ).stdout
        for seed in ("0", "1", "2")
    }
    assert len(outputs) == 1
