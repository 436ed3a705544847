"""Typed SQLAlchemy models, engine/session factory and migration helpers."""
