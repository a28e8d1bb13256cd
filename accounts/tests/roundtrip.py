"""Write round trips of the people forms (see tests/roundtrip.py)."""

from accounts.models import ApiToken, User
from tests.roundtrip import CREATE, Write

NO_HISTORY = "the user model keeps no history; the security audit log records sign-ins and refusals only"

ROWS = [
    Write(
        "accounts:profile",
        "delegate_a",
        lambda cast: {"obj": cast.delegate_a},
        lambda cast, ctx: {
            "first_name": "Amina",
            "last_name": "Diallo",
            "title": "Head of the mine action centre",
            "phone": "+41 22 000 00 00",
            "preferred_language": "es",
        },
        no_history=NO_HISTORY,
    ),
    Write(
        "accounts:invite",
        "isu",
        lambda cast: {},
        lambda cast, ctx: {
            "email": "new.delegate@example.org",
            "first_name": "Jean",
            "last_name": "Dupont",
            "state": cast.state_a.pk,
            "role": "reader",  # a read-only user of the State (the default is a delegate)
            "preferred_language": "fr",
        },
        kind=CREATE,
        created=lambda cast, ctx: User.objects.get(email="new.delegate@example.org"),
        no_history=NO_HISTORY,
    ),
    Write(
        "accounts:api_token_create",
        "delegate_a",
        lambda cast: {},
        lambda cast, ctx: {"name": "Nightly export", "days": "30"},
        kind=CREATE,
        created=lambda cast, ctx: ApiToken.objects.get(user=cast.delegate_a, name="Nightly export"),
        stored=lambda token: {"days": round((token.expires_at - token.created_at).total_seconds() / 86400)},
        no_history="a token is never edited: its creation, use and revocation are in the security audit log",
    ),
]

# Forms that only filter or choose what a page shows (GET): they write nothing.
NOT_WRITES = {
    "accounts:api_tokens": "filters the ISU's list of tokens (active or all)",
}
