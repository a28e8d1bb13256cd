from django.core.management.base import BaseCommand, CommandError

from reporting.compliance import write_compliance_csv


class Command(BaseCommand):
    help = (
        "Print the Article 7 compliance report of a reporting year: a header row, then one row per State Party "
        "(iso3, status, submitted_on, amended, ca_quantitative, ca_qualitative, gender_info)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="The calendar year reported on, e.g. 2022.")
        parser.add_argument("--format", choices=["csv"], default="csv")

    def handle(self, *args, year: int, **options):
        if not 1999 <= year <= 2100:
            raise CommandError("--year must be a year between 1999 and 2100.")
        write_compliance_csv(self.stdout, year=year)
