import datetime

import factory

from states.models import Membership, State


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ("iso3",)
        skip_postgeneration_save = True

    iso3 = factory.Sequence(lambda n: f"X{n // 26 % 26 + 65:c}{n % 26 + 65:c}")
    iso2 = factory.LazyAttribute(lambda o: o.iso3[1:])
    name_en = factory.LazyAttribute(lambda o: f"State {o.iso3}")
    name_fr = factory.LazyAttribute(lambda o: f"État {o.iso3}")
    name_es = factory.LazyAttribute(lambda o: f"Estado {o.iso3}")
    region = "africa"

    @factory.post_generation
    def party_since(obj, create, extracted, **kwargs):
        if create and not obj.memberships.exists():
            Membership.objects.create(state=obj, entry_into_force=extracted or datetime.date(1999, 3, 1))
