"""URL canonicalisation: one key per article whatever tracking, AMP or mobile variant was seen.

Pure functions. The canonical form is a key, not an address to fetch: it drops ``www.``/``m.``
hosts, AMP markers, tracking parameters, fragments and trailing slashes.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS: frozenset[str] = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref", "ref_src", "ref_url", "src", "source",
    "share", "shared", "from", "via", "amp", "outputtype", "output", "noamp", "cmpid",
    "spm", "si", "s_cid", "trk", "ved", "usg", "_hsenc", "_hsmi", "hss_channel",
})
"""Query keys that never identify an article (analytics, share buttons, AMP switches).

``utm_*`` keys are dropped by prefix. ``p``, ``id``, ``page`` and the like are kept: WordPress and
many regional CMSs address the article with them.
"""

TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "hsa_", "oly_")
VARIANT_HOST_PREFIXES: tuple[str, ...] = ("www.", "m.", "mobile.", "amp.", "wap.")
"""Host prefixes of the same site: desktop, mobile and AMP front ends share their articles."""

_AMP_PATH = re.compile(r"(?:/amp/?$|^/amp(?=/)|\.amp(?=\.html?$|$)|/amp(?=/\d))", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"


def canonical_url(url: str) -> str:
    """The key under which an article URL is stored.

    Args:
        url: an absolute http(s) URL as found or fetched.

    Returns:
        ``https://host/path?sorted-query`` with ``www.``/``m.``/``amp.`` hosts folded, AMP path
        markers (``/amp``, ``.amp``) and tracking parameters removed, no fragment, no
        trailing slash (except the root). The scheme is folded to ``https`` so that an
        http and an https link to the same article meet.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in VARIANT_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = quote(unquote(parts.path or "/"), safe=_SAFE_PATH)
    path = _AMP_PATH.sub("", path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = urlencode(sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(k)
    ))
    return urlunsplit(("https" if scheme in ("http", "https") else scheme, netloc, path, query, ""))


def _is_tracking(key: str) -> bool:
    low = key.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def site_key(url: str) -> str:
    """Host without its ``www.``/``m.``/``amp.`` prefix: the site a URL belongs to."""
    return urlsplit(canonical_url(url)).netloc


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on the same site (variant hosts folded)."""
    return site_key(url) == site_key(other)


def is_http_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)
