"""``etl bench``: a benchmark users can run. It builds a corpus of unique copies
of known documents, times the floor any spaCy-based extractor pays on the same
texts, then ``etl load`` and ``etl run``, each in a process of its own so peak
memory is measured per command."""
