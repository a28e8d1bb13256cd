import time

from django.core.management.base import BaseCommand

from dashboard.scale import Scale, Seeder


class Command(BaseCommand):
    help = "Fill the database with synthetic but realistic data at scale (for the benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("--states", type=int, default=200, help="States in total (registry + synthetic).")
        parser.add_argument("--years", type=int, default=30, help="Reporting cycles up to the current one.")
        parser.add_argument("--rows", type=int, default=20, help="C&A rows per submitted report, on average.")
        parser.add_argument("--meetings", type=int, default=5000)
        parser.add_argument("--applications", type=int, default=2000, help="Fund applications.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")

    def handle(self, *args, **options):
        scale = Scale(
            states=options["states"],
            years=options["years"],
            rows_per_report=options["rows"],
            meetings=options["meetings"],
            applications=options["applications"],
            seed=options["seed"],
        )
        started = time.monotonic()
        result = Seeder(scale, log=self.stdout.write).run()
        for key, n in result.counts.items():
            self.stdout.write(f"  {key}: {n}")
        for note in result.notes:
            self.stdout.write(self.style.WARNING(f"  skipped: {note}"))
        self.stdout.write(self.style.SUCCESS(f"Scale data written in {time.monotonic() - started:.1f} s."))
