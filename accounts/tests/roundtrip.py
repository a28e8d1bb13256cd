"""Write round trips of the people forms (see tests/roundtrip.py)."""

from accounts.models import User
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
            "preferred_language": "fr",
        },
        kind=CREATE,
        created=lambda cast, ctx: User.objects.get(email="new.delegate@example.org"),
        no_history=NO_HISTORY,
    ),
]
