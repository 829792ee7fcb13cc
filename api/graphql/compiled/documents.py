"""Documents parsed and validated once: a bounded cache keyed by the query text.

Each document is parsed with the schema's token limit and validated with the rules the schema
validates with (graphql-core's, strawberry's, and those of the depth and alias limiters), so a
document the resolvers would refuse is never served by the compiled path. The plan of each of
its operations is made on first use and kept with it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import strawberry
from graphql import (
    ASTValidationRule,
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    parse,
    specified_rules,
    validate,
)
from strawberry.extensions import AddValidationRules, MaxTokensLimiter
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from api.graphql.compiled.plan import OperationPlan, plan_operation
from api.graphql.compiled.registry import Registry

__all__ = ["Document", "Documents"]


@dataclass(slots=True)
class Document:
    """A valid document: its operations and fragments, and a plan per operation asked for
    (None when the resolvers answer it)."""

    operations: dict[str | None, OperationDefinitionNode]
    fragments: dict[str, FragmentDefinitionNode]
    plans: dict[str | None, OperationPlan | None] = field(default_factory=dict)
    #: SQL of each root field, per (dialect, root index, variant: after a cursor, searched)
    sql: dict[tuple[str, int, tuple[bool, bool]], str] = field(default_factory=dict)


def _limits(schema: strawberry.Schema) -> tuple[tuple[type[ASTValidationRule], ...], int | None]:
    """The validation rules and the token limit the schema's extensions add."""
    rules: list[type[ASTValidationRule]] = []
    max_tokens: int | None = None
    for extension in schema.extensions:
        instance: Any = extension() if callable(extension) else extension
        if isinstance(instance, AddValidationRules):
            rules.extend(instance.validation_rules)
        elif isinstance(instance, MaxTokensLimiter):
            max_tokens = instance.max_token_count
    return (
        (*specified_rules, *rules, MaybeNullValidationRule, OneOfInputValidationRule),
        max_tokens,
    )


class Documents:
    """The last ``size`` documents asked for, parsed, validated and planned."""

    def __init__(self, schema: strawberry.Schema, registry: Registry, size: int = 512) -> None:
        self.schema = schema
        self.registry = registry
        self.size = size
        self.rules, self.max_tokens = _limits(schema)
        self._cache: OrderedDict[str, Document | None] = OrderedDict()
        self._lock = threading.Lock()

    def _load(self, query: str) -> Document | None:
        try:
            document: DocumentNode = parse(query, max_tokens=self.max_tokens)
        except GraphQLError:
            return None
        if validate(self.schema._schema, document, self.rules):
            return None
        operations: dict[str | None, OperationDefinitionNode] = {}
        fragments: dict[str, FragmentDefinitionNode] = {}
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                name = definition.name.value if definition.name else None
                operations[name] = definition
            elif isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
            else:
                return None
        if len(operations) == 1:
            # the only operation runs whatever its name when no name is given
            operations[None] = next(iter(operations.values()))
        return Document(operations, fragments)

    def get(self, query: str) -> Document | None:
        """The document of ``query``, or None when it does not parse or validate."""
        with self._lock:
            if query in self._cache:
                self._cache.move_to_end(query)
                return self._cache[query]
        document = self._load(query)
        with self._lock:
            self._cache[query] = document
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return document

    def plan(self, document: Document, operation_name: str | None) -> OperationPlan | None:
        if operation_name in document.plans:
            return document.plans[operation_name]
        operation = document.operations.get(operation_name)
        plan = (
            None
            if operation is None
            else plan_operation(self.schema._schema, self.registry, operation, document.fragments)
        )
        document.plans[operation_name] = plan
        return plan
