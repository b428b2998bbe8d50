"""pugnlp.events.components.rules: what the rule components add beyond their finders."""

from __future__ import annotations

from spacy.language import Language

from pugnlp.article.html import text_to_article
from pugnlp.events.loader import extract_article


def test_a_deputy_named_after_the_official_gets_the_officials_position(rules_nlp: Language
                                                                       ) -> None:
    text = ("Kotim Terima Penghargaan APE\n\nSAMPIT – Bupati Kotim Halikinnor dan Wakilnya "
            "Irawati Buhari menerima piagam Anugerah Parahita Ekapraya di Rumah Jabatan, Kamis "
            "(30/9/2021).")
    record = extract_article(rules_nlp, text_to_article(text, "deputi"))
    officials = {o.name: o.position for o in record.officials}
    assert officials == {"Halikinnor": "Bupati Kotim", "Irawati Buhari": "Wakil Bupati Kotim"}
    deputy = next(o for o in record.officials if o.name == "Irawati Buhari")
    assert record.text[deputy.evidence.start:deputy.evidence.end] == "Irawati Buhari"


def test_a_regent_and_the_pkk_chair_who_carries_his_name_are_two_people() -> None:
    from pugnlp.events.components.rules import merge_people
    from pugnlp.events.people import PersonMention

    merged = merge_people([
        PersonMention("Wardan", 10, 16, "Bupati Inhil", 0, 9),
        PersonMention("Zulaikhah Wardan", 40, 56, "Ketua TP PKK", 27, 39),
        PersonMention("Sukarni Dunip", 80, 93, "Sekretaris Daerah Bengkulu Selatan", 60, 79),
        PersonMention("Sukarni", 120, 127, "Sekda Bengkulu Selatan", 97, 119),
    ])
    assert [(p.name, p.position) for p in merged] == [
        ("Wardan", "Bupati Inhil"), ("Zulaikhah Wardan", "Ketua TP PKK"),
        ("Sukarni Dunip", "Sekretaris Daerah Bengkulu Selatan")]
