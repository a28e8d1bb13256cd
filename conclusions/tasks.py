from celery import shared_task

from . import services
from .models import ExportBatch


@shared_task(
    name="conclusions.export_batch",
    bind=True,
    max_retries=2,
    autoretry_for=(OSError,),
    retry_backoff=5,
    retry_backoff_max=60,
    soft_time_limit=300,
    time_limit=360,
    acks_late=True,
)
def export_batch_task(self, batch_id: int) -> int:
    """Export every language of a document and zip them (see services.batch_run)."""
    batch = ExportBatch.objects.select_related("document__committee", "created_by").get(pk=batch_id)
    services.batch_run(batch=batch)
    return batch.pk
