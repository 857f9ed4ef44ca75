"""Persistence: SQLAlchemy 2 on an embedded SQLite file by default, PostgreSQL on request."""
