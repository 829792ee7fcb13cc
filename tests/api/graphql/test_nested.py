"""Nested fields resolve through DataLoaders: statement → speaker, attributions → article →
outlet; actor → aliases, roles, statements; location → parent, children, statements."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories as f
from tests.api.conftest import Sample, graphql

STATEMENT = """
{
  statement(id: "U3RhdGVtZW50OjE=") {
    id rowId text kind language saidOn saidPrecision dateConflict medium venue topics stance
    createdAt
    speaker { rowId name kind }
    coSpeakers { rowId }
    location { rowId name parent { name } }
    ingestRun { rowId loaderVersion status files counts errors { file offset message } }
    mentionedActors { rowId name }
    mentionedLocations { rowId name icao }
    actorMentions { rowId start end actor { name } attribution { rowId } }
    locationMentions { rowId start end location { name } attribution { rowId } }
    attributions {
      rowId kind speakerText speakerStart speakerEnd cue cueStart cueEnd
      content contentStart contentEnd fragments { start end }
      language saidOn saidPrecision saidOnText confidence extractorVersion
      speaker { rowId }
      statement { rowId }
      article {
        rowId title url publishedOn publishedPrecision publishedEstimated languages
        rawSha256 fileName encoding
        repairs { start end before after reason rawOffset }
        outlet { rowId name domain country language kind stateAffiliation nameUnrecoverable }
      }
    }
  }
}
"""


OUTLET_1 = {
    "rowId": 1,
    "name": "Al-Monitor",
    "domain": "al-monitor.com",
    "country": "US",
    "language": "en",
    "kind": "ONLINE",
    "stateAffiliation": None,
    "nameUnrecoverable": False,
}
OUTLET_2 = {
    "rowId": 2,
    "name": "Press TV",
    "domain": "presstv.ir",
    "country": "IR",
    "language": "en",
    "kind": "STATE_MEDIA",
    "stateAffiliation": "Iranian state broadcaster (IRIB)",
    "nameUnrecoverable": False,
}


async def test_statement_with_everything_nested(client: httpx.AsyncClient, sample: Sample) -> None:
    assert await graphql(client, STATEMENT) == {
        "data": {
            "statement": {
                "id": "U3RhdGVtZW50OjE=",
                "rowId": 1,
                "text": "Iraq no longer needs foreign combat troops",
                "kind": "INDIRECT",
                "language": "en",
                "saidOn": "2023-08-14",
                "saidPrecision": "DAY",
                "dateConflict": True,
                "medium": None,
                "venue": None,
                "topics": ["foreign troops"],
                "stance": None,
                "createdAt": "2024-01-01T00:00:00+00:00",
                "speaker": {"rowId": 1, "name": "Mohammed Shia al-Sudani", "kind": "PERSON"},
                "coSpeakers": [],
                "location": {"rowId": 2, "name": "Baghdad", "parent": {"name": "Iraq"}},
                "ingestRun": {
                    "rowId": 1,
                    "loaderVersion": "test/1",
                    "status": "SUCCEEDED",
                    "files": ["001.txt", "002.txt"],
                    "counts": {"articles_new": 2},
                    "errors": [],
                },
                "mentionedActors": [{"rowId": 2, "name": "United States"}],
                "mentionedLocations": [{"rowId": 3, "name": "Ain al-Asad", "icao": "ORAA"}],
                "actorMentions": [
                    {
                        "rowId": 1,
                        "start": 163,
                        "end": 165,
                        "actor": {"name": "United States"},
                        "attribution": {"rowId": 1},
                    }
                ],
                "locationMentions": [
                    {
                        "rowId": 1,
                        "start": 183,
                        "end": 194,
                        "location": {"name": "Ain al-Asad"},
                        "attribution": {"rowId": 1},
                    }
                ],
                "attributions": [
                    {
                        "rowId": 1,
                        "kind": "INDIRECT",
                        "speakerText": "Mohammed Shia al-Sudani",
                        "speakerStart": 22,
                        "speakerEnd": 45,
                        "cue": "said",
                        "cueStart": 46,
                        "cueEnd": 50,
                        "content": "Iraq no longer needs foreign combat troops",
                        "contentStart": 69,
                        "contentEnd": 111,
                        "fragments": [{"start": 69, "end": 111}],
                        "language": "en",
                        "saidOn": "2023-08-15",
                        "saidPrecision": "DAY",
                        "saidOnText": "on 15 August",
                        "confidence": 0.9,
                        "extractorVersion": "test/1",
                        "speaker": {"rowId": 1},
                        "statement": {"rowId": 1},
                        "article": {
                            "rowId": 1,
                            "title": "Iraq no longer needs foreign combat troops, PM says",
                            "url": "https://www.al-monitor.com/2023/08/iraq-troops",
                            "publishedOn": "2023-08-15",
                            "publishedPrecision": "DAY",
                            "publishedEstimated": False,
                            "languages": ["en"],
                            "rawSha256": "1" * 64,
                            "fileName": "001.txt",
                            "encoding": "utf-8",
                            "repairs": [
                                {
                                    "start": 182,
                                    "end": 183,
                                    "before": "\u00cc\u00fd",
                                    "after": " ",
                                    "reason": "GBK mojibake of a space",
                                    "rawOffset": 182,
                                }
                            ],
                            "outlet": OUTLET_1,
                        },
                    },
                    {
                        "rowId": 2,
                        "kind": "INDIRECT",
                        "speakerText": "he",
                        "speakerStart": 54,
                        "speakerEnd": 56,
                        "cue": "said",
                        "cueStart": 57,
                        "cueEnd": 61,
                        "content": "Iraq no longer needs foreign combat troops",
                        "contentStart": 10,
                        "contentEnd": 52,
                        "fragments": [{"start": 10, "end": 52}],
                        "language": None,
                        "saidOn": "2023-08-14",
                        "saidPrecision": "DAY",
                        "saidOnText": "on Monday",
                        "confidence": 0.75,
                        "extractorVersion": "test/1",
                        "speaker": {"rowId": 1},
                        "statement": {"rowId": 1},
                        "article": {
                            "rowId": 2,
                            "title": None,
                            "url": None,
                            "publishedOn": "2023-08-15",
                            "publishedPrecision": "DAY",
                            "publishedEstimated": True,
                            "languages": ["en"],
                            "rawSha256": "2" * 64,
                            "fileName": "002.txt",
                            "encoding": "utf-8",
                            "repairs": [],
                            "outlet": OUTLET_2,
                        },
                    },
                ],
            }
        }
    }


async def test_offsets_point_into_the_article_text(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    query = """{ attributions(first: 10) { nodes {
        content contentStart contentEnd speakerText speakerStart speakerEnd
        cue cueStart cueEnd article { text } } } }"""
    nodes = (await graphql(client, query))["data"]["attributions"]["nodes"]
    assert len(nodes) == 3
    for a in nodes:
        text = a["article"]["text"]
        assert text[a["contentStart"] : a["contentEnd"]] == a["content"]
        assert text[a["speakerStart"] : a["speakerEnd"]] == a["speakerText"]
        assert text[a["cueStart"] : a["cueEnd"]] == a["cue"]


ACTOR = """
{
  actor(id: "QWN0b3I6MQ==") {
    rowId name kind description wikidataId
    aliases { rowId alias normalized language }
    roles {
      rowId title organization validFrom validTo evidenceStart evidenceEnd
      organizationActor { rowId }
      evidenceArticle { rowId }
    }
    statements(first: 1) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { rowId text } }
    }
  }
}
"""


async def test_actor_aliases_roles_and_statements(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    assert await graphql(client, ACTOR) == {
        "data": {
            "actor": {
                "rowId": 1,
                "name": "Mohammed Shia al-Sudani",
                "kind": "PERSON",
                "description": "Prime Minister of Iraq",
                "wikidataId": "Q7141443",
                "aliases": [
                    {"rowId": 1, "alias": "Sudani", "normalized": "sudani", "language": None},
                    {
                        "rowId": 2,
                        "alias": "محمد شياع السوداني",
                        "normalized": "محمد شياع السوداني",
                        "language": "ar",
                    },
                ],
                "roles": [
                    {
                        "rowId": 1,
                        "title": "Prime Minister",
                        "organization": "Government of Iraq",
                        "validFrom": "2022-10-27",
                        "validTo": None,
                        "evidenceStart": 7,
                        "evidenceEnd": 21,
                        "organizationActor": None,
                        "evidenceArticle": {"rowId": 1},
                    }
                ],
                "statements": {
                    "totalCount": 2,
                    "pageInfo": {
                        "hasNextPage": True,
                        "hasPreviousPage": False,
                        "startCursor": "WzFd",
                        "endCursor": "WzFd",
                    },
                    "edges": [
                        {
                            "cursor": "WzFd",
                            "node": {
                                "rowId": 1,
                                "text": "Iraq no longer needs foreign combat troops",
                            },
                        }
                    ],
                },
            }
        }
    }


async def test_nested_connection_pages_on_with_after(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    query = """{ actors(first: 10) { nodes { rowId statements(first: 1, after: "WzFd") {
        nodes { rowId } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } } } }"""
    assert await graphql(client, query) == {
        "data": {
            "actors": {
                "nodes": [
                    {
                        "rowId": 1,
                        "statements": {
                            "nodes": [{"rowId": 2}],
                            "pageInfo": {
                                "hasNextPage": False,
                                "hasPreviousPage": True,
                                "endCursor": "WzJd",
                            },
                            "totalCount": 2,
                        },
                    },
                    {
                        "rowId": 2,
                        "statements": {
                            "nodes": [],
                            "pageInfo": {
                                "hasNextPage": False,
                                "hasPreviousPage": True,
                                "endCursor": None,
                            },
                            "totalCount": 0,
                        },
                    },
                ]
            }
        }
    }


LOCATIONS = """
{
  locations(first: 10) {
    nodes {
      rowId name kind countryCode latitude longitude geonamesId icao wikidataId
      parent { rowId }
      children { rowId name }
      aliases { alias }
      statements(first: 5) { nodes { rowId } totalCount }
    }
  }
}
"""


async def test_locations_parent_children_and_statements(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    assert await graphql(client, LOCATIONS) == {
        "data": {
            "locations": {
                "nodes": [
                    {
                        "rowId": 1,
                        "name": "Iraq",
                        "kind": "COUNTRY",
                        "countryCode": "IQ",
                        "latitude": None,
                        "longitude": None,
                        "geonamesId": None,
                        "icao": None,
                        "wikidataId": None,
                        "parent": None,
                        "children": [
                            {"rowId": 2, "name": "Baghdad"},
                            {"rowId": 3, "name": "Ain al-Asad"},
                        ],
                        "aliases": [],
                        "statements": {"nodes": [], "totalCount": 0},
                    },
                    {
                        "rowId": 2,
                        "name": "Baghdad",
                        "kind": "CITY",
                        "countryCode": "IQ",
                        "latitude": 33.3152,
                        "longitude": 44.3661,
                        "geonamesId": None,
                        "icao": None,
                        "wikidataId": None,
                        "parent": {"rowId": 1},
                        "children": [],
                        "aliases": [],
                        "statements": {"nodes": [{"rowId": 1}], "totalCount": 1},
                    },
                    {
                        "rowId": 3,
                        "name": "Ain al-Asad",
                        "kind": "MILITARY_BASE",
                        "countryCode": "IQ",
                        "latitude": None,
                        "longitude": None,
                        "geonamesId": None,
                        "icao": "ORAA",
                        "wikidataId": None,
                        "parent": {"rowId": 1},
                        "children": [],
                        "aliases": [{"alias": "Ayn al-Asad"}],
                        "statements": {"nodes": [], "totalCount": 0},
                    },
                ]
            }
        }
    }


async def test_outlet_articles_and_article_attributions(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    query = """{ outlets(first: 10) { nodes { name articles(first: 10) { totalCount nodes {
        rowId ingestRun { rowId } attributions { rowId contentStart } } } } } }"""
    assert await graphql(client, query) == {
        "data": {
            "outlets": {
                "nodes": [
                    {
                        "name": "Al-Monitor",
                        "articles": {
                            "totalCount": 1,
                            "nodes": [
                                {
                                    "rowId": 1,
                                    "ingestRun": {"rowId": 1},
                                    "attributions": [
                                        {"rowId": 1, "contentStart": 69},
                                        {"rowId": 3, "contentStart": 134},
                                    ],
                                }
                            ],
                        },
                    },
                    {
                        "name": "Press TV",
                        "articles": {
                            "totalCount": 1,
                            "nodes": [
                                {
                                    "rowId": 2,
                                    "ingestRun": {"rowId": 1},
                                    "attributions": [{"rowId": 2, "contentStart": 10}],
                                }
                            ],
                        },
                    },
                ]
            }
        }
    }


async def test_joint_statement_lists_its_co_speakers(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    biden = await f.create_actor(session, id=1, name="Joe Biden")
    kadhimi = await f.create_actor(session, id=2, name="Mustafa al-Kadhimi")
    joint = await f.create_statement(session, id=1, text="Combat mission ends", speaker=biden)
    await f.add_co_speaker(session, joint, kadhimi)
    query = "{ statements(first: 5) { nodes { speaker { name } coSpeakers { name } } } }"
    assert await graphql(client, query) == {
        "data": {
            "statements": {
                "nodes": [
                    {
                        "speaker": {"name": "Joe Biden"},
                        "coSpeakers": [{"name": "Mustafa al-Kadhimi"}],
                    }
                ]
            }
        }
    }
