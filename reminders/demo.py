"""A paused State, so the ISU's reminders screen shows how pauses look."""

from accounts.models import User
from core.demo import DemoContext, upsert
from states.models import State

from .models import ReminderPause


def load(ctx: DemoContext) -> None:
    isu = User.objects.filter(email="isu@demo.apmbc.org").first()
    state = State.objects.filter(iso3="TJK").first()
    if isu is None or state is None:
        return
    if ReminderPause.objects.filter(state=state).exists():
        return  # keep whatever the ISU did with it since
    upsert(
        ReminderPause,
        state=state,
        source="",
        defaults={"reason": "Report confirmed by phone; the signed copy is coming by diplomatic pouch.", "by": isu},
    )
    ctx.log("Reminders: Tajikistan paused (report confirmed by phone).")
