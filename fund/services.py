"""Writes for the Fund. Every step of an application goes through here, in workflow order.

Money rules: an approval reserves its amount; it may not exceed what is available (received minus
disbursed minus what earlier approvals still reserve). A disbursement may not exceed the cash held
in that currency nor what remains of the application's approval. Both checks and the write happen
in one transaction with the currency's `FundAccount` row locked, so concurrent requests queue up.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.services import Update, apply_changes
from ops.tasks import enqueue_on_commit
from states.models import Organisation, State

from .models import (
    ACTION_STATUSES,
    Action,
    Application,
    ApplicationEvent,
    BudgetLine,
    Contribution,
    Disbursement,
    FundAccount,
    Status,
    Step,
    TermsOfReference,
)
from .money import format_money
from .selectors import application_disbursed_total, fund_balance


class Decision:
    APPROVE = "approve"
    REJECT = "reject"
    REVISE = "revise"

    CHOICES = [
        (APPROVE, gettext_lazy("Approve")),
        (REJECT, gettext_lazy("Reject")),
        (REVISE, gettext_lazy("Ask for a revision")),
    ]


# What each status waits for, to explain why a step out of order is refused.
NEXT_STEP = {
    Status.DRAFT: gettext_lazy("submission by the State's delegate"),
    Status.SUBMITTED: gettext_lazy("eligibility screening by the ISU"),
    Status.SCREENED: gettext_lazy("the gender-perspective review"),
    Status.GENDER_REVIEWED: gettext_lazy("the committee's decision"),
    Status.REVISION_REQUESTED: gettext_lazy("revision and resubmission by the State's delegate"),
    Status.APPROVED: gettext_lazy("a disbursement by the ISU"),
    Status.REJECTED: gettext_lazy("none, the application was rejected"),
    Status.DISBURSED: gettext_lazy("the State's final report"),
    Status.REPORT_RECEIVED: gettext_lazy("closure by the ISU"),
    Status.CLOSED: gettext_lazy("none, the file is closed"),
}


ACTION_LABELS = {
    Action.EDIT: gettext_lazy("Edit"),
    Action.SUBMIT: gettext_lazy("Submit"),
    Action.SCREEN: gettext_lazy("Eligibility screening"),
    Action.GENDER_REVIEW: gettext_lazy("Gender-perspective review"),
    Action.DECIDE: gettext_lazy("Committee decision"),
    Action.DISBURSE: gettext_lazy("Disbursement"),
    Action.UPLOAD_REPORT: gettext_lazy("Upload the final report"),
    Action.RECEIVE_REPORT: gettext_lazy("Final report received"),
    Action.CLOSE: gettext_lazy("Close"),
}


def step_refusal(application: Application, action: str) -> str | None:
    """Why `action` cannot be done at the application's current status, or None when it can."""
    if application.status in ACTION_STATUSES[action]:
        return None
    if action == Action.DECIDE and application.status == Status.SCREENED:
        return _("The committee cannot decide before the gender-perspective review has been recorded.")
    return _("“%(step)s” is not possible now: the application is “%(status)s”. Next step: %(next)s.") % {
        "step": ACTION_LABELS[action],
        "status": application.get_status_display(),
        "next": NEXT_STEP[application.status],
    }


def _check_step(application: Application, action: str) -> None:
    refusal = step_refusal(application, action)
    if refusal:
        raise ValidationError(refusal)


def _lock_application(application: Application) -> Application:
    """Reload the application with its row locked: the status checked is the one written over."""
    return Application.objects.select_for_update().select_related("state").get(pk=application.pk)


def _lock_account(currency: str) -> FundAccount | None:
    return FundAccount.objects.select_for_update().filter(currency=currency).first()


def _record(
    application: Application, *, step: str, by, note: str = "", from_status: str | None = None
) -> ApplicationEvent:
    event = ApplicationEvent.objects.create(
        application=application,
        step=step,
        from_status=from_status if from_status is not None else application.status,
        to_status=application.status,
        by=by,
        note=note,
    )
    enqueue_on_commit("fund.tasks.send_step_email", event.pk)  # kept in the outbox if Redis is down
    return event


def _move(application: Application, *, to: str, fields: Iterable[str] = ()) -> str:
    previous = application.status
    application.status = to
    application.save(update_fields=["status", *fields])
    return previous


# --- terms of reference and contributions -------------------------------------------------------


