from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from conclusions.models import ConclusionsDocument, Language
from conclusions.services import document_export


class Command(BaseCommand):
    help = "Export a conclusions document to PDF in one language (recorded like a download from the site)."

    def add_arguments(self, parser):
        parser.add_argument("--committee", required=True, help="committee slug, e.g. cooperation-assistance")
        parser.add_argument("--meeting", required=True, help="meeting code, e.g. 21MSP")
        parser.add_argument("--language", required=True, choices=Language.values)
        parser.add_argument("--output", required=True, help="path of the PDF to write")

    def handle(self, *args, committee, meeting, language, output, **options):
        document = (
            ConclusionsDocument.objects.select_related("committee")
            .filter(committee__slug=committee, meeting_code=meeting)
            .first()
        )
        if document is None:
            raise CommandError(f"No conclusions document for committee {committee!r} and meeting {meeting!r}.")
        try:
            export = document_export(document=document, language=language, by=None)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        path = Path(output)
        with export.file.open("rb") as fh:
            path.write_bytes(fh.read())
        self.stdout.write(f"{path} {export.size} bytes sha256={export.sha256}")
