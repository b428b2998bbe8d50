"""Page noise: related-story links, captions, comment forms, share boxes, credits.

Text from these never feeds a field. Line patterns drop a whole line; tail patterns drop the
line and everything after it (comment sections and related-post lists close an article);
inline patterns cut a fragment out of a kept line.
"""

from __future__ import annotations

import re

from pugnlp.patterns._util import alt

RELATED_LINE = re.compile(
    r"^\s*[\(\[]?\s*(?:" + alt((r"baca\s+juga", r"baca\s+pula", r"simak\s+juga", r"lihat\s+juga",
                                  r"baca\s+berita\s+lainnya")) + r")\b",
    re.I,
)
"""A "Baca Juga: ..." line: a link to ANOTHER story (its people and places are not ours)."""

TAIL_HEADINGS = re.compile(
    r"^\s*(?:" + alt((
        r"berita\s+terkait", r"artikel\s+terkait", r"berita\s+lainnya", r"related\s+posts?",
        r"pos\s+terkait", r"postingan\s+terkait", r"artikel\s+lainnya", r"berita\s+populer",
        r"terpopuler", r"leave\s+a\s+reply", r"tinggalkan\s+(?:balasan|komentar)",
        r"\d+\s+komentar", r"komentar\s*(?:\(\d+\))?", r"kirim\s+komentar", r"tulis\s+komentar",
        r"post\s+comment", r"add\s+comment", r"comments?", r"beri\s+komentar",
        r"alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan",
        r"your\s+email\s+address\s+will\s+not\s+be\s+published",
    )) + r")\s*[:.]?\s*$",
    re.I,
)
"""Headings after which the rest of the page is related links or the comment section."""

NOISE_LINE = re.compile(
    r"^\s*(?:" + alt((
        r"bagikan\b.*", r"share\b.*", r"tweet\s*$", r"(?:facebook|twitter|whatsapp|telegram|"
        r"linkedin|email|print|copy\s+link)(?:\s+(?:facebook|twitter|whatsapp|telegram|linkedin|"
        r"email|print|copy\s+link))*\s*$",
        r"tags?\s*:.*", r"kata\s+kunci\s*:.*", r"editor\s*:.*", r"penulis\s*:.*",
        r"reporter\s*:.*", r"pewarta\s*:.*", r"redaktur\s*:.*", r"sumber\s*:.*",
        r"(?:foto|photo|caption|ket(?:erangan)?\.?\s+foto|pose|tampak)\s*[:\-–—].*",
        r"alamat\s+email\s+anda.*", r"ruas\s+yang\s+wajib.*", r"simpan\s+nama\s+saya.*",
        r"\d+\s+komentar\s*$", r"dibaca\s*:?\s*\d+\s*(?:kali)?\s*$", r"views?\s*:?\s*\d+\s*$",
    )) + r")$",
    re.I,
)
"""Whole lines that are page furniture."""

CAPTION_TAIL = re.compile(
    r"(?:\.|\s)\s*(?:foto|photo)\s*(?:[:\-–—]|dok\.?|doc\.?)\s*[^\n]{0,60}?(?:\||\.)?\s*$", re.I
)
"""A paragraph that ends "... Foto – Hafiz." is a photo caption."""

INLINE_NOISE = re.compile(
    r"\s*\((?:" + alt((
        r"sumber\s*:[^)]*", r"foto\s*:[^)]*", r"ist(?:imewa)?", r"adv(?:ertorial)?",
    )) + r")\)\s*"
    r"|\s*\((?=[^()]*[A-Za-z])[A-Za-z0-9.\- ]{1,40}(?:/[A-Za-z0-9.\- ]{1,40})+\)\s*$",
    re.I,
)
"""Credits: (Sumber: ...), (Foto: ...), (ist) anywhere; author codes (Yds/Hfz/MedCenBJB) at a line end."""

HTML_PRUNE_XPATH: tuple[str, ...] = (
    "//p[starts-with(normalize-space(.),'Baca Juga')]",
    "//p[starts-with(normalize-space(.),'BACA JUGA')]",
    "//p[starts-with(normalize-space(.),'Baca juga')]",
    "//*[contains(@class,'baca-juga')]",
    "//*[contains(@class,'bacajuga')]",
    "//*[contains(@class,'related')]",
    "//*[contains(@class,'terkait')]",
    "//*[contains(@id,'related')]",
    "//*[contains(@class,'share')]",
    "//*[contains(@class,'comment')]",
    "//*[contains(@id,'comment')]",
    "//*[contains(@id,'respond')]",
    "//figcaption",
    "//*[contains(@class,'wp-caption-text')]",
    "//*[contains(@class,'caption')]",
)
"""Blocks pruned before trafilatura reads the body (PACKAGES.md section 4)."""

BYLINE_OLEH = re.compile(r"^\s*oleh\s+", re.I)
"""A leading "oleh" (by) in front of a byline or outlet name: dropped."""
