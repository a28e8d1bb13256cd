"""A deadline source held in memory, to test the engine without any app's models."""

import datetime
import smtplib

from django.core.mail.backends.locmem import EmailBackend

from reminders.registry import BaseDeadlineSource, CycleProgress, Obligation


class FakeSource(BaseDeadlineSource):
    kind = "fake"
    label = "Fake deadlines"

    def __init__(self):
        self.open: dict[int, Obligation] = {}
        self.fulfilled: set[int] = set()

    def owe(self, state, deadline: datetime.date, cycle: str = "2024") -> Obligation:
        ob = Obligation(
            source=self.kind,
            cycle=cycle,
            state_id=state.pk,
            deadline=deadline,
            title=f"Fake report {cycle}",
            path=f"/fake/{state.iso3}/",
        )
        self.open[state.pk] = ob
        return ob

    def submit(self, state) -> None:
        self.fulfilled.add(state.pk)

    def obligations(self, *, today):
        return [o for o in self.open.values() if o.state_id not in self.fulfilled]

    def is_fulfilled(self, obligation) -> bool:
        return obligation.state_id in self.fulfilled

    def progress(self, *, today):
        return [CycleProgress(self.kind, "2024", "Fake report 2024", len(self.open), len(self.fulfilled))]


class FailingFor:
    """E-mail backend that refuses mail to the addresses in `FAIL` (like an SMTP server would)."""

    FAIL: set[str] = set()
    calls: list[str] = []


class FlakyBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            FailingFor.calls.append(message.to[0])
            if set(message.to) & FailingFor.FAIL:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (450, b"mailbox busy")})
        return super().send_messages(messages)