@transaction.atomic
def terms_create(
    *, version: str, title: str, in_force_from: datetime.date, summary: str = "", file=None, by=None
) -> TermsOfReference:
    if not summary.strip() and not file:
        raise ValidationError({"summary": _("Give the text of the terms of reference, a document, or both.")})
    terms = TermsOfReference(version=version, title=title, in_force_from=in_force_from, summary=summary)
    if file:
        terms.file = file
    terms.full_clean()
    terms.save()
    return terms


@transaction.atomic
def contribution_record(
    *,
    amount: Decimal,
    currency: str,
    received_on: datetime.date,
    contributor_state: State | None = None,
    contributor_organisation: Organisation | None = None,
    earmarking: str = "",
    note: str = "",
    by=None,
) -> Contribution:
    if (contributor_state is None) == (contributor_organisation is None):
        raise ValidationError(
            {"contributor_state": _("Choose either a State or an organisation as the contributor (one of the two).")}
        )
    FundAccount.objects.get_or_create(currency=currency)
    _lock_account(currency)
    contribution = Contribution(
        contributor_state=contributor_state,
        contributor_organisation=contributor_organisation,
        amount=amount,
        currency=currency,
        received_on=received_on,
        earmarking=earmarking,
        note=note,
        recorded_by=by,
    )
    contribution.full_clean()
    contribution.save()
    return contribution


# --- drafting ------------------------------------------------------------------------------------


def check_budget(*, requested_amount: Decimal, currency: str, lines: list[tuple[str, Decimal]]) -> None:
    """The budget lines must add up exactly to the requested amount."""
    if not lines:
        raise ValidationError({"budget": _("Add at least one budget line.")})
    total = sum((amount for _description, amount in lines), Decimal("0"))
    if total != requested_amount:
        raise ValidationError(
            {
                "budget": _(
                    "The budget lines add up to %(total)s but the requested amount is %(requested)s "
                    "(difference: %(diff)s). Adjust the lines or the requested amount."
                )
                % {
                    "total": format_money(total, currency),
                    "requested": format_money(requested_amount, currency),
                    "diff": format_money(requested_amount - total, currency),
                }
            }
        )


APPLICATION_FIELDS = (
    "title",
    "purpose",
    "purpose_other",
    "activities",
    "requested_amount",
    "currency",
    "start_date",
    "end_date",
    "timeline",
    "partners",
)


def _replace_budget(application: Application, lines: list[tuple[str, Decimal]]) -> bool:
    """Replace the budget lines when they differ from the stored ones; True when they did."""
    stored = list(application.budget_lines.order_by("order", "pk").values_list("description", "amount"))
    if stored == [(description, Decimal(amount)) for description, amount in lines]:
        return False
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, description=description, amount=amount, order=i)
        for i, (description, amount) in enumerate(lines)
    )
    return True


def _next_reference(state: State, year: int) -> str:
    prefix = f"CAF-{year}-{state.iso3}-"
    count = Application.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1}"


@transaction.atomic
def application_create(*, state: State, by, budget_lines: list[tuple[str, Decimal]], **fields) -> Application:
    """A delegate's draft; the budget lines must already add up to the requested amount."""
    check_budget(requested_amount=fields["requested_amount"], currency=fields["currency"], lines=budget_lines)
    State.objects.select_for_update().filter(pk=state.pk).first()  # one reference number at a time
    application = Application(
        state=state, created_by=by, reference=_next_reference(state, timezone.localdate().year), **fields
    )
    application.full_clean()
    application.save()
    _replace_budget(application, budget_lines)
    ApplicationEvent.objects.create(
        application=application, step=Step.CREATED, from_status="", to_status=Status.DRAFT, by=by
    )
    return application


@transaction.atomic
def application_update(
    *, application: Application, by, budget_lines: list[tuple[str, Decimal]], **fields
) -> Update[Application]:
    """Change a draft (or an application sent back for revision) and its budget; only what differs is written."""
    application = _lock_application(application)
    _check_step(application, Action.EDIT)
    check_budget(requested_amount=fields["requested_amount"], currency=fields["currency"], lines=budget_lines)
    unknown = set(fields) - set(APPLICATION_FIELDS)
    if unknown:
        raise TypeError(sorted(unknown))
    changed = apply_changes(application, fields, stored=application)  # the row just locked is the stored one
    application.full_clean()
    if changed:
        application.save(update_fields=changed)
    if _replace_budget(application, budget_lines):
        changed.append("budget_lines")
    return Update(application, tuple(changed))


# --- workflow ------------------------------------------------------------------------------------


