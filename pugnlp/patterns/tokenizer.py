"""Tokenizer exceptions: tokens spaCy's ``id`` defaults would split or mis-segment."""

from __future__ import annotations

import re

ACRONYM_TOKEN = re.compile(r"^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{3,}$")
"""All-caps letters-and-digits tokens (DP3AP2KB, P2TP2A): never split."""

ABBREVIATIONS: tuple[str, ...] = (
    "Kab.", "Kec.", "Kel.", "Jl.", "Jln.", "Ir.", "Prov.", "Sdr.", "Sdri.", "Bpk.", "Hj.", "H.",
    "Drs.", "Dra.", "Dr.", "dr.", "Prof.", "No.", "Lt.", "lt.", "Tgl.", "tgl.", "Pj.", "Plt.",
    "Plh.", "Ds.", "Kp.", "Ny.", "Moh.", "Muh.", "Mhd.", "Ust.", "Pdt.", "KH.", "St.", "Tk.",
    "S.E.", "S.H.", "S.Sos.", "M.Si.", "M.M.", "M.H.", "S.Pd.", "M.Pd.", "S.Kom.", "M.AP.",
    "S.STP.", "S.IP.", "S.T.", "M.T.", "M.Kes.", "S.KM.", "A.Md.", "S.Ag.", "M.Ag.", "Ph.D.", "Dg.",
    "Iptu.", "Ipda.", "Aiptu.", "Aipda.", "Bripka.", "Briptu.", "Bripda.", "AKP.", "AKBP.",
    "Kompol.", "Kombes.",
)
"""Abbreviations kept as one token, so that the sentencizer does not split after them."""

GLUED_HONORIFIC = re.compile(
    r"^(?:(?:Ir|Drs|Dra|Dr|dr|Hj|HM|Hi|H|Prof|Ns|Iptu|Ipda|AKP|AKBP|Kompol)\.(?=[A-Z][a-z])"
    r"|[A-Z]\.(?=[A-Z][a-z]{4,}))")
"""A title or an initial written against the name it precedes ("Ir.Heru", "HM.Wardan",
"Drs.Ahmattullah", "M.Subandi"): split off as its own token, as when a space follows it. An
initial splits only before 5+ letters, so that titles ("S.Sos", "M.Stat") stay whole."""

LETTER_PREFIXES: tuple[str, ...] = ("US$", "C$", "A$", "S$", "USD", "Rp", "IDR", "RMB", "SGD")
"""The prefixes of spaCy's ``id`` defaults that start with an ASCII letter (currencies)."""
