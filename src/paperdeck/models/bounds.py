"""The dates paperdeck accepts: 1970 to 2100, at every entry point (arguments, forms, imports,
rows read back). A date outside this range is a typo or a broken file, and near the ends of
Python's calendar (year 1, year 9999) shifting a zone or adding a day overflows.

Pure checks on plain values; the message is one line, fit to show a user.
"""

from __future__ import annotations

from datetime import date, datetime

YEAR_MIN, YEAR_MAX = 1970, 2100


class OutOfBounds(ValueError):
    """A year, date or instant outside YEAR_MIN..YEAR_MAX."""


def year_in_bounds(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX


def check_year(year: int, what: str = "year") -> int:
    if not year_in_bounds(year):
        raise OutOfBounds(f"{what} {year} is out of range ({YEAR_MIN}-{YEAR_MAX})")
    return year


def check_day(day: date | datetime, what: str = "date") -> date | datetime:
    """A date or a datetime (its own wall date, and its UTC date when it has a zone) in range."""
    if YEAR_MIN < day.year < YEAR_MAX:
        return day  # a zone's offset is under a day: its UTC date is within a year of the wall date
    years = {day.year}
    if isinstance(day, datetime) and day.tzinfo is not None:
        offset = day.utcoffset()
        if offset is not None:
            # Shifting to UTC near year 1 or 9999 overflows: check the year arithmetically.
            years.add((day.replace(tzinfo=None) - offset).year if YEAR_MIN <= day.year <= YEAR_MAX else day.year)
    for year in years:
        if not year_in_bounds(year):
            shown = day.isoformat(sep=" ") if isinstance(day, datetime) else day.isoformat()
            raise OutOfBounds(f"{what} {shown} is out of range ({YEAR_MIN}-{YEAR_MAX})")
    return day
