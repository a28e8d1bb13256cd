"""Write round trips of the reminders forms (see tests/roundtrip.py)."""

from reminders import registry
from reminders.models import ReminderPause
from tests.roundtrip import CREATE, Write

ROWS = [
    # A second pause of the same reminders is refused ("already paused"), so the row posts once.
    Write(
        "reminders:pause",
        "isu",
        lambda cast: {"kwargs": {"iso3": cast.state_a.iso3}},
        lambda cast, ctx: {"source": registry.sources()[0].kind, "reason": "Report confirmed by phone"},
        kind=CREATE,
        pages=("reminders:state",),
        created=lambda cast, ctx: ReminderPause.objects.latest("pk"),
    ),
]

# A form that only filters the list of sent reminders (GET): it writes nothing.
NOT_WRITES = {"reminders:sent": "filters the sent reminders (State, status, deadlines)"}
