import datetime

import factory

from reporting.models import Report, ReportingCycle


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingCycle
        django_get_or_create = ("year",)

    year = 2022
    deadline = factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 4, 30))


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    state = factory.SubFactory("states.tests.factories.StateFactory")
    cycle = factory.SubFactory(CycleFactory)


def complete_draft(**overrides) -> dict:
    """A draft that passes every check: a cover page with a contact, rows in the forms whose figures the
    committee counts (stockpiled 0, contaminated 1,250,000.50 m², released 300,000 m², retained 120,
    destroyed 45), one C&A row with an amount, gender information."""
    text = {"mode": "filled", "fields": {"text": "Information for this form."}, "rows": []}
    draft = {key: dict(text) for key in "aefhij"}
    draft["cover"] = {
        "mode": "filled",
        "fields": {"period_from": "2022-01-01", "period_to": "2022-12-31", "language": "en"},
        "tables": {"contacts": [contact_row()]},
    }
    draft["b"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"stockpile": [{"mine_type": "PMN-2", "quantity": "0", "lot_numbers": ""}]},
    }
    draft["c"] = {
        "mode": "filled",
        "fields": {"text": "Casamance"},
        "tables": {
            "areas": [
                {"location": "Ziguinchor", "status": "confirmed", "size_m2": "1250000.50", "estimated_quantity": "40"}
            ],
            "released": [{"method": "cleared", "area_m2": "300000", "mines_destroyed": "45"}],
        },
    }
    draft["d"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"retained": [{"institution": "Army engineers", "mine_type": "PMN-2", "quantity": "120"}]},
    }
    draft["g"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"destroyed": [{"article": "art5", "mine_type": "PMN-2", "quantity": "45"}]},
    }
    draft["ca"] = {
        "mode": "filled",
        "fields": {
            "platform_exists": "yes",
            "platform_meetings": "2",
            "resource_mobilisation_plan": "no",
            "resource_mobilisation_text": "",
            "unmet_needs": "Survey equipment.",
        },
        "rows": [ca_row()],
    }
    draft["gender"] = {
        "mode": "filled",
        "fields": {
            "gender_in_mine_action": "yes",
            "diverse_needs_in_mine_action": "yes",
            "gender_in_cooperation": "no",
            "gender_disaggregated_data": "yes",
            "gender_text": "Mixed survey teams.",
            "oap_actions": ["45", "47"],
        },
        "rows": [],
    }
    draft.update(overrides)
    return draft


def ca_row(**overrides) -> dict:
    row = {
        "direction": "received",
        "partner": "other_org",
        "partner_name": "Demining NGO",
        "year": "2022",
        "amount": "150000.00",
        "currency": "EUR",
        "purpose": "clearance",
        "channel": "ngo",
        "gender_considered": "yes",
        "description": "",
    }
    row.update(overrides)
    return row


def contact_row(**overrides) -> dict:
    row = {
        "name": "A. Diallo",
        "organisation": "National mine action centre",
        "function": "Director",
        "email": "contact@example.org",
        "phone": "+221 33 000 00 00",
        "is_public": "",
    }
    row.update(overrides)
    return row


def submitted_report(state, cycle, *, by, draft: dict | None = None, **received) -> Report:
    """A report started, filled in with `draft` (a complete one by default) and submitted by `by`: a
    delegate on the web, or ISU staff keying it in (`channel`, `received_on`, `document`)."""
    from reporting import services

    report = services.report_start(state=state, cycle=cycle, by=by, prefill_from_last_year=False)
    services.report_save_draft(
        report=report, data=draft or complete_draft(), by=by, expected_version_token=report.version_token
    )
    services.report_submit(report=report, by=by, **received)
    report.refresh_from_db()
    return report
