from pathlib import Path

from django.core.management.base import BaseCommand

from ops.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database and uploaded files into var/backups/<timestamp>/ (or --output DIR)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path)

    def handle(self, *args, output=None, **options):
        target = backup_create(target_dir=output)
        self.stdout.write(str(target))
