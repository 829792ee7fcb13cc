"""Alembic migrations for Dicta, runnable on SQLite (batch mode) and PostgreSQL."""

from migrations.runner import alembic_config, check, upgrade

__all__ = ["alembic_config", "check", "upgrade"]
