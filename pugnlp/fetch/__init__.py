"""Fetch stage: the only code that reaches the network (Scrapy spider, politeness, crawl runner)."""
