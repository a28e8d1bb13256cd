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


def add_form_rows(version, *, n: int = 2) -> None:
    """Rows in every table the forms' panels sum (one figure left empty in each: not reported)."""
    from reporting.models import (
        CasualtyRow,
        DestroyedRow,
        LandReleaseRow,
        MinedAreaRow,
        NationalResourceRow,
        RetainedRow,
        RetainedUseRow,
    )

    year = version.report.cycle.year
    for i in range(n):
        blank = i == n - 1
        MinedAreaRow.objects.create(
            version=version,
            position=i,
            location=f"Area {i}",
            status=("confirmed", "suspected")[i % 2],
            size_m2=None if blank else Decimal("1000.50"),
        )
        LandReleaseRow.objects.create(
            version=version, position=i, method=("cleared", "reduced", "cancelled")[i % 3], area_m2=Decimal("500")
        )
        DestroyedRow.objects.create(
            version=version, position=i, article=("art4", "art5")[i % 2], mine_type=f"T{i}", quantity=10
        )
        RetainedRow.objects.create(version=version, position=i, mine_type="PMN", quantity=None if blank else 5)
        RetainedUseRow.objects.create(version=version, position=i, mine_type="PMN", quantity=1, activity="research")
        NationalResourceRow.objects.create(
            version=version, position=i, year=year, amount=Decimal("100.00"), currency=("EUR", "USD")[i % 2]
        )
        CasualtyRow.objects.create(
            version=version,
            position=i,
            outcome=("killed", "injured")[i % 2],
            sex=("male", "female")[i % 2],
            age_group="adult",
            count=None if blank else 2,
        )
