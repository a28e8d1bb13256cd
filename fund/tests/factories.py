import datetime
import itertools
from decimal import Decimal

import factory
from django.core.files.base import ContentFile

from accounts.models import Role
from accounts.tests.factories import UserFactory
from fund import services
from fund.models import Application, Contribution, Purpose, Status, TermsOfReference
from states.tests.factories import StateFactory

_counter = itertools.count()
_B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def new_state(**kwargs):
    """A State whose ISO codes (digit-first alpha-2) never collide with the cast's or the factory's."""
    n = next(_counter) % 360
    code = f"{n // 36}{_B36[n % 36]}"
    return StateFactory(iso3=f"F{code}", iso2=code, name_en=f"Fundland {code}", **kwargs)


class TermsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TermsOfReference
        django_get_or_create = ("version",)

    version = factory.Sequence(lambda n: f"v{n}")
    title = factory.LazyAttribute(lambda o: f"Terms of reference {o.version}")
    in_force_from = factory.Sequence(lambda n: datetime.date(2000, 1, 1) + datetime.timedelta(days=n))
    summary = "The Fund supports exchanges of good practices and South-South cooperation."


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    contributor_state = factory.LazyFunction(lambda: new_state(is_provider=True))
    amount = Decimal("10000.00")
    currency = "EUR"
    received_on = datetime.date(2023, 3, 1)


def fund(amount: Decimal | str, currency: str = "EUR", **kwargs) -> Contribution:
    """Money in the Fund, through the service (which opens the currency's account)."""
    return services.contribution_record(
        contributor_state=kwargs.pop("contributor_state", None) or new_state(is_provider=True),
        amount=Decimal(amount),
        currency=currency,
        received_on=kwargs.pop("received_on", datetime.date(2023, 3, 1)),
        **kwargs,
    )


def application_fields(**overrides) -> dict:
    fields = {
        "title": "Exchange of good practices on land release",
        "purpose": Purpose.GOOD_PRACTICES,
        "purpose_other": "",
        "activities": "A study visit of the national mine action authority to a peer State.",
        "requested_amount": Decimal("1000.00"),
        "currency": "EUR",
        "start_date": datetime.date(2023, 9, 1),
        "end_date": datetime.date(2023, 12, 31),
        "timeline": "September: preparation\nNovember: visit",
        "partners": "GICHD",
    }
    fields.update(overrides)
    return fields


def draft(state=None, *, by=None, lines=None, **overrides) -> Application:
    state = state or new_state()
    by = by or UserFactory(role=Role.DELEGATE, state=state)
    fields = application_fields(**overrides)
    lines = lines or [("Travel and subsistence", fields["requested_amount"])]
    return services.application_create(state=state, by=by, budget_lines=lines, **fields)


ORDER = [
    Status.DRAFT,
    Status.SUBMITTED,
    Status.SCREENED,
    Status.GENDER_REVIEWED,
    Status.APPROVED,
    Status.DISBURSED,
    Status.REPORT_RECEIVED,
    Status.CLOSED,
]


def application_at(
    status: str, state=None, *, amount="1000.00", currency="EUR", disburse=None, delegate=None, **overrides
):
    """An application driven through the real services up to `status` (funding the Fund if needed)."""
    state = state or new_state()
    delegate = (
        delegate or state.users.filter(role=Role.DELEGATE).first() or UserFactory(role=Role.DELEGATE, state=state)
    )
    isu = UserFactory(role=Role.ISU)
    chair = UserFactory(role=Role.CHAIR)
    if not TermsOfReference.objects.exists():
        TermsFactory(version="2023", in_force_from=datetime.date(2023, 1, 1))
    app = draft(state, by=delegate, requested_amount=Decimal(amount), currency=currency, **overrides)
    target = ORDER.index(status) if status in ORDER else None
    steps = [
        lambda a: services.application_submit(application=a, by=delegate),
        lambda a: services.application_screen(application=a, by=isu, eligible=True, note="Meets the criteria."),
        lambda a: services.application_gender_review(
            application=a, by=chair, assessment="Women deminers take part; needs of survivors considered."
        ),
        lambda a: services.application_decide(application=a, by=chair, decision="approve", reasons="Sound plan."),
        lambda a: services.disbursement_record(
            application=a, by=isu, amount=Decimal(disburse or amount), paid_on=datetime.date(2023, 10, 1)
        ),
        lambda a: services.application_final_report_receive(
            application=a, by=isu, file=ContentFile(b"%PDF-1.4 report", name="final-report.pdf")
        ),
        lambda a: services.application_close(application=a, by=isu),
    ]
    if status in (Status.APPROVED, Status.DISBURSED, Status.REPORT_RECEIVED, Status.CLOSED):
        fund(amount, currency)
    if target is None:
        raise ValueError(status)
    for step in steps[:target]:
        step(app)
        app = Application.objects.get(pk=app.pk)
    return app
