"""The checked-in SDL is the schema the code builds."""

from __future__ import annotations

from pathlib import Path

from api.graphql import build_schema, print_sdl

SDL_FILE = Path(__file__).resolve().parents[3] / "schema.graphql"


def test_checked_in_sdl_matches_the_code() -> None:
    assert SDL_FILE.read_text(encoding="utf-8") == print_sdl(), (
        "schema.graphql differs from the schema the code builds; if the change is meant, "
        "regenerate it with `.venv/bin/dicta graphql-schema > schema.graphql` and commit it"
    )


def test_printed_sdl_is_the_schema() -> None:
    assert print_sdl() == str(build_schema()) + "\n"
