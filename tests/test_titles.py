"""The roles a person held on a day, from the dated roles on record, by id."""

import datetime as dt

from etl.resolve.titles import RoleBook

ROWS = [  # (role id, person id, role key, title, from, to)
    (10, 1, "Vice Minister|2010-01-01", "Vice Minister", dt.date(2010, 1, 1), dt.date(2014, 6, 30)),
    (11, 1, "Minister|2014-07-01", "Minister", dt.date(2014, 7, 1), None),
    (12, 1, "Party Secretary|?", "Party Secretary", None, dt.date(2016, 12, 31)),
    (20, 2, "Ambassador|2019-03-01", "Ambassador", dt.date(2019, 3, 1), dt.date(2021, 2, 28)),
    (21, 2, "Ambassador|2022-05-01", "Ambassador", dt.date(2022, 5, 1), None),
]  # fmt: skip


def test_every_role_active_that_day_in_recorded_order():
    book = RoleBook.of(ROWS)
    assert book.held_on(1, dt.date(2015, 2, 3)) == [11, 12]
    assert book.held_on(1, dt.date(2012, 2, 3)) == [10, 12]
    assert book.held_on(1, dt.date(2020, 2, 3)) == [11]


def test_role_bounds_are_inclusive():
    book = RoleBook.of(ROWS)
    assert book.held_on(1, dt.date(2014, 6, 30)) == [10, 12]
    assert book.held_on(1, dt.date(2014, 7, 1)) == [11, 12]


def test_a_title_held_twice_is_two_roles_and_a_gap_has_none():
    book = RoleBook.of(ROWS)
    assert book.held_on(2, dt.date(2023, 1, 1)) == [21]
    assert book.held_on(2, dt.date(2021, 9, 1)) == []


def test_a_person_without_roles_holds_none():
    assert RoleBook.of(ROWS).held_on(99, dt.date(2020, 1, 1)) == []
    assert RoleBook().held_on(1, dt.date(2020, 1, 1)) == []


def test_a_role_is_found_by_its_natural_key():
    book = RoleBook.of(ROWS)
    assert book.id_of(2, "Ambassador|2022-05-01") == 21
    assert book.id_of(2, "Ambassador|2030-01-01") is None
    assert book.id_of(1, "Ambassador|2022-05-01") is None
