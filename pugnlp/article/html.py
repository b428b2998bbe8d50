"""HTML page -> :class:`~pugnlp.schema.Article` through trafilatura, related blocks pruned. Pure."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from pugnlp.article.clean import clean_text, guess_title
from pugnlp.errors import InputError
from pugnlp.patterns.noise import BYLINE_OLEH, HTML_PRUNE_XPATH
from pugnlp.schema import Article

log = logging.getLogger(__name__)

MIN_BODY_CHARS = 80
"""Below this, trafilatura found navigation or a stub, not an article (seed bodies are 2-3 KB)."""

def html_to_article(html: str | bytes, doc_id: str, url: str | None = None,
                    where: str | None = None) -> Article:
    """Extract body and metadata from an article page.

    Args:
        html: the page.
        doc_id: identifier for the record.
        url: the page's address when known (improves metadata).
        where: file/line for error messages.

    Raises:
        InputError: the page holds no article text.
    """
    import trafilatura  # heavy: imported on first use

    where = where or doc_id
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, prune_xpath=list(HTML_PRUNE_XPATH),
        )
        doc = result.as_dict() if result is not None else None
    except Exception as exc:  # lxml/trafilatura raise many types on broken markup
        raise InputError(where, f"cannot parse HTML ({type(exc).__name__}: {exc})") from exc
    body = (doc or {}).get("text") or ""
    text = clean_text(body)
    if len(text) < MIN_BODY_CHARS:
        raise InputError(where, "HTML without article text (nothing that looks like a body)")
    title = (doc or {}).get("title") or guess_title(text)
    page_url = url or (doc or {}).get("url")
    outlet = (doc or {}).get("sitename") or (urlsplit(page_url).hostname if page_url else None)
    published = (doc or {}).get("date")
    return Article(
        doc_id=doc_id, text=text, title=title.strip() if title else None, url=page_url,
        published=published[:10] if published else None,
        outlet=BYLINE_OLEH.sub("", outlet).strip() if outlet else None,
    )


def text_to_article(raw: str, doc_id: str, url: str | None = None, title: str | None = None,
                    published: str | None = None, where: str | None = None) -> Article:
    """Plain text (as copied from a page) -> Article.

    Raises:
        InputError: the text is empty once noise is removed.
    """
    text = clean_text(raw)
    if not text.strip():
        raise InputError(where or doc_id, "empty article (no text after removing page noise)")
    return Article(doc_id=doc_id, text=text, title=title or guess_title(text), url=url,
                   published=published)
