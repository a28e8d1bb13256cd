from django.core.management.base import BaseCommand

from ops.tasks import pending_flush


class Command(BaseCommand):
    help = "Send background tasks kept while the broker was unreachable."

    def handle(self, *args, **options):
        self.stdout.write(f"{pending_flush()} tasks sent")
