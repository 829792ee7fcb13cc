"""The manifest: what is known about each article file from outside its text.

A YAML (or JSON, same shape) file::

    articles:
      004_38d3a961bc4007bc.txt:
        outlet: Press TV                 # a name, or a mapping:
        # outlet: {name: Press TV, domain: presstv.ir, country: IR, language: en,
        #          kind: state_media, state_affiliation: Iranian state broadcaster IRIB}
        url: https://…
        title: …
        subtitle: …
        published: 2021-07-25            # YYYY, YYYY-MM or YYYY-MM-DD: the precision
        published_estimated: true        # default false: the date is known, not inferred
        languages: [en, ar]

Every key is optional except ``articles``; an article that is absent, or a key that is
absent, leaves the loader to infer it from the text. Unknown keys are errors (a typo would
otherwise be silently ignored); so are duplicate file names. :class:`ManifestError` gives
the file, the line, what is wrong and how to fix it; a manifest that does not exist raises
:class:`FileNotFoundError`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from schema.enums import DatePrecision, OutletKind
from seed.records import OutletInfo

ENTRY_KEYS = (
    "outlet",
    "url",
    "title",
    "subtitle",
    "published",
    "published_estimated",
    "languages",
)
OUTLET_KEYS = ("name", "domain", "country", "language", "kind", "state_affiliation")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class ManifestError(Exception):
    """A manifest that cannot be used; ``str()`` reads "FILE, line N: what; how to fix"."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}" + (f", line {line}" if line is not None else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    file_name: str
    outlet: OutletInfo | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published_on: dt.date | None = None
    published_precision: DatePrecision | None = None
    published_estimated: bool = False
    languages: tuple[str, ...] = ()
    line: int | None = None  # where the entry starts in the manifest


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    entries: dict[str, ManifestEntry] = field(default_factory=dict)

    def entry_for(self, file_name: str) -> ManifestEntry | None:
        """The entry for an article file, by its name (a path is reduced to its name)."""
        return self.entries.get(file_name) or self.entries.get(Path(file_name).name)


def load_manifest(path: Path) -> Manifest:
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(path, None, f"not UTF-8 ({exc.reason}); save it as UTF-8") from exc
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ManifestError(
            path, None, f"cannot read the manifest ({exc.strerror or exc}); check the path"
        ) from exc
    if path.suffix.lower() == ".json":
        try:
            json.loads(source)
        except json.JSONDecodeError as exc:
            raise ManifestError(
                path, exc.lineno, f"not valid JSON ({exc.msg}, column {exc.colno})"
            ) from exc
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ManifestError(
            path, line, f"not valid YAML ({exc.problem or exc.context}); check the indentation"
        ) from exc
    except yaml.YAMLError as exc:
        raise ManifestError(path, None, f"not valid YAML ({exc})") from exc
    return Manifest(path, _Parser(path).manifest(root))


class _Parser:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node | None, message: str) -> ManifestError:
        return ManifestError(
            self.path, node.start_mark.line + 1 if node is not None else None, message
        )

    def manifest(self, root: yaml.Node | None) -> dict[str, ManifestEntry]:
        if root is None:
            raise self.fail(None, "the manifest is empty; start it with 'articles:'")
        top = self.mapping(root, "the manifest", ("articles",))
        if "articles" not in top:
            raise self.fail(root, "no 'articles' key; list the article files under 'articles:'")
        key_node, articles = top["articles"]
        if _is_null(articles):
            return {}
        if not isinstance(articles, yaml.MappingNode):
            raise self.fail(
                articles, "'articles' must map file names to their details (file.txt: {…})"
            )
        entries: dict[str, ManifestEntry] = {}
        for name_node, value in articles.value:
            name = self.string(name_node, "an article's file name")
            if name in entries:
                raise self.fail(
                    name_node,
                    f"{name!r} is listed twice (first on line {entries[name].line}); "
                    "merge the two entries",
                )
            entries[name] = self.entry(name, name_node, value)
        return entries

    def entry(self, name: str, name_node: yaml.Node, node: yaml.Node) -> ManifestEntry:
        line = name_node.start_mark.line + 1
        if _is_null(node):
            return ManifestEntry(name, line=line)
        fields = self.mapping(node, f"the entry for {name!r}", ENTRY_KEYS)
        get = {k: v for k, (_, v) in fields.items()}
        published, precision = (None, None)
        if "published" in get:
            published, precision = self.date(get["published"])
        return ManifestEntry(
            file_name=name,
            outlet=self.outlet(get["outlet"]) if "outlet" in get else None,
            url=self.optional_string(get.get("url"), "url"),
            title=self.optional_string(get.get("title"), "title"),
            subtitle=self.optional_string(get.get("subtitle"), "subtitle"),
            published_on=published,
            published_precision=precision,
            published_estimated=self.boolean(get["published_estimated"], "published_estimated")
            if "published_estimated" in get
            else False,
            languages=self.languages(get["languages"]) if "languages" in get else (),
            line=line,
        )

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys ({', '.join(allowed)})")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value in node.value:
            key = self.string(key_node, "a key")
            if key not in allowed:
                raise self.fail(
                    key_node, f"unknown key {key!r} in {what}; the keys are {', '.join(allowed)}"
                )
            if key in out:
                raise self.fail(key_node, f"key {key!r} appears twice in {what}; keep one")
            out[key] = (key_node, value)
        return out

    def string(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            raise self.fail(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def optional_string(self, node: yaml.Node | None, key: str) -> str | None:
        if node is None or _is_null(node):
            return None
        return self.string(node, f"'{key}'")

    def boolean(self, node: yaml.Node, key: str) -> bool:
        value = str(node.value).lower() if isinstance(node, yaml.ScalarNode) else None
        if value in ("true", "false"):
            return value == "true"
        raise self.fail(node, f"'{key}' must be true or false")

    def date(self, node: yaml.Node) -> tuple[dt.date, DatePrecision]:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        m = _DATE.match(str(value).strip()) if value is not None else None
        problem = f"'published' is {value!r}, not a date" if value is not None else None
        if m:
            year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            try:
                date = dt.date(year, month, day)
            except ValueError as exc:
                problem = f"'published' is {value!r}, not a date ({exc})"
            else:
                precision = (
                    DatePrecision.DAY
                    if m[3]
                    else DatePrecision.MONTH
                    if m[2]
                    else DatePrecision.YEAR
                )
                return date, precision
        raise self.fail(
            node,
            f"{problem or 'published must be a date'}; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(the form gives the precision)",
        )

    def languages(self, node: yaml.Node) -> tuple[str, ...]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for item in items:
            code = self.string(item, "a language")
            if not _LANGUAGE.match(code):
                raise self.fail(
                    item, f"language {code!r} is not a language code; write e.g. en, ar, ckb"
                )
            out.append(code)
        return tuple(out)

    def outlet(self, node: yaml.Node) -> OutletInfo:
        if isinstance(node, yaml.ScalarNode):
            return OutletInfo(name=self.string(node, "'outlet'"))
        fields = self.mapping(node, "'outlet'", OUTLET_KEYS)
        if "name" not in fields:
            raise self.fail(node, "'outlet' has no 'name'; give the outlet's name")
        values = {k: self.optional_string(v, k) for k, (_, v) in fields.items()}
        kind = None
        if (kind_name := values.get("kind")) is not None:
            try:
                kind = OutletKind(kind_name)
            except ValueError:
                raise self.fail(
                    fields["kind"][1],
                    f"outlet kind {values['kind']!r} is not one of "
                    f"{', '.join(k.value for k in OutletKind)}",
                ) from None
        return OutletInfo(
            name=values["name"] or "",
            domain=values.get("domain"),
            country=values.get("country"),
            language=values.get("language"),
            kind=kind,
            state_affiliation=values.get("state_affiliation"),
        )


def _is_null(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.style is None
        and node.value in ("", "~", "null", "Null", "NULL")
    )
