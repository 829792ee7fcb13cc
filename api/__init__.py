"""Dicta's HTTP service: GraphQL at /graphql, REST at /api/v1."""
