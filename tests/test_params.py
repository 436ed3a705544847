"""Query parameters: declared in the header, given as NAME=VALUE, bound by name;
a missing, unknown or malformed one is one clear line."""

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.db.params import ParamError, bind, declared, parse_assignments

HEADER = (
    "-- Which meetings?\n-- Grain: one row per meeting.\n"
    "-- params: person (name), since= (date), until=\nselect 1"
)


def test_the_header_declares_required_and_optional_parameters():
    found = declared(HEADER)
    assert found.required == ("person",) and found.optional == ("since", "until")
    assert declared("-- Which?\n-- Grain: one.\nselect :later").names == ()


def test_optional_parameters_left_out_or_empty_are_null():
    assert bind("q", declared(HEADER), {"person": "Wang Yi", "until": ""}) == {
        "person": "wang yi",
        "since": None,
        "until": None,
    }


def test_a_name_is_read_as_aliases_are_stored_and_a_date_must_be_iso():
    values = bind("q", declared(HEADER), {"person": " WANG  Yi. ", "since": "2023-01-05"})
    assert values["person"] == "wang yi" and values["since"] == "2023-01-05"
    assert bind("q", declared(HEADER), {"person": "貝森特"})["person"] == "贝森特"
    with pytest.raises(ParamError, match="since takes a date as YYYY-MM-DD"):
        bind("q", declared(HEADER), {"person": "x", "since": "2023-1-5"})


def test_a_malformed_declaration_is_refused():
    with pytest.raises(ParamError, match="declares a parameter as"):
        declared("-- Which?\n-- Grain: one.\n-- params: a b\nselect 1")


def test_a_missing_parameter_names_itself_and_how_to_give_it():
    with pytest.raises(ParamError, match=r"missing parameter person for q: .*--param person=VALUE"):
        bind("q", declared(HEADER), {"since": "2023-01-01"})
    with pytest.raises(ParamError, match="missing parameter person"):
        bind("q", declared(HEADER), {"person": "  "})


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


def test_binding_a_name_does_not_import_the_extractor():
    """``etl query`` answers at once: reading a name parameter needs no spaCy."""
    program = "import sys\nimport etl.db.queries\nprint('spacy' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
