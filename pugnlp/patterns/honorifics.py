"""Honorifics before a name and academic titles after it: never part of the name."""

from __future__ import annotations

import re
from functools import lru_cache

HONORIFICS: frozenset[str] = frozenset({
    "bapak", "ibu", "bpk", "bu", "pak", "sdr", "sdri", "saudara", "saudari", "tuan", "nyonya",
    "ny", "h", "hj", "hm", "haji", "hajjah", "kh", "dr", "drs", "dra", "ir", "prof", "profesor",
    "ns", "apt",
    "ustadz", "ustaz", "ustadzah", "ustazah", "pdt", "pendeta", "romo", "gus", "bunda", "dra",
    "dg", "daeng", "andi", "tgh", "tgkh", "teungku", "tengku", "kak", "mas", "mbak",
    # police and military ranks ("Kasat Reskrim Polres Mimika, Iptu. <name>")
    "iptu", "ipda", "aiptu", "aipda", "bripka", "brigpol", "briptu", "bripda", "akp", "akbp",
    "kompol", "kombes", "kombespol", "irjen", "brigjen", "mayjen", "letjen", "letkol",
    "kolonel", "lettu", "letda", "serka", "serma", "sertu", "pelda", "peltu",
})
"""Words (lowercase, without the final dot) that may precede a name. ``andi``/``tengku``/``daeng``
are noble titles, ``iptu``/``akbp``... police and military ranks; the scorer strips honorifics, so dropping them never costs a match."""

KEEP_IN_NAME: frozenset[str] = frozenset({"andi", "tengku", "teungku", "daeng", "dg"})
"""Noble titles that name-bearers use as part of their name; kept when followed by a name."""

_TITLE_WORDS = (
    "se", "mm", "sh", "mh", "skm", "mkes", "skom", "mkom", "ssos", "msi", "map", "spd", "mpd",
    "sstp", "sip", "st", "mt", "sag", "mag", "spsi", "mpsi", "phd", "shut", "sp", "msc", "ma",
    "lc", "sfarm", "apt", "skep", "ners", "sst", "meng", "sikom", "mikom", "spog", "spa", "sppd",
    "mars", "amd", "str", "sak", "ak", "ca", "mak", "me", "mhan", "spi", "spt", "ssi", "mph",
    "sgz", "sked", "mmed", "macc", "mhum", "shum", "sth", "mth", "mip", "mpdi", "spdi", "ssy",
    "shi", "mhi", "mba", "sap", "mtr", "cpa", "msos", "mkn", "mpa", "dea", "ssn", "ske", "mtp",
    "mec", "dev", "mstat", "ssos", "spn", "mkm", "sdown", "bsc", "bba", "mpp", "mt", "ipm",
    "ipu", "asean", "eng", "cht", "chrp", "cfp", "aai", "mle",
)
ACADEMIC_TITLES: frozenset[str] = frozenset(_TITLE_WORDS) - {"asean", "sdown"}
"""Academic/professional titles, folded: lowercase with dots and spaces removed (S.Kom -> skom)."""

NOBLE_PREFIXES: frozenset[str] = frozenset({
    "tb", "kgs", "kms", "rd", "raden", "tubagus", "kiagus", "kemas", "nyimas",
})
"""Sundanese and Palembang noble titles written before a name ("H. Tb. Asep", "Kgs. Rusdi")."""

HAJI: frozenset[str] = frozenset({"h", "hj"})
"""The haji honorifics, folded ("H.", "Hj."): never the second half of a split title."""

NAME_KEY_DROP: frozenset[str] = frozenset({
    "h", "hj", "dr", "drs", "dra", "ir", "prof", "bapak", "ibu", "pak", "bu", "se", "mm", "msi",
    "mpd", "sh", "mh", "skm", "skom", "st", "mt", "ssos",
})
"""Honorifics and titles left out of a person key (:func:`pugnlp.keys.person_key`). Not
:data:`HONORIFICS` | :data:`ACADEMIC_TITLES`: those hold words that are also name parts
("andi", "mas", "ma") and would merge different people across articles."""

SCORER_HONORIFICS = re.compile(
    r"\b(bapak|ibu|bpk|bu|pak|h|hj|dr|drs|dra|ir|prof|kh|st|se|sh|mh|mm|msi|mpd|spd|skom|sos|"
    r"ssos|ssi|mkes|skm|ap|map|ma|mt|ak|mba|ners|amd|sstp|sip|msc|phd|spog|spa|mars)\b\.?"
)
"""Honorifics and titles the team's scorer (``shared/eval/score.py``) strips from names; kept
as the scorer has them, so that :mod:`pugnlp.scoring` scores as the scorer does."""

INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
"""Two or three initials ("J.T.", "A.M.") that are no known title: the start of a name."""

TITLE_SHAPE = re.compile(r"^(?:[A-Z][a-z]{0,2}\.){1,3}[A-Za-z]{0,6}\.?$|^[A-Z]{1,2}\.[A-Z]{1,4}\.?$")
"""Shape of an unseen dotted title such as ``S.Kom``, ``M.Si.``, ``Sp.OG``, ``A.Md``."""


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """'S.Kom' -> 'skom', 'M.Si.' -> 'msi', 'Hj.' -> 'hj'."""
    return re.sub(r"[^a-z]", "", token.lower())


def is_honorific(token: str) -> bool:
    return fold(token) in HONORIFICS and (len(token) > 1)


def is_title(token: str) -> bool:
    """True for an academic title token that may follow a name."""
    folded = fold(token)
    if folded in ACADEMIC_TITLES and (token[:1].isupper()):
        return True
    if INITIALS.fullmatch(token):
        return False  # "J.T." (J.T. Ose Luan): initials, not an unseen title
    return bool(TITLE_SHAPE.match(token)) and "." in token.rstrip(".")[1:]

HAJI_BARE = "H"
"""Haji written without its dot before a name ("H Zulkipli Yadi Noor"); a bare "M" stays (an
initial, "M Hilaludin")."""

