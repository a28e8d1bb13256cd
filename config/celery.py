import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("apmbc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def _refuse_insecure_start(**kwargs) -> None:
    # Workers sign links (password reset, invitations) with SECRET_KEY: same rule as the web.
    from core.checks import refuse_insecure_start

    refuse_insecure_start()
