from tests.matrix import LOGIN, Row, committee_only, public

from .factories import ContactFactory, StatementFactory, WorkplanItemFactory


def _year(cast):
    item = WorkplanItemFactory()
    return {"slug": item.committee.slug, "year": item.year}


def _item(cast):
    return {"pk": WorkplanItemFactory().pk}


def _contact_item(cast):
    return {"pk": WorkplanItemFactory(kind="contact_ca_no_gender").pk}


def _statement(cast):
    return {"pk": StatementFactory().pk}


def _contact(cast):
    return {"pk": ContactFactory(state=cast.state_a).pk}


# Deleting answers POST only: a successful delete redirects (302) back to the item.
DELETED = committee_only(302)

ROWS = [
    Row("workplan:index", committee_only()),
    Row("workplan:list", committee_only(), kwargs=_year),
    Row("workplan:item_create", committee_only(), kwargs=_year),
    Row("workplan:outputs", public(), kwargs=_year),
    Row("workplan:item_detail", committee_only(), kwargs=_item),
    Row("workplan:item_update", committee_only(), kwargs=_item),
    Row("workplan:item_panels", committee_only(), kwargs=_item),
    Row("workplan:statement_create", committee_only(), kwargs=_item),
    Row("workplan:contacts", committee_only(), kwargs=_contact_item),
    Row("workplan:contact_create", committee_only(), kwargs=_contact_item),
    Row("workplan:statement_update", committee_only(), kwargs=_statement),
    Row("workplan:statement_delete", {**DELETED, "anon": LOGIN}, kwargs=_statement, method="post"),
    Row("workplan:contact_update", committee_only(), kwargs=_contact),
    Row("workplan:contact_delete", DELETED, kwargs=_contact, method="post"),
    Row("workplan-list", committee_only(), query="?year=2023"),
    Row("workplan-detail", committee_only(), kwargs=_item),
]
