"""The permission matrix: every URL of every app × every role.

Each app lists its URLs in `<app>/tests/matrix.py` as `ROWS`; `tests/test_permission_matrix.py`
fails when a URL has no row, or a row has no expectation for one of the roles (`conftest.ROLES`).
A row's `kwargs(cast)` builds objects of State A (so a delegate of State B must get 404) and returns
the URL's arguments. `reader_a` is a read-only user of State A: it reads what State A's delegates
read (the helpers below say so) and any write answers 403 (another State's object: 404).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

LOGIN = "login"  # anonymous visitors are sent to the login page


@dataclass
class Row:
    name: str
    expect: dict[str, int | str]
    kwargs: Callable | None = None
    query: str = ""
    method: str = "get"
    data: dict = field(default_factory=dict)


def everyone(code: int | str, **overrides) -> dict:
    """The same answer for every role (e.g. 405 for a GET on a POST-only URL)."""
    return {
        "anon": code,
        "delegate_a": code,
        "delegate_b": code,
        "reader_a": code,
        "member": code,
        "chair": code,
        "isu": code,
        **overrides,
    }


def public(**overrides) -> dict:
    return everyone(200, **overrides)


def authenticated(**overrides) -> dict:
    return public(**({"anon": LOGIN} | overrides))


def isu_only(ok: int = 200, **overrides) -> dict:
    return everyone(403, **({"anon": LOGIN, "isu": ok} | overrides))


def committee_only(ok: int = 200, **overrides) -> dict:
    return everyone(403, **({"anon": LOGIN, "member": ok, "chair": ok, "isu": ok} | overrides))


def own_state(ok: int = 200, **overrides) -> dict:
    """State A's non-public object: its delegates, its read-only users and the committee see it; State B's get 404."""
    return everyone(ok, **({"anon": LOGIN, "delegate_b": 404} | overrides))


def own_state_write(ok: int = 200, **overrides) -> dict:
    """Written by State A's delegates (and ISU); read-only roles (State A's read-only user included) get 403,
    other States 404."""
    return {
        "anon": LOGIN,
        "delegate_a": ok,
        "delegate_b": 404,
        "reader_a": 403,
        "member": 403,
        "chair": 403,
        "isu": ok,
        **overrides,
    }


def delegate_only(ok: int = 200, **overrides) -> dict:
    """Done by a State's delegates for their own State; a read-only user of a State gets 403."""
    return everyone(403, **({"anon": LOGIN, "delegate_a": ok, "delegate_b": ok} | overrides))
