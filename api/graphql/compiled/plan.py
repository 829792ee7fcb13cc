"""From a validated operation to a plan: what each root field reads and the shape of its JSON.

``plan_operation`` returns None as soon as the operation asks for anything the compiled path
does not serve (a field with a resolver of its own, a directive, a root field other than the
lists in id order, searched or not, and the lookups by id), and the resolvers answer it
instead. Arguments stay AST nodes here: their values (from literals or variables) are read
for each request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValueNode,
    get_named_type,
)

from api.graphql.compiled.registry import Column, Link, Registry, ToMany, ToOne
from api.repository.search import Target

__all__ = [
    "ColumnField",
    "EdgePart",
    "GlobalIdField",
    "LinkField",
    "ListPlan",
    "ObjectPlan",
    "OnePlan",
    "OperationPlan",
    "RootPlan",
    "ToManyField",
    "ToOneField",
    "TypenameField",
    "TypenamePlan",
    "plan_operation",
]


@dataclass(frozen=True, slots=True)
class ColumnField:
    column: Column


@dataclass(frozen=True, slots=True)
class GlobalIdField:
    type_name: str


@dataclass(frozen=True, slots=True)
class TypenameField:
    name: str


@dataclass(frozen=True, slots=True)
class ToOneField:
    column: str
    target: ObjectPlan


@dataclass(frozen=True, slots=True)
class ToManyField:
    relation: ToMany
    target: ObjectPlan


@dataclass(frozen=True, slots=True)
class LinkField:
    relation: Link
    target: ObjectPlan


FieldPlan: TypeAlias = (
    ColumnField | GlobalIdField | TypenameField | ToOneField | ToManyField | LinkField
)


@dataclass(frozen=True, slots=True)
class ObjectPlan:
    """One object's JSON: its response keys in order, each with what it reads."""

    type_name: str
    table: str
    entries: tuple[tuple[str, FieldPlan], ...]


#: an edge's entries: ("cursor",), ("node", shape index), ("null",), ("typename", name)
EdgePart: TypeAlias = tuple[str, ...] | tuple[str, int]
#: a connection's entries: ("nodes", shape index), ("edges", edge entries), ("pageInfo",
#: page-info entries), ("totalCount",), ("typename", name)
ConnectionPart: TypeAlias = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class ListPlan:
    """A root connection in id order (no filter or order), searched or not."""

    key: str
    field: str
    table: str
    first: ValueNode | None
    after: ValueNode | None
    #: arguments that must be null for the plan to hold (filter, orderBy)
    nulls: tuple[tuple[str, ValueNode], ...]
    #: the search argument (when the list has one and the query gives it): a search keeps
    #: id order and restricts the rows to its matches
    search: ValueNode | None
    #: which search index (``api.repository.search.Target``) the list searches, if any
    search_target: Target | None
    #: whether edges ask for their snippet (null unless searched: a searched list whose
    #: snippets are asked for is left to the resolvers, which cut them)
    snippets: bool
    #: the distinct selections of the node type (nodes, edges.node): one SQL column each
    shapes: tuple[ObjectPlan, ...]
    layout: tuple[tuple[str, ConnectionPart], ...]


@dataclass(frozen=True, slots=True)
class OnePlan:
    """A root lookup by global id."""

    key: str
    type_name: str
    table: str
    id: ValueNode | None
    shape: ObjectPlan


@dataclass(frozen=True, slots=True)
class TypenamePlan:
    key: str
    name: str


RootPlan: TypeAlias = ListPlan | OnePlan | TypenamePlan


@dataclass(frozen=True, slots=True)
class OperationPlan:
    roots: tuple[RootPlan, ...]


#: root connections served in id order: field → node type, the arguments that must be null,
#: and the search index of its search argument (None: the list has none)
ROOT_LISTS: dict[str, tuple[str, tuple[str, ...], Target | None]] = {
    "statements": ("Statement", ("filter", "orderBy"), "statement"),
    "actors": ("Actor", ("filter", "orderBy"), "actor"),
    "locations": ("Location", ("filter", "orderBy"), None),
    "articles": ("Article", ("filter", "orderBy"), "article"),
    "attributions": ("Attribution", (), None),
    "outlets": ("Outlet", (), None),
}
#: root lookups by global id: field → type
ROOT_ONES: dict[str, str] = {
    "statement": "Statement",
    "attribution": "Attribution",
    "actor": "Actor",
    "location": "Location",
    "article": "Article",
    "outlet": "Outlet",
}
PAGE_INFO_FIELDS = frozenset({"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"})


