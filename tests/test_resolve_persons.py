"""The resolution cascade, one method at a time."""

import datetime as dt

from etl.extract.records import PersonMention

MARCH_2021 = dt.date(2021, 3, 18)
APRIL_2024 = dt.date(2024, 4, 26)


def mention(text, kind="name", **kwargs):
    return PersonMention(
        text=text, start=0, end=len(text), kind=kind, name=kwargs.pop("name", text), **kwargs
    )


def test_exact_alias_in_any_script(resolver):
    for alias in ("Antony J. Blinken", "토니 블링컨", "布林肯", "王毅"):
        found = resolver.resolve(mention(alias), MARCH_2021, [])
        assert found is not None and found.method == "exact", alias
    assert resolver.resolve(mention("王毅"), MARCH_2021, []).name == "Wang Yi"


def test_title_and_surname_use_the_role_active_on_the_date(resolver):
    councilor = mention(
        "State Councilor Wang", "surname", name="Wang", title_kind="state_councilor"
    )
    assert resolver.resolve(councilor, MARCH_2021, []).name == "Wang Yi"
    assert resolver.resolve(councilor, APRIL_2024, []).name == "Wang Xiaohong"
    director = mention("DIRECTOR YANG", "surname", name="YANG", title_kind="director")
    found = resolver.resolve(director, MARCH_2021, [])
    assert (found.name, found.method) == ("Yang Jiechi", "title_surname")


def test_a_bare_surname_prefers_the_person_introduced_first(resolver):
    wang = mention("Wang", "surname")
    assert (
        resolver.resolve(wang, APRIL_2024, ["Antony Blinken", "Wang Yi", "Wang Xiaohong"]).name
        == "Wang Yi"
    )
    assert resolver.resolve(wang, APRIL_2024, ["Wang Xiaohong", "Wang Yi"]).name == "Wang Xiaohong"


def test_descriptors_resolve_through_roles(resolver):
    leader = mention("the Chinese leader", "descriptor", title_kind="leader", country="CN")
    assert resolver.resolve(leader, APRIL_2024, []).name == "Xi Jinping"
    diplomat = mention(
        "China's top diplomat", "descriptor", title_kind="top_diplomat", country="CN"
    )
    assert resolver.resolve(diplomat, MARCH_2021, []).name == "Yang Jiechi"
    president = mention("the U.S. president", "descriptor", title_kind="president", country="US")
    assert resolver.resolve(president, MARCH_2021, []).name == "Joe Biden"
    assert resolver.resolve(president, dt.date(2019, 6, 1), []).name == "Donald Trump"


def test_an_undated_descriptor_is_someone_the_document_named_not_todays_holder(resolver):
    secretary = mention(
        "The Secretary of State", "descriptor", title_kind="secretary_of_state", country="US"
    )
    assert resolver.resolve(secretary, None, []) is None
    named = ["Qin Gang", "Antony Blinken"]
    assert resolver.resolve(secretary, None, named).name == "Antony Blinken"
    assert resolver.resolve(secretary, None, ["Mike Pompeo", "Antony Blinken"]) is None


def test_misspellings_resolve_fuzzily_within_a_strict_cutoff(resolver):
    for text in ("Anthony Blinken", "Vang Yi", "Antony Blinkin"):
        found = resolver.resolve(
            mention(text, "titled_name", title_kind="secretary"), MARCH_2021, []
        )
        assert found is not None and found.method == "fuzzy", text
    bilinken = mention("Bilinken", "candidate", gazetteer_key="Blinken")
    assert resolver.resolve(bilinken, MARCH_2021, []).name == "Antony Blinken"
    assert resolver.resolve(mention("Anthony Blanken Jones"), MARCH_2021, []) is None


