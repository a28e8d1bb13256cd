from pathlib import Path

from django.core.management.base import BaseCommand

from ops.backup import backup_restore


class Command(BaseCommand):
    help = "Restore the database and uploaded files from a directory written by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)

    def handle(self, *args, source, **options):
        backup_restore(source_dir=source)
        self.stdout.write(self.style.SUCCESS(f"Restored from {source}"))
