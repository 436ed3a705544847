"""summit-etl: documents about US–China diplomacy in, a relational database out."""

__version__ = "0.1.0"
