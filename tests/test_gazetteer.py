"""The shipped reference gazetteer is consistent: facts can be relied on."""

import datetime as dt
import re

from etl.resolve.gazetteer import normalize_name


def test_every_person_has_country_surname_and_roles(gazetteer):
    for person in gazetteer.persons:
        assert person.country and len(person.country) == 2, person.name
        assert person.surname and person.surname in person.name, person.name
        assert person.roles, person.name
        for role in person.roles:
            if role.valid_from and role.valid_to:
                assert role.valid_from <= role.valid_to, (person.name, role.title)


def test_wikidata_ids_are_well_formed_and_unique(gazetteer):
    ids = [p.wikidata for p in gazetteer.persons if p.wikidata]
    assert all(re.fullmatch(r"Q[1-9]\d*", i) for i in ids)
    assert len(ids) == len(set(ids))


def test_no_alias_points_to_two_people(gazetteer):
    owners = {}
    for person in gazetteer.persons:
        for alias in (person.name, *person.aliases):
            key = normalize_name(alias)
            assert owners.setdefault(key, person.name) == person.name, alias


def test_aliases_cover_hangul_and_hanzi_for_the_principals(gazetteer):
    by_name = gazetteer.by_name
    for name in ("Antony Blinken", "Wang Yi", "Xi Jinping", "Yang Jiechi"):
        aliases = by_name[name].aliases
        assert any("\uac00" <= ch <= "\ud7a3" for a in aliases for ch in a), name
        assert any("\u4e00" <= ch <= "\u9fff" for a in aliases for ch in a), name


def test_a_name_transliterated_two_ways_in_chinese_has_both(gazetteer):
    index = gazetteer.alias_index()
    assert index["鲁比奥"].name == index["卢比奥"].name == "Marco Rubio"  # Xinhua; State Dept


def test_titles_are_the_roles_active_on_a_date(gazetteer):
    wang = gazetteer.by_name["Wang Yi"]
    assert wang.title_on(dt.date(2021, 3, 18)) == "State Councilor; Foreign Minister"
    assert wang.title_on(dt.date(2023, 3, 1)) == (
        "Director of the Office of the Central Foreign Affairs Commission; State Councilor"
    )
    blinken = gazetteer.by_name["Antony Blinken"]
    assert blinken.title_on(dt.date(2021, 3, 18)) == "Secretary of State"
    assert blinken.title_on(dt.date(2019, 1, 1)) is None


def test_normalized_names_ignore_case_and_punctuation():
    assert normalize_name("Antony J. Blinken") == "antony j blinken"
    assert normalize_name("  XI   Jinping ") == "xi jinping"


def test_korean_reading_of_a_chinese_surname_only_where_syllables_line_up(gazetteer):
    surnames = {p.name: p.surnames for p in gazetteer.persons}
    assert surnames["Xi Jinping"] == ("Xi", "시")  # 시진핑
    assert surnames["Wang Yi"] == ("Wang", "왕")  # 왕이
    assert surnames["Zhao Lijian"] == ("Zhao",)  # 자오리젠: "Zhao" is two syllables
    assert surnames["Antony Blinken"] == ("Blinken",)
