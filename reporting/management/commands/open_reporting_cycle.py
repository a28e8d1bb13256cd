from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from reporting import services


class Command(BaseCommand):
    help = (
        "Open a reporting cycle: by default the one the yearly task opens (current a month from now), "
        "or --year. Running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Calendar year reported on (1999-2100).")

    def handle(self, *args, year: int | None = None, **options):
        try:
            if year is None:
                cycle, created = services.cycle_open_next()
            else:
                cycle, created = services.cycle_create(year=year)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if created:
            self.stdout.write(f"Opened the reporting on {cycle.year} (due {cycle.deadline.isoformat()}).")
        else:
            self.stdout.write(f"No change: the reporting on {cycle.year} was already open.")
