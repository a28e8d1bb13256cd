"""Reports as the dashboard sees them: submitted versions with flags and C&A rows, built directly."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from reporting.models import CooperationRow, Report, ReportState, ReportVersion
from reporting.tests.factories import CycleFactory


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportVersion

    report = None
    number = 1
    submitted_at = factory.LazyFunction(timezone.now)
    received_on = factory.LazyAttribute(lambda o: o.submitted_at.date())


class CaRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationRow

    version = None
    direction = "received"
    partner_kind = "organisation"
    partner_name = "Demining NGO"
    year = 2022
    amount = Decimal("1000.00")
    currency = "EUR"
    purpose = "clearance"


def draft_report(state, year: int) -> Report:
    return Report.objects.create(state=state, cycle=CycleFactory(year=year))


def submitted_report(
    state,
    year: int,
    *,
    on: datetime.date | None = None,
    late: bool = False,
    quantitative: bool = False,
    qualitative: bool = False,
    gender: bool = False,
    rows: list[dict] | None = None,
    versions: int = 1,
) -> Report:
    """A report submitted `versions` times; only the last version carries `rows` and the flags.

    Earlier versions get one stray row each, which the dashboard must ignore.
    """
    cycle = CycleFactory(year=year)
    on = on or (cycle.deadline + datetime.timedelta(days=10) if late else cycle.deadline - datetime.timedelta(days=10))
    report = Report.objects.create(state=state, cycle=cycle, workflow=ReportState.SUBMITTED)
    version = None
    for number in range(1, versions + 1):
        last = number == versions
        version = VersionFactory(
            report=report,
            number=number,
            received_on=on,
            ca_quantitative=quantitative if last else True,
            ca_qualitative=qualitative if last else True,
            gender_info=gender if last else True,
        )
        stray = [{"amount": Decimal("999.00"), "year": year}]
        for i, row in enumerate((rows or []) if last else stray):
            CaRowFactory(version=version, position=i, **{"year": year, **row})
    report.current_version = version
    report.submitted_on = on
    report.deadline_at_submission = cycle.deadline
    report.is_late = late
    report.save()
    return report
