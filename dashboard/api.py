"""`/api/dashboard/?year=YYYY`: the dashboard's figures as JSON (committee and ISU only)."""

import dataclasses
import datetime
from decimal import Decimal

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from core.panels import collect

from .build import build
from .forms import FIRST_YEAR
from .permissions import IsCommittee
from .selectors import STATE_GROUPS, available_years, default_year


class YearQuery(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=FIRST_YEAR)

    def validate_year(self, value: int) -> int:
        if value > default_year() + 1:
            raise serializers.ValidationError("No reporting cycle so far in the future.")
        return value


def jsonable(value, depth: int = 0):
    """Plain JSON values from a panel's context: numbers, text, dates, lists, dicts, dataclasses."""
    if depth > 6:
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, QuerySet):
        return None  # not evaluated on purpose: a panel's figures are computed before rendering
    if hasattr(value, "as_dict") and callable(value.as_dict):
        return jsonable(value.as_dict(), depth + 1)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v, depth + 1) for v in value]
    return None


class DashboardViewSet(viewsets.ViewSet):
    """The chair's dashboard for one reporting year (`?year=2023`, default the current cycle).

    Money is given per currency, never converted. `panels` holds what other apps contribute
    (Fund, meetings, workplan, questionnaires) under their app name.
    """

    permission_classes = [IsCommittee]

    @extend_schema(parameters=[YearQuery], responses=OpenApiTypes.OBJECT)
    def list(self, request):
        query = YearQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or default_year()
        data = build(year=year, today=timezone.localdate())
        return Response(
            {
                "year": year,
                "years": available_years(),
                "reporting": _reporting(data),
                "cooperation": _cooperation(data),
                "upcoming": _upcoming(data),
                "panels": _panels(request, year),
            }
        )


def _reporting(data) -> dict:
    fig = data.reporting
    return {
        "deadline": jsonable(fig.deadline),
        "counts": {key: fig.counts[key] for key in STATE_GROUPS},
        "rate": fig.rate,
        "trend": [
            {"year": p.year, "owed": p.owed, "on_time": p.on_time, "late": p.late, "missing": p.missing, "rate": p.rate}
            for p in fig.trend
        ],
        "outstanding": [
            {
                "state": line.state.iso3,
                "name": line.state.name_en,
                "status": line.row.status,
                "deadline": jsonable(line.row.deadline),
                "days_left": line.days_left,
                "last_reminder": None
                if line.last_reminder is None
                else {
                    "kind": line.last_reminder.kind,
                    "status": line.last_reminder.status,
                    "due_on": jsonable(line.last_reminder.due_on),
                    "sent_at": jsonable(line.last_reminder.sent_at),
                },
            }
            for line in fig.outstanding
        ],
    }


def _cooperation(data) -> dict:
    fig = data.cooperation

    def money(m):
        return {
            "direction": m.direction,
            "purpose": m.purpose or None,
            "year": m.year,
            "currency": m.currency,
            "total": str(m.total),
            "rows": m.rows,
        }

    return {
        "by_purpose": [money(m) for m in fig.by_purpose],
        "by_year": [money(m) for m in fig.by_year],
        "rows_without_amount": fig.without_amount,
        "top_partners": [
            {
                "key": p.key,
                "name": p.name,
                "rows": p.rows,
                "reporting_states": p.reporting_states,
                "totals": {c: str(a) for c, a in p.totals_sorted},
            }
            for p in fig.top_partners
        ],
    }


def _upcoming(data) -> dict:
    up = data.upcoming
    return {
        "deadlines": [
            {"date": d.date.isoformat(), "title": d.title, "source": d.source, "cycle": d.cycle, "states": d.states}
            for d in up.deadlines
        ],
        "meetings": [
            {
                "code": m.code,
                "title": m.title_en,
                "kind": m.kind,
                "start_date": m.start_date.isoformat(),
                "end_date": m.end_date.isoformat(),
                "state": m.state.iso3 if m.state_id else None,
            }
            for m in up.meetings
        ],
    }


def _panels(request, year: int) -> dict:
    out = {}
    for panel in collect("dashboard", request=request._request, year=year):
        app = panel.template.split("/", 1)[0]
        out[app] = jsonable(panel.context)
    return out


def register(router) -> None:
    router.register("dashboard", DashboardViewSet, basename="dashboard")