class Unsupported(Exception):
    """The operation asks for something the compiled path does not serve."""


class _Planner:
    def __init__(
        self,
        schema: GraphQLSchema,
        registry: Registry,
        fragments: dict[str, FragmentDefinitionNode],
    ) -> None:
        self.schema = schema
        self.registry = registry
        self.fragments = fragments

    # -- selections --------------------------------------------------------------------------

    def _applies(self, condition: str, type_name: str) -> bool:
        if condition == type_name:
            return True
        abstract = self.schema.get_type(condition)
        concrete = self.schema.get_type(type_name)
        if isinstance(abstract, GraphQLInterfaceType) and isinstance(concrete, GraphQLObjectType):
            return self.schema.is_sub_type(abstract, concrete)
        return False

    def _collect(
        self,
        selection_set: SelectionSetNode,
        type_name: str,
        out: dict[str, list[FieldNode]],
        seen: frozenset[str] = frozenset(),
    ) -> None:
        for selection in selection_set.selections:
            if selection.directives:
                raise Unsupported("directives")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                out.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or self._applies(condition.name.value, type_name):
                    self._collect(selection.selection_set, type_name, out, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen or fragment.directives:
                    raise Unsupported("fragment")
                if self._applies(fragment.type_condition.name.value, type_name):
                    self._collect(fragment.selection_set, type_name, out, seen | {name})

    def fields(self, nodes: list[FieldNode], type_name: str) -> dict[str, list[FieldNode]]:
        """The sub-fields of ``nodes`` (fields merged under one response key) by response
        key, in the order the response lists them."""
        out: dict[str, list[FieldNode]] = {}
        for node in nodes:
            if node.selection_set is None:
                raise Unsupported("selection")
            self._collect(node.selection_set, type_name, out)
        return out

    # -- objects -----------------------------------------------------------------------------

    def object(self, nodes: list[FieldNode], type_name: str) -> ObjectPlan:
        info = self.registry.objects.get(type_name)
        gql = self.schema.get_type(type_name)
        if info is None or not isinstance(gql, GraphQLObjectType):
            raise Unsupported(type_name)
        entries: list[tuple[str, FieldPlan]] = []
        for key, field_nodes in self.fields(nodes, type_name).items():
            name = field_nodes[0].name.value
            if any(n.arguments for n in field_nodes):
                raise Unsupported(f"{type_name}.{name} arguments")
            if name == "__typename":
                entries.append((key, TypenameField(type_name)))
                continue
            column = info.columns.get(name)
            if column is not None:
                entries.append((key, ColumnField(column)))
                continue
            if name == "id" and info.global_id:
                entries.append((key, GlobalIdField(type_name)))
                continue
            relation = info.relations.get(name)
            field = gql.fields.get(name)
            if relation is None or field is None:
                raise Unsupported(f"{type_name}.{name}")
            target: GraphQLNamedType = get_named_type(field.type)
            if target.name != relation.target:
                raise Unsupported(f"{type_name}.{name} type")
            target_plan = self.object(field_nodes, target.name)
            if isinstance(relation, ToOne):
                entries.append((key, ToOneField(relation.column, target_plan)))
            elif isinstance(relation, ToMany):
                entries.append((key, ToManyField(relation, target_plan)))
            else:
                entries.append((key, LinkField(relation, target_plan)))
        if len(entries) > 50:
            raise Unsupported("too many fields for one JSON object")
        return ObjectPlan(type_name, info.table, tuple(entries))

    # -- root fields -------------------------------------------------------------------------

    def _args(self, node: FieldNode, allowed: set[str]) -> dict[str, ValueNode]:
        args = {a.name.value: a.value for a in node.arguments or ()}
        if not set(args) <= allowed:
            raise Unsupported("arguments")
        return args

    def root(self, key: str, nodes: list[FieldNode]) -> RootPlan:
        name = nodes[0].name.value
        if name == "__typename":
            query_type = self.schema.query_type
            assert query_type is not None
            return TypenamePlan(key, query_type.name)
        if len(nodes) > 1:
            # the same root field asked for twice under one key: rare, left to the resolvers
            raise Unsupported("merged root field")
        node = nodes[0]
        if name in ROOT_ONES:
            type_name = ROOT_ONES[name]
            args = self._args(node, {"id"})
            shape = self.object(nodes, type_name)
            return OnePlan(key, type_name, shape.table, args.get("id"), shape)
        if name not in ROOT_LISTS:
            raise Unsupported(name)
        type_name, must_be_null, search_target = ROOT_LISTS[name]
        searchable = () if search_target is None else ("search",)
        args = self._args(node, {"first", "after", *must_be_null, *searchable})
        query_type = self.schema.query_type
        assert query_type is not None
        connection = get_named_type(query_type.fields[name].type)
        assert isinstance(connection, GraphQLObjectType)
        shapes: list[ObjectPlan] = []

        def shape_index(field_nodes: list[FieldNode]) -> int:
            plan = self.object(field_nodes, type_name)
            if plan not in shapes:
                shapes.append(plan)
            return shapes.index(plan)

        layout: list[tuple[str, ConnectionPart]] = []
        snippets = False
        for part_key, part_nodes in self.fields(nodes, connection.name).items():
            part = part_nodes[0].name.value
            if any(n.arguments for n in part_nodes):
                raise Unsupported("arguments")
            if part == "__typename":
                layout.append((part_key, ("typename", connection.name)))
            elif part == "nodes":
                layout.append((part_key, ("nodes", shape_index(part_nodes))))
            elif part == "totalCount":
                layout.append((part_key, ("totalCount",)))
            elif part == "pageInfo":
                page_info = get_named_type(connection.fields["pageInfo"].type)
                entries: list[tuple[str, str]] = []
                for info_key, info_nodes in self.fields(part_nodes, page_info.name).items():
                    info_name = info_nodes[0].name.value
                    if info_name == "__typename":
                        entries.append((info_key, f"typename:{page_info.name}"))
                    elif info_name in PAGE_INFO_FIELDS:
                        entries.append((info_key, info_name))
                    else:
                        raise Unsupported(info_name)
                layout.append((part_key, ("pageInfo", tuple(entries))))
            elif part == "edges":
                edge = get_named_type(connection.fields["edges"].type)
                edge_parts: list[EdgePart] = []
                edge_keys: list[str] = []
                for edge_key, edge_nodes in self.fields(part_nodes, edge.name).items():
                    edge_name = edge_nodes[0].name.value
                    if any(n.arguments for n in edge_nodes):
                        raise Unsupported("arguments")
                    if edge_name == "__typename":
                        edge_parts.append(("typename", edge.name))
                    elif edge_name == "cursor":
                        edge_parts.append(("cursor",))
                    elif edge_name == "node":
                        edge_parts.append(("node", shape_index(edge_nodes)))
                    elif edge_name == "snippet":
                        # snippets of a list that was not searched are null
                        edge_parts.append(("null",))
                        snippets = True
                    else:
                        raise Unsupported(edge_name)
                    edge_keys.append(edge_key)
                layout.append((part_key, ("edges", tuple(zip(edge_keys, edge_parts, strict=True)))))
            else:
                raise Unsupported(part)
        info = self.registry.objects[type_name]
        return ListPlan(
            key=key,
            field=name,
            table=info.table,
            first=args.get("first"),
            after=args.get("after"),
            nulls=tuple((arg, args[arg]) for arg in must_be_null if arg in args),
            search=args.get("search"),
            search_target=search_target,
            snippets=snippets,
            shapes=tuple(shapes),
            layout=tuple(layout),
        )


def plan_operation(
    schema: GraphQLSchema,
    registry: Registry,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> OperationPlan | None:
    """The plan of a query operation, or None when the resolvers must answer it."""
    if operation.operation is not OperationType.QUERY or operation.directives:
        return None
    query_type = schema.query_type
    if query_type is None:
        return None
    planner = _Planner(schema, registry, fragments)
    try:
        out: dict[str, list[FieldNode]] = {}
        planner._collect(operation.selection_set, query_type.name, out)
        roots = tuple(planner.root(key, nodes) for key, nodes in out.items())
    except Unsupported:
        return None
    return OperationPlan(roots)
