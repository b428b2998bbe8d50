"""Records made in code: :func:`make_record` for fixtures, :func:`synthetic_records` for benches.

:func:`make_record` builds a real :class:`~pugnlp.schema.EventRecord` whose evidence offsets
are found in the given text, so fixtures stay consistent with the schema's contract
(``text[start:end]`` is the surface form). :func:`synthetic_records` yields a deterministic
stream of plausible records (events reported by 1-4 outlets) for scale benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

from pugnlp.schema import (
    EVENT_TYPES,
    Agency,
    ApeCategory,
    EventRecord,
    Evidence,
    Official,
    Venue,
    text_sha1,
)
from pugnlp.wilayah import Gazetteer


def find_evidence(text: str, surface: str, after: int = 0) -> Evidence:
    """Evidence of the first ``surface`` in ``text`` (from ``after``), with its sentence.

    Raises:
        ValueError: ``surface`` does not occur in ``text``.
    """
    start = text.find(surface, after)
    if start < 0:
        raise ValueError(f"{surface!r} not in text")
    end = start + len(surface)
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_dot = text.find(". ", end)
    right_nl = text.find("\n", end)
    right = min((r for r in (right_dot, right_nl) if r >= 0), default=len(text))
    return Evidence(start, end, text[left + 1 if left >= 0 else 0:right + 1].strip())


def _ev(text: str, surface: str | None) -> Evidence | None:
    return find_evidence(text, surface) if surface else None


def make_record(doc_id: str, text: str, *, gazetteer: Gazetteer | None = None,
                title: str | None = None, url: str | None = None,
                published: str | None = None, outlet: str | None = None,
                relevant: bool = True, event_type: str | None = None,
                event_date: str | None = None, event_date_end: str | None = None,
                date_surface: str | None = None, kab_kota_code: str | None = None,
                province_code: str | None = None, place_surface: str | None = None,
                venues: Sequence[str] = (), officials: Sequence[tuple[str, str | None]] = (),
                agencies: Sequence[tuple[str, str | None]] = (),
                participants: int | None = None,
                ape: Sequence[tuple[str, int | None, str]] = ()) -> EventRecord:
    """An :class:`EventRecord` whose evidence is located in ``text``.

    ``officials`` are ``(name, position)``; ``agencies`` are ``(name, acronym)``; ``ape`` items
    are ``(category, year, status)``; every name must occur in the text. Region names are
    taken from ``gazetteer`` when given.
    """
    kab = gazetteer.get(kab_kota_code) if gazetteer and kab_kota_code else None
    if kab is not None and province_code is None:
        province_code = kab.province_code
    prov = gazetteer.get(province_code) if gazetteer and province_code else None
    precision = "kab_kota" if kab_kota_code else "province" if province_code else "unresolved"
    return EventRecord(
        doc_id=doc_id, url=url, title=title, published=published, outlet=outlet,
        relevant=relevant, relevant_score=None, event_type=event_type if relevant else None,
        event_type_score=None, event_date=event_date, event_date_end=event_date_end,
        event_date_evidence=_ev(text, date_surface),
        kab_kota=kab.name if kab else None, kab_kota_code=kab_kota_code,
        province=prov.name if prov else None, province_code=province_code,
        place_precision=precision, place_evidence=_ev(text, place_surface),
        venues=tuple(Venue(v, find_evidence(text, v)) for v in venues),
        officials=tuple(Official(n, p, None, find_evidence(text, n)) for n, p in officials),
        agencies=tuple(Agency(n, a, None, find_evidence(text, n), n) for n, a in agencies),
        participants=participants,
        participants_evidence=_ev(text, str(participants)) if participants else None,
        ape_categories=tuple(ApeCategory(c, y, s, find_evidence(text, c)) for c, y, s in ape),
        text=text, text_sha1=text_sha1(text),
    )


_OPENINGS = ("menggelar", "melaksanakan", "menyelenggarakan", "mengadakan")
_ACTIVITY = {
    "rapat_koordinasi": "rapat koordinasi Pokja PUG", "bimtek_pelatihan": "bimbingan teknis PPRG",
    "sosialisasi": "sosialisasi pengarusutamaan gender", "evaluasi": "evaluasi PUG",
    "penghargaan": "penyerahan penghargaan APE", "penyusunan_dokumen": "penyusunan profil gender",
    "kebijakan": "pengukuhan Pokja PUG", "lainnya": "kegiatan PUG",
}
_OUTLETS = ("mediacenter", "diskominfo", "portalberita", "harianlokal", "kabardaerah")
_AGENCIES = ("DP3A", "DP3AP2KB", "DPPKBP3A", "Bappeda", "DP2KBP3A", "Inspektorat")
_NAMES = ("Sri Lailana", "Puspa Kencana", "Yansiterson", "Maria Efianti", "Yantrio Aulia",
          "Rina Marlina", "Budi Santoso", "Siti Aminah", "Ahmad Fauzi", "Dewi Lestari")
_FILLER = (
    "Kegiatan ini merupakan wujud komitmen pemerintah daerah dalam mewujudkan kesetaraan gender.",
    "Para peserta diharapkan mampu menerapkan perencanaan dan penganggaran responsif gender.",
    "Setiap perangkat daerah diminta menyiapkan data terpilah yang lengkap dan mutakhir.",
    "Pokja PUG akan memantau tindak lanjut rekomendasi hasil pertemuan ini.",
    "Narasumber memaparkan tujuh prasyarat pelaksanaan pengarusutamaan gender.",
    "Peran focal point di setiap dinas dinilai sangat menentukan keberhasilan PUG.",
    "Anggaran responsif gender perlu tercermin dalam dokumen perencanaan tahun depan.",
    "Peserta berasal dari unsur perangkat daerah, organisasi wanita dan perguruan tinggi.",
    "Diskusi berlangsung interaktif dengan berbagai pertanyaan dari peserta.",
    "Hasil kegiatan akan dilaporkan kepada kepala daerah sebagai bahan kebijakan.",
    "Indeks pembangunan gender daerah menunjukkan tren yang terus membaik.",
    "Pemerintah daerah juga mendorong keterlibatan dunia usaha dalam program ini.",
)


def _event(rng: random.Random, regions: Sequence[Any], start: dt.date) -> dict[str, Any]:
    region = rng.choice(regions)
    return {"region": region, "type": rng.choice(EVENT_TYPES),
            "date": start + dt.timedelta(days=rng.randrange(3 * 365)),
            "agency": rng.choice(_AGENCIES), "official": rng.choice(_NAMES),
            "venue": f"Aula {rng.choice(('Bappeda', 'Setda', 'Kantor Bupati', 'Balai Kota'))}"}


def _report(event: dict[str, Any], n: int, rng: random.Random, words: int) -> dict[str, Any]:
    region, date = event["region"], event["date"]
    day = f"({date.day}/{date.month}/{date.year})"
    text = (f"{region.bare_name} - {event['agency']} {region.name} "
            f"{rng.choice(_OPENINGS)} {_ACTIVITY[event['type']]} di {event['venue']}, {day}. "
            f"Kegiatan dibuka oleh {event['official']}. ")
    if event["type"] == "penghargaan":
        text += f"{region.name} meraih penghargaan APE kategori Madya. "
    while len(text.split()) < words:
        text += " ".join(rng.sample(_FILLER, 4)) + " "
    published = date + dt.timedelta(days=rng.randrange(3))
    outlet = rng.choice(_OUTLETS)
    stated = rng.random() > 0.15
    record = make_record(
        f"syn-{n:07d}", text, title=f"{_ACTIVITY[event['type']].capitalize()} di "
        f"{region.name} #{n}", url=f"https://{outlet}.example/{n}",
        published=published.isoformat(), outlet=outlet,
        event_type=event["type"], event_date=date.isoformat() if stated else None,
        date_surface=day if stated else None, kab_kota_code=region.code,
        province_code=region.province_code, place_surface=region.name,
        venues=(event["venue"],), officials=((event["official"], "Kepala Dinas"),),
        agencies=((event["agency"], event["agency"]),),
        ape=(("Madya", date.year - 1, "achieved"),) if event["type"] == "penghargaan" else (),
    )
    return record.as_dict()


def synthetic_records(n: int, gazetteer: Gazetteer, *, seed: int = 13,
                      words: int = 120) -> Iterator[dict[str, Any]]:
    """``n`` record dicts: events in random kab/kota over three years, each reported by 1-4
    outlets (10 % of articles not relevant). Deterministic for a given seed."""
    rng = random.Random(seed)
    regions = sorted(gazetteer.kab_kota, key=lambda r: r.code)
    start = dt.date(2022, 1, 1)
    made = 0
    while made < n:
        event = _event(rng, regions, start)
        for _ in range(min(rng.choice((1, 1, 2, 2, 3, 4)), n - made)):
            record = _report(event, made, rng, words)
            if rng.random() < 0.1:
                record.update(relevant=False, event_type=None)
            made += 1
            yield record
