"""Stage 4: the only writer. Each function takes an open session inside the
caller's transaction; one document's facts are written in one transaction."""
