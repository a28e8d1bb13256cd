import factory

from accounts.models import Role, User

PASSWORD = "a-test-password-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.LazyAttribute(lambda o: o.username)
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    role = Role.DELEGATE
    password = factory.django.Password(PASSWORD)
