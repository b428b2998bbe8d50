"""Sources stage: the source registry and pure parsers for sitemaps, feeds and listing pages.

Nothing here touches the network; :mod:`pugnlp.fetch` does the I/O and hands strings in.
"""