def test_new_people_come_only_from_title_patterns(resolver):
    official = mention(
        "Vice Foreign Minister Ma Zhaoxu",
        "titled_name",
        name="Ma Zhaoxu",
        title_kind="deputy_foreign_minister",
        title="Vice Foreign Minister",
    )
    found = resolver.resolve(official, MARCH_2021, [])
    assert (found.name, found.method, found.entry) == ("Ma Zhaoxu", "title_pattern", None)
    for phrase in ("Black Lives Matter", "Diaoyutai State Guest House"):
        assert resolver.resolve(mention(phrase), MARCH_2021, []) is None
    honorific = mention(
        "Mr. Nobody Known", "titled_name", name="Nobody Known", title_kind="honorific"
    )
    assert resolver.resolve(honorific, MARCH_2021, []) is None


def test_pronouns_are_not_resolved_here(resolver):
    assert resolver.resolve(mention("he", "pronoun"), MARCH_2021, []) is None


def test_an_ambiguous_surname_is_the_counterpart_of_the_people_already_named(resolver):
    wang = mention("Wang", "surname")
    assert resolver.resolve(wang, MARCH_2021, []) is None
    found = resolver.resolve(wang, MARCH_2021, ["Antony Blinken", "Jake Sullivan"])
    assert (found.name, found.method) == ("Wang Yi", "counterpart")
    found = resolver.resolve(wang, MARCH_2021, ["Gina Raimondo"])
    assert found.name == "Wang Wentao"


def test_a_known_surname_inside_another_full_name_is_someone_else():
    from tests.support import extract_text

    extraction = extract_text(
        "Blinken was greeted at the airport by Yang Tao, a director general, on Sunday.",
        dt.date(2023, 6, 18),
    )
    assert [(m.text, m.kind) for m in extraction.persons] == [
        ("Blinken", "surname"),
        ("Yang Tao", "name"),
    ]
    extraction = extract_text("Blinken Tuesday met Wang Yi.", dt.date(2023, 6, 18))
    assert extraction.persons[0].text == "Blinken"


def test_the_president_of_no_country_is_the_president_the_document_named_first(resolver):
    president = mention("THE PRESIDENT", "descriptor", title_kind="president")
    november_2023 = dt.date(2023, 11, 15)
    assert resolver.resolve(president, november_2023, ["Joe Biden", "Xi Jinping"]).name == (
        "Joe Biden"
    )
    assert resolver.resolve(president, november_2023, ["Xi Jinping"]).name == "Xi Jinping"
    assert resolver.resolve(president, november_2023, []) is None


def test_an_honorific_without_a_full_stop_and_a_surname(resolver):
    miller = mention("MR MILLER", "surname", name="MILLER", title_kind="honorific")
    assert resolver.resolve(miller, dt.date(2023, 6, 14), []).name == "Matthew Miller"


def test_his_chinese_counterpart_is_the_one_holder_of_the_meeting_role_on_the_day():
    from tests.support import analyze

    call = "US President Joe Biden held a phone call with his Chinese counterpart on Thursday."
    (meeting,) = analyze(call, dt.date(2022, 11, 25)).meetings
    assert sorted(meeting.participants) == ["Joe Biden", "Xi Jinping"]
    # a secretary of state meets a foreign minister or a top diplomat: two people, no guess
    visit = "Secretary of State Antony Blinken met his Chinese counterpart in Lima on Thursday."
    (meeting,) = analyze(visit, dt.date(2023, 6, 16)).meetings
    assert sorted(meeting.participants) == ["Antony Blinken"]


def test_a_visitors_host_is_the_one_counterpart_in_the_country_visited(resolver):
    assert resolver.counterpart_in("Joe Biden", "CN", APRIL_2024).name == "Xi Jinping"
    assert resolver.counterpart_in("Xi Jinping", "US", APRIL_2024).name == "Joe Biden"


def test_no_host_without_a_known_visitor_or_a_day(resolver):
    assert resolver.counterpart_in("Dana Whitfield", "CN", APRIL_2024) is None
    assert resolver.counterpart_in("Joe Biden", "CN", None) is None
