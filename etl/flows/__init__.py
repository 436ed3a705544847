"""Prefect flows: wiring only. Import this package lazily (it imports Prefect)."""
