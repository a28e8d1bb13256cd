from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DemoContext, demo_modules


class Command(BaseCommand):
    help = "Load the demo data (the committee's 2023 cycle). Idempotent: running it twice changes nothing."

    def handle(self, *args, **options):
        ctx = DemoContext(stdout=self.stdout)
        with transaction.atomic():
            for module in demo_modules():
                module.load(ctx)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if ctx.logins:
            self.stdout.write("Demo logins (e-mail / password):")
            width = max(len(role) for role, _email, _password in ctx.logins)
            for role, email, password in ctx.logins:
                self.stdout.write(f"  {role:<{width}} {email:<30} {password}")
