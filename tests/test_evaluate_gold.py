"""Reading a gold file: aliases in any script, keyword groups, one-line errors."""

import pytest

from etl.evaluate.gold import GoldError, load_gold, parse_gold

PERSONS = [{"name": "Wang Yi", "aliases": ["王毅", "Mr. Wang", "foreign minister wang yi"]}]


def gold(**meeting):
    entry = {"key": "m", "participants": ["Wang Yi"], **meeting}
    return parse_gold({"persons": PERSONS, "meetings": [entry]})


def test_a_name_is_its_person_through_any_alias_spelling_or_a_title_glued_to_it():
    g = gold()
    assert g.canonical("王毅") == g.canonical("Mr Wang") == g.canonical("WANG YI") == "Wang Yi"
    assert g.canonical("Chinese Foreign Minister Wang Yi") == "Wang Yi"
    assert g.canonical("Qin Gang") == "?Qin Gang"
    assert g.canonical(None) is None


def test_an_outcome_needs_every_keyword_group_and_one_word_of_each():
    (outcome,) = (
        gold(
            outcomes=[
                {
                    "key": "o",
                    "keywords": ["working group", "climate|emission"],
                    "alt_keywords": ["气候"],
                }
            ]
        )
        .meetings[0]
        .outcomes
    )
    assert outcome.described_by("agreed to set up a Working Group on emissions")
    assert not outcome.described_by("agreed to set up a working group on trade")
    assert outcome.described_by("同意成立气候变化工作组")
    assert outcome.describe() == "working group + climate|emission"


def test_one_value_or_a_list_and_required_defaults():
    m = gold(
        start="2023-06-18", city="Beijing", outcomes=[{"key": "o", "keywords": ["x"]}]
    ).meetings[0]
    assert [d.isoformat() for d in m.dates] == ["2023-06-18"]
    assert m.cities == ("beijing",)
    assert not m.required and not m.outcomes[0].required


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- just\n- a list\n", "a gold file is a mapping with 'persons' and 'meetings'"),
        ("persons: []\nmeetings:\n- key: m\n", "meetings[0]: 'participants' is missing"),
        ("persons: [{aliases: [x]}]\nmeetings: []\n", "persons[0]: 'name' is missing"),
        ("persons: [\n", "not YAML"),
    ],
)
def test_a_malformed_gold_file_is_one_line_naming_the_place(tmp_path, content, message):
    path = tmp_path / "gold.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as error:
        load_gold(path)
    assert message in str(error.value) and str(path) in str(error.value)
    assert "\n" not in str(error.value)
