"""Query parameters: declared in the header, given as NAME=VALUE, bound by name;
a missing, unknown or malformed one is one clear line."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.db.params import ParamError, bind, declared, parse_assignments

HEADER = "-- Which meetings?\n-- Grain: one row per meeting.\n-- params: person, since=, until=\nselect 1"


def test_the_header_declares_required_and_optional_parameters():
    found = declared(HEADER)
    assert found.required == ("person",) and found.optional == ("since", "until")
    assert declared("-- Which?\n-- Grain: one.\nselect :later").names == ()


def test_optional_parameters_left_out_are_null():
    assert bind("q", declared(HEADER), {"person": "Wang Yi"}) == {
        "person": "Wang Yi",
        "since": None,
        "until": None,
    }


def test_a_missing_parameter_names_itself_and_how_to_give_it():
    with pytest.raises(ParamError, match=r"missing parameter person for q: .*--param person=VALUE"):
        bind("q", declared(HEADER), {"since": "2023-01-01"})


def test_an_unknown_parameter_lists_what_the_query_takes():
    with pytest.raises(ParamError, match=r"unknown parameter city for q: it takes person, since"):
        bind("q", declared(HEADER), {"person": "x", "city": "Paris"})


def test_assignments_split_at_the_first_equals_sign():
    assert parse_assignments(["person=Wang Yi", "phrase=a=b"]) == {
        "person": "Wang Yi",
        "phrase": "a=b",
    }
    for bad in (["person"], ["=x"], ["a=1", "a=2"]):
        with pytest.raises(ParamError):
            parse_assignments(bad)


@given(st.text(alphabet=st.characters(blacklist_characters="=\n"), min_size=1), st.text())
def test_any_value_comes_back_as_given(name, value):
    if not name.strip():
        return
    assert parse_assignments([f"{name}={value}"]) == {name.strip(): value}
