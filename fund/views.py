from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.roles import delegate_state_id, is_committee, own_state_id
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.services import Update
from core.templatetags.numbers import number
from core.uploads import serve_file

from . import forms, permissions, selectors, services
from .models import Action, Status

# --- overview, contributions, terms of reference ------------------------------------------------


@login_required
def overview(request):
    permissions.require_fund_overview(request.user)
    return render(
        request,
        "fund/overview.html",
        {
            "balances": selectors.fund_balances(),
            "by_status": selectors.applications_by_status(),
            "contributions": selectors.contribution_list(),
            "recent": selectors.application_list(queryset=permissions.applications_for_user(request.user))[:10],
        },
    )


@login_required
def contribution_add(request):
    permissions.require_fund_books(request.user)
    form = forms.ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contribution = services.contribution_record(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Contribution of %(amount)s %(currency)s from %(who)s recorded.")
                % {
                    "amount": number(contribution.amount, 2),
                    "currency": contribution.currency,
                    "who": contribution.contributor,
                },
            )
            return redirect("fund:overview")
    return render(request, "fund/form.html", {"form": form, "title": _("Record a contribution")})


def terms_list(request):
    return render(request, "fund/terms_list.html", {"versions": selectors.terms_list()})


@login_required
def terms_add(request):
    permissions.require_fund_books(request.user)
    form = forms.TermsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            terms = services.terms_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Terms of reference version %(v)s recorded.") % {"v": terms.version})
            return redirect("fund:terms_list")
    return render(request, "fund/form.html", {"form": form, "title": _("Record a version of the terms of reference")})


def terms_file(request, pk: int):
    terms = permissions.get_terms_for_user(request.user, pk)
    if not terms.file:
        raise Http404
    return serve_file(terms.file, download_name=f"terms-of-reference-{slugify(terms.version)}")


# --- applications --------------------------------------------------------------------------------


@login_required
def application_list(request):
    qs = permissions.applications_for_user(request.user)
    if not is_committee(request.user) and own_state_id(request.user) is None:
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status in Status.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "fund/application_list.html",
        {
            "applications": selectors.application_list(queryset=qs).order_by("-created_at", "-pk"),
            "statuses": Status.choices,
            "status": status,
            "can_apply": delegate_state_id(request.user) is not None,
        },
    )


def _budget_formset(request, application=None):
    initial = None
    if application is not None:
        initial = [{"description": b.description, "amount": b.amount} for b in application.budget_lines.all()]
    return forms.BudgetFormSet(request.POST or None, initial=initial, prefix="budget")


