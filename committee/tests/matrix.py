from committee.models import Committee
from tests.matrix import Row, isu_only, public


def _committee(cast):
    Committee.objects.get_or_create(slug="cooperation-assistance", defaults={"name_en": "C&A"})
    return {"slug": "cooperation-assistance"}


ROWS = [
    Row("committee:list", public()),
    Row("committee:detail", public(), kwargs=_committee),
    Row("committee:membership_add", isu_only(), kwargs=_committee),
    Row("committee:year_set", isu_only(), kwargs=_committee),
    Row("committee-list", public()),
    Row("committee-detail", public(), kwargs=_committee),
]
