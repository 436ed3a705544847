"""Stage 3: gazetteer, aliases, dated roles; merging mentions into meetings. No database."""
