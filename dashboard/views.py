from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.panels import Panel, collect

from . import selectors, tables
from .build import TABLE_KEYS, build
from .exports import FORMATS, table_response
from .forms import CaFilterForm, FormRowFilterForm, ObligationFilterForm, YearForm
from .permissions import require_dashboard

CA_PAGE_SIZE = 100


def _year(request) -> tuple[int, YearForm]:
    form = YearForm(request.GET, years=selectors.available_years())
    if form.invalid:
        messages.warning(request, _("There are no reports on that year; here is the current cycle."))
    return form.chosen, form


@login_required
def index(request):
    require_dashboard(request.user)
    year, year_form = _year(request)
    data = build(year=year, today=timezone.localdate())
    shared = {"data": data, "tables": data.tables()}
    own = [
        Panel(
            "dashboard/panels/reporting.html",
            {
                **shared,
                "chart": data.trend_chart(),
                "status_bar": data.status_bar(),
                "outstanding": tables.outstanding_rows(data.reporting),
            },
            order=10,
        ),
        Panel(
            "dashboard/panels/cooperation.html",
            {**shared, "pivots": tables.pivot_views(data.cooperation)},
            order=40,
        ),
        Panel("dashboard/panels/forms.html", {**shared, "charts": data.form_charts()}, order=30),
        Panel("dashboard/panels/upcoming.html", shared, order=90),
    ]
    panels = sorted([*own, *collect("dashboard", request=request, year=year)], key=lambda p: p.order)
    return render(
        request, "dashboard/index.html", {"data": data, "year": year, "year_form": year_form, "panels": panels}
    )


@login_required
def export(request, table: str, fmt: str):
    require_dashboard(request.user)
    if table not in TABLE_KEYS or fmt not in FORMATS:
        raise Http404
    year, _form = _year(request)
    data = build(year=year, today=timezone.localdate())
    found = data.tables()[table]
    return table_response(found, fmt, filename=f"dashboard-{table}-{year}")


@login_required
def drilldown(request, kind: str):
    """The States or records behind one figure of the dashboard; `?export=csv|xlsx` downloads the whole list."""
    require_dashboard(request.user)
    year, year_form = _year(request)
    today = timezone.localdate()
    fmt = request.GET.get("export", "")
    context = {"year": year, "kind": kind, "year_form": year_form}
    if kind in selectors.STATE_GROUPS:
        lines = selectors.states_in_group(year=year, group=kind, today=today)
        table = tables.state_group_table(lines, group=kind, year=year)
    elif kind == "ca-rows":
        form = CaFilterForm(request.GET)
        filters = form.filters()
        rows = selectors.ca_row_list(year=year, **filters)
        title = _("Cooperation and assistance reported for %(year)s") % {"year": year}
        context["filters"] = form.describe()
        if fmt in FORMATS:
            table = tables.ca_rows_table(rows, title=title)
        else:
            page = Paginator(rows, CA_PAGE_SIZE).get_page(request.GET.get("page"))
            context["page"] = page
            context["query_without_page"] = _query_without(request, "page")
            table = tables.ca_rows_table(page.object_list, title=title)
    elif kind in selectors.FIGURE_SOURCES:
        form = FormRowFilterForm(request.GET, source=selectors.FIGURE_SOURCES[kind])
        rows = selectors.form_row_list(kind, year=year, **form.filters())
        context["filters"] = form.describe()
        title = _("%(what)s, reports on %(year)s") % {
            "what": selectors.FIGURE_SOURCES[kind].declaration.title,
            "year": year,
        }
        if fmt in FORMATS:
            table = tables.form_rows_table(kind, rows, title=title)
        else:
            page = Paginator(rows, CA_PAGE_SIZE).get_page(request.GET.get("page"))
            context["page"] = page
            context["query_without_page"] = _query_without(request, "page")
            table = tables.form_rows_table(kind, page.object_list, title=title)
    elif kind == "obligations":
        form = ObligationFilterForm(request.GET)
        if not form.is_valid():
            raise Http404
        label, lines = selectors.obligation_lines(today=today, **form.cleaned_data)
        table = tables.obligations_table(
            lines,
            title=_("Still owed: %(what)s, cycle %(cycle)s")
            % {
                "what": label or form.cleaned_data["source"],
                "cycle": form.cleaned_data["cycle"],
            },
        )
    else:
        raise Http404
    if fmt in FORMATS:
        return table_response(table, fmt, filename=f"{kind}-{year}")
    context["table"] = table
    context["query"] = _query_without(request, "export")
    return render(request, "dashboard/drilldown.html", context)


def _query_without(request, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
