"""Chinese patterns match in both scripts; names are looked up in Simplified."""

from etl.extract.scripts import han_variants, to_simplified, to_traditional
from etl.resolve.gazetteer import normalize_name


def test_a_simplified_phrase_also_matches_its_traditional_form():
    assert han_variants("举行会谈") == ["举行会谈", "舉行會談"]
    assert han_variants("會見") == ["會見", "会见"]


def test_text_without_hanzi_is_left_as_it_is():
    assert han_variants("met with") == ["met with"]
    assert han_variants("회담") == ["회담"]
    assert to_simplified("Blinken") == "Blinken" and to_traditional("회담") == "회담"


def test_names_in_either_script_share_one_alias_key():
    assert normalize_name("貝森特") == normalize_name("贝森特") == "贝森特"
    assert normalize_name("習近平主席") == normalize_name("习近平主席")