@transaction.atomic
def application_submit(*, application: Application, by) -> Application:
    """Submit (or resubmit after a revision) under the terms of reference in force today."""
    application = _lock_application(application)
    _check_step(application, Action.SUBMIT)
    lines = list(application.budget_lines.values_list("description", "amount"))
    check_budget(requested_amount=application.requested_amount, currency=application.currency, lines=lines)
    now = timezone.now()
    terms = TermsOfReference.objects.in_force_on(timezone.localdate(now))
    if terms is None:
        raise ValidationError(_("No terms of reference are in force yet; the ISU must record them first."))
    application.terms = terms
    application.submitted_at = now
    # A resubmission is assessed afresh: earlier screening and review stay in the timeline only.
    application.eligibility_note = ""
    application.gender_assessment = ""
    previous = _move(
        application,
        to=Status.SUBMITTED,
        fields=["terms", "submitted_at", "eligibility_note", "gender_assessment"],
    )
    _record(
        application,
        step=Step.SUBMITTED,
        by=by,
        from_status=previous,
        note=_("Assessed against the terms of reference version %(version)s.") % {"version": terms.version},
    )
    return application


@transaction.atomic
def application_screen(*, application: Application, by, eligible: bool, note: str) -> Application:
    """Eligibility against the terms of reference; a non-eligible application is rejected."""
    application = _lock_application(application)
    _check_step(application, Action.SCREEN)
    if not note.strip():
        raise ValidationError({"note": _("Say how the application meets (or does not meet) the terms of reference.")})
    application.eligibility_note = note
    previous = _move(application, to=Status.SCREENED if eligible else Status.REJECTED, fields=["eligibility_note"])
    if not eligible:
        application.decided_at = timezone.now()
        application.decision_reasons = note
        application.save(update_fields=["decided_at", "decision_reasons"])
    _record(
        application,
        step=Step.SCREENED_ELIGIBLE if eligible else Step.SCREENED_INELIGIBLE,
        by=by,
        from_status=previous,
        note=note,
    )
    return application


@transaction.atomic
def application_gender_review(*, application: Application, by, assessment: str) -> Application:
    """The committee's gender-perspective review: a required assessment, before any decision."""
    application = _lock_application(application)
    _check_step(application, Action.GENDER_REVIEW)
    if not assessment.strip():
        raise ValidationError(
            {
                "assessment": _(
                    "Write the assessment: how the activities consider gender and the diverse needs of "
                    "affected communities."
                )
            }
        )
    application.gender_assessment = assessment
    previous = _move(application, to=Status.GENDER_REVIEWED, fields=["gender_assessment"])
    _record(application, step=Step.GENDER_REVIEWED, by=by, from_status=previous, note=assessment)
    return application


@transaction.atomic
def application_decide(
    *,
    application: Application,
    by,
    decision: str,
    reasons: str,
    approved_amount: Decimal | None = None,
    final_report_due: datetime.date | None = None,
) -> Application:
    """The committee's decision. Approving reserves the amount, which must be available."""
    if decision not in (Decision.APPROVE, Decision.REJECT, Decision.REVISE):
        raise ValidationError({"decision": _("Choose approve, reject or ask for a revision.")})
    current = Application.objects.get(pk=application.pk)
    _check_step(current, Action.DECIDE)
    if not reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons for the decision; the State will read them.")})
    if decision == Decision.APPROVE:
        # Lock order everywhere money moves: the currency's account first, then the application.
        _lock_account(current.currency)
    application = _lock_application(application)
    _check_step(application, Action.DECIDE)
    application.decision_reasons = reasons
    application.decided_at = timezone.now()
    fields = ["decision_reasons", "decided_at"]
    if decision == Decision.APPROVE:
        amount = application.requested_amount if approved_amount is None else approved_amount
        if amount <= 0:
            raise ValidationError({"approved_amount": _("The approved amount must be more than zero.")})
        if amount > application.requested_amount:
            raise ValidationError(
                {
                    "approved_amount": _("The approved amount cannot exceed the %(requested)s requested.")
                    % {"requested": format_money(application.requested_amount, application.currency)}
                }
            )
        available = fund_balance(currency=application.currency).available
        if amount > available:
            raise ValidationError(
                {
                    "approved_amount": _(
                        "Only %(available)s is available in %(currency)s (received, minus disbursed, minus "
                        "other approvals not yet paid); %(amount)s cannot be approved."
                    )
                    % {
                        "available": format_money(available, application.currency),
                        "currency": application.currency,
                        "amount": format_money(amount, application.currency),
                    }
                }
            )
        application.approved_amount = amount
        application.final_report_due = final_report_due or application.default_final_report_due()
        fields += ["approved_amount", "final_report_due"]
        to, step = Status.APPROVED, Step.APPROVED
        note = _("Approved %(amount)s; final report due %(due)s. %(reasons)s") % {
            "amount": format_money(amount, application.currency),
            "due": application.final_report_due.isoformat(),
            "reasons": reasons,
        }
    elif decision == Decision.REJECT:
        to, step, note = Status.REJECTED, Step.REJECTED, reasons
    else:
        to, step, note = Status.REVISION_REQUESTED, Step.REVISION_REQUESTED, reasons
    previous = _move(application, to=to, fields=fields)
    _record(application, step=step, by=by, from_status=previous, note=note)
    return application


