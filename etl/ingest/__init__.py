"""Stage 1: find, read, decode and normalize documents. I/O only, no extraction."""
