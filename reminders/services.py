"""Writes: the daily reminder pass, delivering one reminder, pauses, the weekly digest.

Exactly once: a pass INSERTs a `SentReminder` row per (source, cycle, State, kind, recipient,
deadline) before anything is sent; the unique constraint makes a second pass, or a concurrent one,
skip it. Sending happens in a separate task enqueued after the claim commits. The task locks the
row, re-checks that the reminder is still wanted (not submitted, not paused) and marks it sent in
the same transaction. A claim never sent (its worker died, or the broker was down so that its
task was never published) is re-enqueued by `reminder_claims_reap`, every few minutes from beat
and at each pass, once it is older than REMINDER_STALE_AFTER_MINUTES; the lock and the status
check make the re-send happen once.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from states.models import State

from . import emails, registry, selectors
from .models import FINAL_STATUSES, OPEN_STATUSES, ReminderPause, SentDigest, SentReminder, Status
from .policy import geneva_today
from .registry import Obligation

log = logging.getLogger(__name__)

# The tasks this module enqueues, by their registered names (reminders/tasks.py imports this module).
SEND_REMINDER = "reminders.tasks.send_reminder"
SEND_DIGEST = "reminders.tasks.send_digest"

# Errors worth retrying (SMTP errors are OSErrors too: refused connection, timeout, 4xx replies).
RETRYABLE = (OSError,)


def stale_after() -> datetime.timedelta:
    """A claim not sent after this long is assumed lost (worker died, broker down) and re-enqueued.

    Longer than a send task's longest retry countdown plus its time limit (reminders/tasks.py), so
    that a reminder waiting for its next retry is not re-enqueued.
    """
    return datetime.timedelta(minutes=getattr(settings, "REMINDER_STALE_AFTER_MINUTES", 10))


@dataclass
class PassResult:
    today: datetime.date
    planned: list[selectors.PlannedReminder] = field(default_factory=list)
    claimed: list[SentReminder] = field(default_factory=list)
    requeued: list[int] = field(default_factory=list)
    # claimed (or re-queued) but not published, the broker being down: the reaper sends them later
    deferred: list[int] = field(default_factory=list)
    no_contact: list[selectors.ObligationRow] = field(default_factory=list)


def _enqueue(task: str, pk: int, *, deferred: list[int] | None = None, on_failure=None) -> None:
    """Publish the task named `task` with `pk` after commit, without waiting on a broker that is down
    (ops.tasks.publish). By name: this module never imports reminders.tasks, which imports it.

    When it cannot be published the row stays claimed: `pk` is added to `deferred` and the reaper
    sends it once the claim is stale.
    """
    from ops.tasks import publish

    def enqueue() -> None:
        if publish(task, pk):
            return
        if on_failure is not None:
            on_failure()
        if deferred is not None:
            deferred.append(pk)

    transaction.on_commit(enqueue, robust=True)


def _claim(item: selectors.PlannedReminder, deferred: list[int]) -> SentReminder | None:
    ob = item.obligation
    try:
        with transaction.atomic():
            record = SentReminder.objects.create(
                source=ob.source,
                cycle=ob.cycle,
                state=item.state,
                kind=item.due.kind,
                recipient=item.recipient,
                email=item.recipient.email,
                deadline=ob.deadline,
                due_on=item.due.on,
                title=str(ob.title)[:300],
                path=ob.path,
                object_id=ob.object_id,
            )
            _enqueue(SEND_REMINDER, record.pk, deferred=deferred)
    except IntegrityError:
        return None  # another pass claimed it first
    return record


@dataclass
class ReapResult:
    requeued: list[int] = field(default_factory=list)
    digests: list[int] = field(default_factory=list)
    # re-queued but not published, the broker being down: stale again, for the next reaper
    deferred: list[int] = field(default_factory=list)
    deferred_digests: list[int] = field(default_factory=list)


def _reap(model, task: str, now: datetime.datetime, requeued: list[int], deferred: list[int]) -> None:
    stale = model.objects.filter(status__in=OPEN_STATUSES, updated_at__lt=now - stale_after())
    for pk, updated_at in stale.values_list("pk", "updated_at"):
        # Only the reaper whose update wins re-enqueues it.
        if not model.objects.filter(pk=pk, updated_at=updated_at).update(updated_at=now):
            continue
        requeued.append(pk)

        def put_back(pk=pk, updated_at=updated_at) -> None:
            model.objects.filter(pk=pk, updated_at=now).update(updated_at=updated_at)

        _enqueue(task, pk, deferred=deferred, on_failure=put_back)


def reminder_claims_reap(*, now: datetime.datetime | None = None, deferred: list[int] | None = None) -> ReapResult:
    """Re-enqueue the reminders and digests claimed but still not sent after `stale_after()`.

    Each is re-enqueued by one reaper only (an `update()` on its `updated_at` decides). One that
    cannot be published (broker down) keeps its old `updated_at`, so the next reaper retries it.
    """
    now = now or timezone.now()
    result = ReapResult(deferred=deferred if deferred is not None else [])
    _reap(SentReminder, SEND_REMINDER, now, result.requeued, result.deferred)
    _reap(SentDigest, SEND_DIGEST, now, result.digests, result.deferred_digests)
    if result.requeued or result.digests:
        log.warning("Reminders: re-queued %s reminders, %s digests", len(result.requeued), len(result.digests))
    return result


def reminder_pass(*, today: datetime.date | None = None, dry_run: bool = False, sources=None) -> PassResult:
    """Claim and enqueue every reminder due on `today` (Geneva), at most once each.

    Only the most recent reminder due per obligation is considered (catch-up after downtime);
    paused States are skipped; States with no recipient are returned as `no_contact`.
    """
    today = today or geneva_today()
    planned, no_contact = selectors.reminders_due(today=today, sources=sources)
    result = PassResult(today=today, planned=planned, no_contact=no_contact)
    if dry_run:
        return result
    for item in planned:
        record = _claim(item, result.deferred)
        if record is not None:
            result.claimed.append(record)
    result.requeued = reminder_claims_reap(deferred=result.deferred).requeued
    if result.deferred:
        log.warning("Reminders: %s not queued, the broker is down; they will be sent later", len(result.deferred))
    if no_contact:
        log.warning("Reminders: no contact for %s", ", ".join(sorted(r.state.iso3 for r in no_contact)))
    return result


def _obligation(record: SentReminder) -> Obligation:
    return Obligation(
        source=record.source,
        cycle=record.cycle,
        state_id=record.state_id,
        deadline=record.deadline,
        title=record.title,
        path=record.path,
        object_id=record.object_id,
    )


def _cancel_reason(record: SentReminder, source, obligation: Obligation) -> str:
    if source is None:
        return _("This kind of deadline no longer exists.")
    if ReminderPause.objects.active().for_source(record.source).filter(state_id=record.state_id).exists():
        return _("Reminders are paused for this State.")
    if not record.recipient.is_active:
        return _("The recipient's account is deactivated.")
    if source.is_fulfilled(obligation):
        return _("Already submitted.")
    if registry.current_deadline(source, obligation) != record.deadline:
        # An extension granted since the reminder was planned: the next pass reminds of the new deadline.
        return _("The deadline has moved since this reminder was planned.")
    return ""


def sent_reminder_deliver(*, sent_reminder_id: int, final_attempt: bool = True) -> SentReminder | None:
    """Send one claimed reminder unless it is sent already or no longer wanted.

    On a retryable error the row is marked `retrying` (or `failed` on the final attempt) and
    the error re-raised, so that the task retries with backoff; the final failure is not raised.
    """
    error = None
    with transaction.atomic():
        record = (
            SentReminder.objects.select_for_update(of=("self",))
            .select_related("state", "recipient")
            .filter(pk=sent_reminder_id)
            .first()
        )
        if record is None or record.status in FINAL_STATUSES:
            return record
        source = registry.get_source(record.source)
        obligation = _obligation(record)
        reason = _cancel_reason(record, source, obligation)
        if reason:
            record.status, record.last_error = Status.CANCELLED, reason
            record.save(update_fields=["status", "last_error", "updated_at"])
            return record
        record.attempts += 1
        try:
            language = record.recipient.preferred_language
            emails.send_deadline_reminder(
                recipient=record.recipient,
                state=record.state,
                title=registry.describe(source, obligation, language),
                explanation=registry.explain(source, obligation, language),
                deadline=record.deadline,
                path=record.path,
                kind=record.kind,
            )
        except RETRYABLE as exc:
            error = exc
            record.status = Status.FAILED if final_attempt else Status.RETRYING
            record.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            record.save(update_fields=["status", "attempts", "last_error", "updated_at"])
        else:
            record.status, record.sent_at, record.last_error = Status.SENT, timezone.now(), ""
            record.save(update_fields=["status", "attempts", "sent_at", "last_error", "updated_at"])
    if error is not None:
        if not final_attempt:
            raise error
        log.error("Reminder %s failed after %s attempts: %s", record.pk, record.attempts, record.last_error)
    return record


@transaction.atomic
def sent_reminder_retry(*, record: SentReminder, by: User) -> SentReminder:
    """Send a failed reminder again (ISU action)."""
    record = SentReminder.objects.select_for_update().get(pk=record.pk)
    if record.status != Status.FAILED:
        raise ValidationError(_("Only a failed reminder can be sent again."))
    record.status, record.last_error = Status.CLAIMED, ""
    record.save(update_fields=["status", "last_error", "updated_at"])
    _enqueue(SEND_REMINDER, record.pk)  # broker down: stays claimed, the reaper sends it later
    log.info("Reminder %s re-queued by %s", record.pk, by.pk)
    return record


def reminder_pause(*, state: State, source: str = "", reason: str, by: User) -> ReminderPause:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why reminders are paused (e.g. report confirmed by phone).")})
    try:
        with transaction.atomic():
            return ReminderPause.objects.create(state=state, source=source, reason=reason, by=by)
    except IntegrityError:
        raise ValidationError({"source": _("Reminders are already paused for this State.")}) from None


@transaction.atomic
def reminder_resume(*, pause: ReminderPause, by: User) -> ReminderPause:
    pause = ReminderPause.objects.select_for_update().get(pk=pause.pk)
    if pause.resumed_at is None:
        pause.resumed_at, pause.resumed_by = timezone.now(), by
        pause.save(update_fields=["resumed_at", "resumed_by"])
    return pause


def digest_recipients():
    return User.objects.filter(is_active=True, role__in=[Role.CHAIR, Role.ISU]).order_by("email")


def week_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def weekly_digest_send(*, today: datetime.date | None = None) -> list[SentDigest]:
    """Claim this week's digest for every chair and ISU member and enqueue it (once per week each)."""
    today = today or geneva_today()
    claimed = []
    for user in digest_recipients():
        try:
            with transaction.atomic():
                record = SentDigest.objects.create(week=week_of(today), recipient=user, email=user.email)
                _enqueue(SEND_DIGEST, record.pk)
        except IntegrityError:
            continue
        claimed.append(record)
    return claimed


def digest_deliver(*, sent_digest_id: int, final_attempt: bool = True) -> SentDigest | None:
    error = None
    with transaction.atomic():
        record = (
            SentDigest.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=sent_digest_id)
            .first()
        )
        if record is None or record.status in FINAL_STATUSES:
            return record
        if not record.recipient.is_active:
            record.status = Status.CANCELLED
            record.save(update_fields=["status", "updated_at"])
            return record
        record.attempts += 1
        today = geneva_today()
        content = selectors.digest(today=today, language=record.recipient.preferred_language)
        try:
            emails.send_weekly_digest(recipient=record.recipient, digest=content, week=record.week)
        except RETRYABLE as exc:
            error = exc
            record.status = Status.FAILED if final_attempt else Status.RETRYING
            record.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            record.save(update_fields=["status", "attempts", "last_error", "updated_at"])
        else:
            record.status, record.sent_at, record.last_error = Status.SENT, timezone.now(), ""
            record.save(update_fields=["status", "attempts", "sent_at", "last_error", "updated_at"])
    if error is not None and not final_attempt:
        raise error
    return record