@transaction.atomic
def disbursement_record(
    *, application: Application, by, amount: Decimal, paid_on: datetime.date, reference: str = ""
) -> Disbursement:
    """Pay part or all of an approved amount; never more than the cash held or the approval left."""
    currency = Application.objects.values_list("currency", flat=True).get(pk=application.pk)
    account = _lock_account(currency)
    application = _lock_application(application)
    _check_step(application, Action.DISBURSE)
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    already = application_disbursed_total(application=application)
    remaining = application.approved_amount - already
    if amount > remaining:
        raise ValidationError(
            {
                "amount": _(
                    "Only %(remaining)s of the %(approved)s approved remains to be disbursed for this application."
                )
                % {
                    "remaining": format_money(remaining, currency),
                    "approved": format_money(application.approved_amount, currency),
                }
            }
        )
    balance = fund_balance(currency=currency).balance if account else Decimal("0")
    if amount > balance:
        raise ValidationError(
            {
                "amount": _("The Fund holds only %(balance)s; a disbursement of %(amount)s is refused.")
                % {"balance": format_money(balance, currency), "amount": format_money(amount, currency)}
            }
        )
    disbursement = Disbursement.objects.create(
        application=application, amount=amount, currency=currency, paid_on=paid_on, reference=reference, recorded_by=by
    )
    # A last tranche may be paid after the final report; the status then stays "report received".
    previous = _move(application, to=Status.DISBURSED if application.status == Status.APPROVED else application.status)
    note = _("%(amount)s paid on %(date)s.") % {"amount": format_money(amount, currency), "date": paid_on.isoformat()}
    if reference:
        note += " " + _("Reference: %(reference)s.") % {"reference": reference}
    _record(application, step=Step.DISBURSED, by=by, from_status=previous, note=note)
    return disbursement


@transaction.atomic
def application_final_report_upload(*, application: Application, by, file) -> Application:
    """The State's final report on an approved application; it stops the deadline reminders."""
    application = _lock_application(application)
    _check_step(application, Action.UPLOAD_REPORT)
    for validator in Application._meta.get_field("final_report").validators:
        validator(file)
    application.final_report = file
    application.final_report_uploaded_at = timezone.now()
    application.save(update_fields=["final_report", "final_report_uploaded_at"])
    ApplicationEvent.objects.create(
        application=application,
        step=Step.FINAL_REPORT_UPLOADED,
        from_status=application.status,
        to_status=application.status,
        by=by,
    )
    return application


@transaction.atomic
def application_final_report_receive(*, application: Application, by, note: str = "", file=None) -> Application:
    """The ISU accepts the final report (uploaded by the State, or received otherwise and attached)."""
    if file:
        application_final_report_upload(application=application, by=by, file=file)
    application = _lock_application(application)
    _check_step(application, Action.RECEIVE_REPORT)
    if not application.final_report:
        raise ValidationError({"file": _("Attach the final report: the State has not uploaded it.")})
    previous = _move(application, to=Status.REPORT_RECEIVED)
    _record(application, step=Step.FINAL_REPORT_RECEIVED, by=by, from_status=previous, note=note)
    return application


@transaction.atomic
def application_close(*, application: Application, by, note: str = "") -> Application:
    """Close the file; any approved amount not disbursed is released back to the Fund."""
    application = _lock_application(application)
    _check_step(application, Action.CLOSE)
    previous = _move(application, to=Status.CLOSED)
    released = application.approved_amount - application_disbursed_total(application=application)
    if released > 0:
        extra = _("%(amount)s not disbursed is released back to the Fund.") % {
            "amount": format_money(released, application.currency)
        }
        note = f"{note} {extra}".strip()
    _record(application, step=Step.CLOSED, by=by, from_status=previous, note=note)
    return application
