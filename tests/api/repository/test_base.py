"""Repository queries on both backends: keyset pages, batches in key order, children grouped
by parent, pages of children and their counts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api import repository
from schema import Actor, ActorAlias, Outlet, Statement
from tests import factories as f


async def test_page_continues_after_the_last_id(session: AsyncSession) -> None:
    outlets = [await f.create_outlet(session, id=i) for i in (3, 5, 8, 13)]
    first = await repository.page(session, Outlet, first=2)
    assert ([o.id for o in first.rows], first.has_next) == ([3, 5], True)
    second = await repository.page(session, Outlet, first=2, after=5)
    assert ([o.id for o in second.rows], second.has_next) == ([8, 13], False)
    empty = await repository.page(session, Outlet, first=0)
    assert (list(empty.rows), empty.has_next) == ([], True)
    assert await repository.count(session, Outlet) == len(outlets)


async def test_by_ids_answers_in_key_order(session: AsyncSession) -> None:
    for i in (1, 2, 3):
        await f.create_actor(session, id=i)
    found = await repository.by_ids(session, Actor, [3, 99, 1, 3])
    assert [a.id if a else None for a in found] == [3, None, 1, 3]
    assert await repository.get(session, Actor, 2) is not None
    assert await repository.get(session, Actor, 99) is None


async def test_children_grouped_by_parent(session: AsyncSession) -> None:
    a = await f.create_actor(session, id=1)
    b = await f.create_actor(session, id=2)
    await f.create_actor_alias(session, b, id=1, alias="B one")
    await f.create_actor_alias(session, a, id=2, alias="A one")
    await f.create_actor_alias(session, b, id=3, alias="B two")
    grouped = await repository.children(session, ActorAlias, ActorAlias.actor_id, [2, 3, 1])
    assert [[alias.alias for alias in aliases] for aliases in grouped] == [
        ["B one", "B two"],
        [],
        ["A one"],
    ]


async def test_child_pages_and_counts(session: AsyncSession) -> None:
    a = await f.create_actor(session, id=1)
    b = await f.create_actor(session, id=2)
    await f.create_actor(session, id=3)
    for i, speaker in enumerate([a, b, a, a, b, a], start=1):
        await f.create_statement(session, id=i, speaker=speaker)
    pages = await repository.child_pages(
        session, Statement, Statement.speaker_id, [1, 2, 3], first=2
    )
    assert [([s.id for s in p.rows], p.has_next) for p in pages] == [
        ([1, 3], True),
        ([2, 5], False),
        ([], False),
    ]
    after = await repository.child_pages(
        session, Statement, Statement.speaker_id, [1, 2], first=2, after=3
    )
    assert [([s.id for s in p.rows], p.has_next) for p in after] == [([4, 6], False), ([5], False)]
    counts = await repository.child_counts(session, Statement.speaker_id, [3, 1, 2])
    assert counts == [0, 4, 2]


async def test_mentions_and_joint_speakers(session: AsyncSession) -> None:
    x, y, z = [await f.create_actor(session, id=i) for i in (1, 2, 3)]
    place = await f.create_location(session, id=1)
    one = await f.create_statement(session, id=1, speaker=x)
    two = await f.create_statement(session, id=2, speaker=y)
    await f.mention_actor(session, one, z, id=1)
    await f.mention_actor(session, one, y, id=2)
    await f.mention_actor(session, one, z, id=3)  # named twice, listed once
    await f.mention_location(session, two, place, id=1)
    await f.add_co_speaker(session, one, z, position=1)
    await f.add_co_speaker(session, one, y, position=0)

    actors = await repository.mentioned_actors(session, [2, 1])
    assert [[a.id for a in group] for group in actors] == [[], [3, 2]]
    places = await repository.mentioned_locations(session, [1, 2])
    assert [[p.id for p in group] for group in places] == [[], [1]]
    speakers = await repository.joint_speakers(session, [1, 2])
    assert [[a.id for a in group] for group in speakers] == [[2, 3], []]


async def test_statements_with_speakers_load_the_speaker(session: AsyncSession) -> None:
    speaker = await f.create_actor(session, id=1, name="Mohammed Shia al-Sudani")
    await f.create_statement(session, id=1, speaker=speaker)
    await f.create_statement(session, id=2)
    session.expunge_all()  # nothing from the identity map: the query itself must load it
    page = await repository.statements_with_speakers(session, first=10)
    assert [(s.id, s.speaker.name if s.speaker else None) for s in page.rows] == [
        (1, "Mohammed Shia al-Sudani"),
        (2, None),
    ]
    one = await repository.statement_with_speaker(session, 1)
    assert one is not None and one.speaker is not None
    assert await repository.statement_with_speaker(session, 3) is None
