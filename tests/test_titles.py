"""A person's title on a day, from the dated roles on record."""

import datetime as dt

from etl.resolve.titles import RoleBook

ROWS = [
    (1, "Vice Minister", dt.date(2010, 1, 1), dt.date(2014, 6, 30)),
    (1, "Minister", dt.date(2014, 7, 1), None),
    (1, "Party Secretary", None, dt.date(2016, 12, 31)),
    (2, "Ambassador", dt.date(2019, 3, 1), dt.date(2021, 2, 28)),
    (2, "Ambassador", dt.date(2022, 5, 1), None),
]


def test_every_role_active_that_day_in_recorded_order():
    book = RoleBook.of(ROWS)
    assert book.title_on(1, dt.date(2015, 2, 3)) == "Minister; Party Secretary"
    assert book.title_on(1, dt.date(2012, 2, 3)) == "Vice Minister; Party Secretary"
    assert book.title_on(1, dt.date(2020, 2, 3)) == "Minister"


def test_role_bounds_are_inclusive():
    book = RoleBook.of(ROWS)
    assert book.title_on(1, dt.date(2014, 6, 30)) == "Vice Minister; Party Secretary"
    assert book.title_on(1, dt.date(2014, 7, 1)) == "Minister; Party Secretary"


def test_a_title_held_twice_is_named_once_and_a_gap_has_none():
    book = RoleBook.of(ROWS)
    assert book.title_on(2, dt.date(2023, 1, 1)) == "Ambassador"
    assert book.title_on(2, dt.date(2021, 9, 1)) is None


def test_a_person_without_roles_has_no_title():
    assert RoleBook.of(ROWS).title_on(99, dt.date(2020, 1, 1)) is None
    assert RoleBook().title_on(1, dt.date(2020, 1, 1)) is None
