"""`<year:year>` in every URL that takes a year: four digits within the years the application covers.

A year outside 1999 (the Convention's entry into force) .. 2100 answers 404 before any view runs,
so no view can create or look up data for a year such as 9998 or 99999.
"""

MIN_YEAR, MAX_YEAR = 1999, 2100


def is_valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


class YearConverter:
    regex = r"\d{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not is_valid_year(year):
            raise ValueError(f"year {year} outside {MIN_YEAR}..{MAX_YEAR}")  # Django answers 404
        return year

    def to_url(self, value: int) -> str:
        return str(value)


def year_from_query(value: str | None) -> int | None:
    """A `?year=` value as a year within range, or None (the caller's default) for anything else."""
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return year if is_valid_year(year) else None