def _save_application(request, form, formset, *, application=None) -> Update | None:
    """Validate the form and budget together; return what was saved, or None when the input is refused."""
    if not (form.is_valid() & formset.is_valid()):
        return None
    try:
        if application is None:
            created = services.application_create(
                state=request.user.state, by=request.user, budget_lines=formset.lines(), **form.service_fields()
            )
            return Update(created, ("created",))
        return services.application_update(
            application=application, by=request.user, budget_lines=formset.lines(), **form.service_fields()
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "budget" in exc.error_dict:
            errors = exc.message_dict
            formset.add_budget_error(" ".join(errors.pop("budget")))
            if errors:
                add_service_errors(form, ValidationError(errors))
        else:
            add_service_errors(form, exc)
        return None


@login_required
def application_add(request):
    permissions.require_can_apply(request.user)
    form = forms.ApplicationForm(request.POST or None)
    formset = _budget_formset(request)
    if request.method == "POST":
        saved = _save_application(request, form, formset)
        if saved is not None:
            messages.success(request, _("Draft saved. Check it, then submit it to the Fund."))
            return redirect("fund:application_detail", pk=saved.obj.pk)
    return render(
        request, "fund/application_form.html", {"form": form, "formset": formset, "title": _("New application")}
    )


@login_required
def application_edit(request, pk: int):
    application = permissions.get_application_for_user(request.user, pk, action=Action.EDIT)
    refusal = services.step_refusal(application, Action.EDIT)
    if refusal:
        messages.error(request, refusal)
        return redirect("fund:application_detail", pk=application.pk)
    form = forms.ApplicationForm(request.POST or None, instance=application)
    formset = _budget_formset(request, application)
    if request.method == "POST":
        saved = _save_application(request, form, formset, application=application)
        if saved is not None:
            saved_or_unchanged(request, saved.changed, _("Changes saved."))
            return redirect("fund:application_detail", pk=saved.obj.pk)
    return render(
        request,
        "fund/application_form.html",
        {"form": form, "formset": formset, "application": application, "title": _("Edit the application")},
    )


@login_required
def application_detail(request, pk: int):
    application = permissions.get_application_for_user(request.user, pk)
    actions = [
        a
        for a in permissions.allowed_actions(request.user, application)
        if services.step_refusal(application, a) is None
    ]
    return render(
        request,
        "fund/application_detail.html",
        {
            "application": application,
            "budget_lines": list(application.budget_lines.all()),
            "disbursements": list(application.disbursements.select_related("recorded_by")),
            "disbursed_total": selectors.application_disbursed_total(application=application),
            "timeline": selectors.application_timeline(application=application),
            "actions": set(actions),
            "next_step": services.NEXT_STEP[application.status],
            "can_see_books": is_committee(request.user),
        },
    )


@login_required
def final_report_download(request, pk: int):
    application = permissions.get_application_for_user(request.user, pk)
    if not application.final_report:
        raise Http404
    return serve_file(application.final_report, download_name=f"final-report-{slugify(application.reference)}")


# --- workflow steps: each is "check access and order, validate the form, call the service" -----


def _step(request, pk: int, *, action: str, form_class, call, title: str, success: str, files: bool = False):
    application = permissions.get_application_for_user(request.user, pk, action=action)
    refusal = services.step_refusal(application, action)
    if refusal:
        messages.error(request, refusal)
        return redirect("fund:application_detail", pk=application.pk)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, request.FILES if request.method == "POST" else None) if files else form_class(data)
    if request.method == "POST" and form.is_valid():
        try:
            call(application, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("fund:application_detail", pk=application.pk)
    context = {"application": application, "form": form, "title": title, "action": action}
    if action in (Action.DECIDE, Action.DISBURSE):
        context["balance"] = selectors.fund_balance(currency=application.currency)
        context["disbursed_total"] = selectors.application_disbursed_total(application=application)
    return render(request, "fund/step_form.html", context)


@login_required
def application_submit(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.SUBMIT,
        form_class=forms.SubmitForm,
        call=lambda app, data: services.application_submit(application=app, by=request.user),
        title=_("Submit the application"),
        success=_("Application submitted. The ISU will screen its eligibility; you will be told of each step."),
    )


@login_required
def application_screen(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.SCREEN,
        form_class=forms.ScreenForm,
        call=lambda app, data: services.application_screen(application=app, by=request.user, **data),
        title=_("Eligibility screening"),
        success=_("Eligibility screening recorded; the State has been told."),
    )


@login_required
def application_gender_review(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.GENDER_REVIEW,
        form_class=forms.GenderReviewForm,
        call=lambda app, data: services.application_gender_review(application=app, by=request.user, **data),
        title=_("Gender-perspective review"),
        success=_("Gender-perspective review recorded; the committee can now decide."),
    )


@login_required
def application_decide(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.DECIDE,
        form_class=forms.DecisionForm,
        call=lambda app, data: services.application_decide(application=app, by=request.user, **data),
        title=_("Committee decision"),
        success=_("Decision recorded; the State has been told."),
    )


@login_required
def disbursement_add(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.DISBURSE,
        form_class=forms.DisbursementForm,
        call=lambda app, data: services.disbursement_record(application=app, by=request.user, **data),
        title=_("Record a disbursement"),
        success=_("Disbursement recorded; the State has been told."),
    )


@login_required
def final_report_upload(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.UPLOAD_REPORT,
        form_class=forms.FinalReportUploadForm,
        call=lambda app, data: services.application_final_report_upload(application=app, by=request.user, **data),
        title=_("Upload the final report"),
        success=_("Final report uploaded. The ISU will confirm its receipt."),
        files=True,
    )


@login_required
def final_report_receive(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.RECEIVE_REPORT,
        form_class=forms.FinalReportReceiveForm,
        call=lambda app, data: services.application_final_report_receive(application=app, by=request.user, **data),
        title=_("Record the final report as received"),
        success=_("Final report recorded as received; the State has been told."),
        files=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_close(request, pk: int):
    return _step(
        request,
        pk,
        action=Action.CLOSE,
        form_class=forms.CloseForm,
        call=lambda app, data: services.application_close(application=app, by=request.user, **data),
        title=_("Close the application"),
        success=_("Application closed."),
    )
