"""Export all languages with a real Celery worker (subprocess) on Redis and the PostgreSQL test database."""

import io
import zipfile

import pytest

from conclusions.models import BatchStatus, ExportBatch
from conclusions.services import batch_create
from conclusions.tests.factories import make_document

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_real_worker_exports_every_language_with_progress(cast, real_worker):
    document = make_document(paragraphs=3, languages=("en", "fr", "es"))
    batch = batch_create(document=document, by=cast.isu)  # transaction=True: committed, so enqueued at once
    seen = set()

    def finished() -> bool:
        current = ExportBatch.objects.get(pk=batch.pk)
        seen.add((current.status, current.done))
        return current.status in (BatchStatus.DONE, BatchStatus.FAILED)

    real_worker.wait(finished, 120, "the export to finish")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE, batch.error
    assert batch.exports.count() == 3
    with batch.file.open("rb") as fh:
        names = sorted(zipfile.ZipFile(io.BytesIO(fh.read())).namelist())
    prefix = f"{document.committee.slug}-{document.meeting_code}"
    assert names == [f"{prefix}-{lang}-draft.pdf" for lang in ("en", "es", "fr")]
    assert ("done", 3) in {(s, d) for s, d in seen}
