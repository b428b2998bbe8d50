"""Failed requests -> a short, stable reason (grouped in the fetch log and the summary)."""

from __future__ import annotations

from twisted.python.failure import Failure

from pugnlp.fetch.faults import STOPPED

REASONS: tuple[str, ...] = ("robots.txt", "redirect loop", "timeout", "connection refused",
                            "DNS", "too large", "connection lost", "HTTP", "error")


def failure_reason(failure: Failure) -> tuple[str, int | None, str]:
    """Classify a Scrapy errback failure.

    Returns:
        ``(reason, http_status, detail)``: reason is ``known`` (the store has it; not a
        failure), ``stopped`` (dropped when a write error stopped the crawl; not a failure
        of the site either), ``robots.txt``, ``redirect loop``, ``timeout``, ``connection refused``,
        ``DNS``, ``too large``, ``connection lost``, ``HTTP <code>`` or ``error``.
    """
    from scrapy.exceptions import (
        CannotResolveHostError,
        DownloadCancelledError,
        DownloadConnectionRefusedError,
        DownloadFailedError,
        DownloadTimeoutError,
        IgnoreRequest,
        ResponseDataLossError,
    )
    from scrapy.spidermiddlewares.httperror import HttpError

    exc = failure.value
    detail = f"{type(exc).__name__}: {exc}"[:300]
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"HTTP {status}", status, detail
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if text.startswith("already in the store"):
            return "known", None, detail
        if text == STOPPED:
            return "stopped", None, detail
        if "robots" in text:
            return "robots.txt", None, detail
        if "redirect" in text:
            return "redirect loop", None, detail
        return "error", None, detail
    table: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
        ((DownloadTimeoutError, TimeoutError), "timeout"),
        ((DownloadConnectionRefusedError, ConnectionRefusedError), "connection refused"),
        ((CannotResolveHostError,), "DNS"),
        ((DownloadCancelledError,), "too large"),
        ((ResponseDataLossError, DownloadFailedError, ConnectionError), "connection lost"),
    )
    for types, reason in table:
        if isinstance(exc, types):
            return reason, None, detail
    return "error", None, detail
