from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from committee.models import Committee
from conclusions.models import Language
from conclusions.pdf import render_pdf
from conclusions.services import generated_draft_data


class Command(BaseCommand):
    help = (
        "Render to PDF the draft the generator makes from the current data for a committee and a meeting, "
        "in one language, without storing or changing any document (export_conclusions exports a stored one)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--committee", required=True, help="committee slug, e.g. cooperation-assistance")
        parser.add_argument("--meeting", required=True, help="meeting code, e.g. 21MSP or 5RC")
        parser.add_argument("--language", required=True, choices=Language.values)
        parser.add_argument("--output", required=True, help="path of the PDF to write")

    def handle(self, *args, committee, meeting, language, output, **options):
        committee_obj = Committee.objects.filter(slug=committee).first()
        if committee_obj is None:
            raise CommandError(f"No committee {committee!r}.")
        try:
            data = generated_draft_data(committee=committee_obj, meeting_code=meeting, language=language)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        content = render_pdf(data)
        path = Path(output)
        path.write_bytes(content)
        paragraphs = len(data.numbered_paragraphs)
        self.stdout.write(f"{path} {len(content)} bytes, {paragraphs} numbered paragraphs; nothing stored")
