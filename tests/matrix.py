"""The permission matrix: every URL of every app × every role.

Each app lists its URLs in `<app>/tests/matrix.py` as `ROWS`; `tests/test_permission_matrix.py`
fails when a URL has no row. A row's `kwargs(cast)` builds objects of State A (so a delegate of
State B must get 404) and returns the URL's arguments.
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


def public(**overrides) -> dict:
    return {"anon": 200, "delegate_a": 200, "delegate_b": 200, "member": 200, "chair": 200, "isu": 200, **overrides}


def authenticated(**overrides) -> dict:
    return public(anon=LOGIN, **overrides)


def isu_only(ok: int = 200, **overrides) -> dict:
    return {"anon": LOGIN, "delegate_a": 403, "delegate_b": 403, "member": 403, "chair": 403, "isu": ok, **overrides}


def committee_only(ok: int = 200, **overrides) -> dict:
    return {"anon": LOGIN, "delegate_a": 403, "delegate_b": 403, "member": ok, "chair": ok, "isu": ok, **overrides}


def own_state(ok: int = 200, **overrides) -> dict:
    """State A's non-public object: its delegates and the committee see it; State B's get 404."""
    return {"anon": LOGIN, "delegate_a": ok, "delegate_b": 404, "member": ok, "chair": ok, "isu": ok, **overrides}


def own_state_write(ok: int = 200, **overrides) -> dict:
    """Written by State A's delegates (and ISU); read-only roles get 403, other States 404."""
    return {"anon": LOGIN, "delegate_a": ok, "delegate_b": 404, "member": 403, "chair": 403, "isu": ok, **overrides}


def delegate_only(ok: int = 200, **overrides) -> dict:
    return {"anon": LOGIN, "delegate_a": ok, "delegate_b": ok, "member": 403, "chair": 403, "isu": 403, **overrides}
