import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from . import permissions, services
from .forms import CommitteeYearForm, MembershipForm
from .models import Committee
from .selectors import committee_composition


def committee_list(request):
    year = datetime.date.today().year
    committees = Committee.objects.all()
    rows = [(c, committee_composition(committee=c, year=year)) for c in committees]
    return render(request, "committee/committee_list.html", {"rows": rows, "year": year})


def committee_detail(request, slug: str):
    committee = permissions.get_committee_for_user(request.user, slug)
    years = sorted(
        set(committee.years.values_list("year", flat=True))
        | {y for m in committee.memberships.values_list("term_start", flat=True) for y in (m, m + 1)},
        reverse=True,
    )
    compositions = [committee_composition(committee=committee, year=y) for y in years]
    return render(request, "committee/committee_detail.html", {"committee": committee, "compositions": compositions})


@login_required
def membership_add(request, slug: str):
    committee = permissions.get_committee_for_user(request.user, slug, write=True)
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_membership_add(committee=committee, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Membership added."))
            return redirect("committee:detail", slug=committee.slug)
    return render(request, "committee/form.html", {"committee": committee, "form": form, "title": _("Add a member")})


@login_required
def year_set(request, slug: str):
    committee = permissions.get_committee_for_user(request.user, slug, write=True)
    form = CommitteeYearForm(request.POST or None, initial={"year": datetime.date.today().year})
    if request.method == "POST" and form.is_valid():
        try:
            update = services.committee_year_set(committee=committee, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Chair and gender focal point saved."))
            return redirect("committee:detail", slug=committee.slug)
    return render(
        request,
        "committee/form.html",
        {"committee": committee, "form": form, "title": _("Chair and gender focal point")},
    )
