from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from committee.models import Committee
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from states.models import State

from . import permissions, selectors, services
from .forms import ContactForm, PanelsForm, StatementForm, WorkplanItemForm


def _fields(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "actions"}


@login_required
def index(request):
    permissions.require_workplan_access(request.user)
    return render(
        request,
        "workplan/index.html",
        {
            "workplans": selectors.workplans_index(),
            "committees": Committee.objects.all(),
            "year": timezone.localdate().year,
        },
    )


@login_required
def workplan_list(request, slug: str, year: int):
    committee = permissions.get_committee_for_workplan(request.user, slug, year=year)
    workplan = selectors.workplan_for(committee=committee, year=year)
    return render(request, "workplan/list.html", {"workplan": workplan, "committee": committee, "year": year})


@login_required
def item_create(request, slug: str, year: int):
    committee = permissions.get_committee_for_workplan(request.user, slug, write=True, year=year)
    form = WorkplanItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.workplan_item_create(
                committee=committee, year=year, actions=form.cleaned_data["actions"], **_fields(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Item added to the workplan."))
            return redirect("workplan:item_detail", pk=item.pk)
    return render(
        request,
        "workplan/form.html",
        {
            "form": form,
            "title": _("Add a workplan item"),
            "committee": committee,
            "year": year,
            "cancel": ("workplan:list", {"slug": committee.slug, "year": year}),
        },
    )


@login_required
def item_detail(request, pk: int):
    item = permissions.get_item_for_user(request.user, pk)
    row = selectors.item_row(item)
    return render(request, "workplan/item_detail.html", {"row": row, "item": row.item})


@login_required
def item_update(request, pk: int):
    item = permissions.get_item_for_user(request.user, pk, write=True)
    form = WorkplanItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.workplan_item_update(item=item, actions=form.cleaned_data["actions"], **_fields(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Item saved."))
            return redirect("workplan:item_detail", pk=item.pk)
    return render(
        request,
        "workplan/form.html",
        {"form": form, "title": _("Edit the item"), "item": item, "cancel": ("workplan:item_detail", {"pk": item.pk})},
    )


@login_required
def item_panels(request, pk: int):
    item = permissions.get_item_for_user(request.user, pk, write=True)
    initial = {"panels": list(item.panels.values_list("pk", flat=True))}
    form = PanelsForm(request.POST or None, initial=initial, year=item.year)
    if request.method == "POST" and form.is_valid():
        update = services.workplan_item_set_panels(item=item, meetings=form.cleaned_data["panels"])
        saved_or_unchanged(request, update.changed, _("Panels saved."))
        return redirect("workplan:item_detail", pk=item.pk)
    return render(
        request,
        "workplan/form.html",
        {
            "form": form,
            "title": _("Link panels"),
            "item": item,
            "cancel": ("workplan:item_detail", {"pk": item.pk}),
        },
    )


@login_required
def statement_create(request, pk: int):
    item = permissions.get_item_for_user(request.user, pk, write=True)
    form = StatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.statement_create(item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Statement recorded."))
            return redirect("workplan:item_detail", pk=item.pk)
    return render(
        request,
        "workplan/form.html",
        {
            "form": form,
            "title": _("Record a statement"),
            "item": item,
            "cancel": ("workplan:item_detail", {"pk": item.pk}),
        },
    )


@login_required
def statement_update(request, pk: int):
    statement = permissions.get_statement_for_user(request.user, pk, write=True)
    form = StatementForm(request.POST or None, instance=statement)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.statement_update(statement=statement, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Statement saved."))
            return redirect("workplan:item_detail", pk=statement.item_id)
    return render(
        request,
        "workplan/form.html",
        {
            "form": form,
            "title": _("Edit the statement"),
            "item": statement.item,
            "delete_url": ("workplan:statement_delete", {"pk": statement.pk}),
            "cancel": ("workplan:item_detail", {"pk": statement.item_id}),
        },
    )


@login_required
@require_POST
def statement_delete(request, pk: int):
    statement = permissions.get_statement_for_user(request.user, pk, write=True)
    item_id = statement.item_id
    services.statement_delete(statement=statement)
    messages.success(request, _("Statement deleted."))
    return redirect("workplan:item_detail", pk=item_id)


@login_required
def contacts(request, pk: int):
    """The list of States to contact (computed by the reporting app), the contacts made and a form to add one."""
    item = permissions.get_item_for_user(request.user, pk)
    clist = selectors.contact_list(item)
    show = request.GET.get("show", "all")
    targets = {
        "todo": [t for t in clist.targets if not t.contacted],
        "waiting": [t for t in clist.targets if t.contacted and not t.answered],
        "answered": [t for t in clist.targets if t.answered],
    }.get(show, clist.targets)
    filters = [
        ("all", _("All (%(n)s)") % {"n": clist.total}),
        ("todo", _("Not contacted (%(n)s)") % {"n": clist.total - clist.contacted}),
        ("waiting", _("Waiting for an answer (%(n)s)") % {"n": clist.contacted - clist.answered}),
        ("answered", _("Answered (%(n)s)") % {"n": clist.answered}),
    ]
    return render(
        request,
        "workplan/contacts.html",
        {"item": item, "contacts": clist, "targets": targets, "filters": filters, "show": show},
    )


@login_required
def contact_create(request, pk: int):
    item = permissions.get_item_for_user(request.user, pk, write=True)
    initial = {"contacted_on": timezone.localdate()}
    if request.GET.get("state"):
        initial["state"] = State.objects.filter(iso3=request.GET["state"].upper()[:3]).first()
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_record(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Contact with %(state)s recorded.") % {"state": form.cleaned_data["state"]})
            return redirect("workplan:contacts", pk=item.pk)
    return render(
        request,
        "workplan/form.html",
        {"form": form, "title": _("Record a contact"), "item": item, "cancel": ("workplan:contacts", {"pk": item.pk})},
    )


@login_required
def contact_update(request, pk: int):
    contact = permissions.get_contact_for_user(request.user, pk, write=True)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.contact_update(contact=contact, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Contact saved."))
            return redirect("workplan:contacts", pk=contact.item_id)
    return render(
        request,
        "workplan/form.html",
        {
            "form": form,
            "title": _("Edit the contact"),
            "item": contact.item,
            "delete_url": ("workplan:contact_delete", {"pk": contact.pk}),
            "cancel": ("workplan:contacts", {"pk": contact.item_id}),
        },
    )


@login_required
@require_POST
def contact_delete(request, pk: int):
    contact = permissions.get_contact_for_user(request.user, pk, write=True)
    item_id = contact.item_id
    services.contact_delete(contact=contact)
    messages.success(request, _("Contact deleted."))
    return redirect("workplan:contacts", pk=item_id)


def outputs(request, slug: str, year: int):
    """Public: the workplan's published statements and public panels."""
    if not permissions.MIN_YEAR <= year <= permissions.MAX_YEAR:
        raise Http404
    committee = get_object_or_404(Committee, slug=slug)
    data = selectors.published_outputs(committee=committee, year=year)
    return render(request, "workplan/outputs.html", {"committee": committee, "year": year, **data})
