"""One demo account per role, printed by `make run`."""

from django.contrib.auth.models import Group, Permission

from core.demo import DEMO_PASSWORD, DemoContext
from states.models import State

from .models import Role, User

DEMO_USERS = [
    # (role label, e-mail, role, State, language, first, last)
    ("ISU staff", "isu@demo.apmbc.org", Role.ISU, None, "en", "Iris", "Staff"),
    ("Committee chair (Thailand)", "chair@demo.apmbc.org", Role.CHAIR, "THA", "en", "Chanya", "Chair"),
    ("Committee member (Japan)", "member@demo.apmbc.org", Role.MEMBER, "JPN", "en", "Kenji", "Member"),
    ("Delegate of Senegal (French)", "delegate.sen@demo.apmbc.org", Role.DELEGATE, "SEN", "fr", "Awa", "Diop"),
    ("Delegate of Colombia (Spanish)", "delegate.col@demo.apmbc.org", Role.DELEGATE, "COL", "es", "Lucía", "Gómez"),
    ("Delegate of Nigeria", "delegate.nga@demo.apmbc.org", Role.DELEGATE, "NGA", "en", "Chinedu", "Okafor"),
    ("Read-only user of Senegal (French)", "reader.sen@demo.apmbc.org", Role.READER, "SEN", "fr", "Moussa", "Ndiaye"),
]


def isu_group() -> Group:
    group, _created = Group.objects.get_or_create(name="ISU staff")
    group.permissions.set(Permission.objects.all())
    return group


def load(ctx: DemoContext) -> None:
    group = isu_group()
    states = {s.iso3: s for s in State.objects.filter(iso3__in=[u[3] for u in DEMO_USERS if u[3]])}
    for label, email, role, iso3, lang, first, last in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "username": email,
                "role": role,
                "state": states.get(iso3),
                "preferred_language": lang,
                "first_name": first,
                "last_name": last,
                "is_staff": role == Role.ISU,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if role == Role.ISU:
            user.groups.add(group)
        ctx.logins.append((label, email, DEMO_PASSWORD))
