"""Corpus stage: the SQLite article store, near-duplicate detection and the crawl-to-store glue."""
