"""The write round-trip matrix: every create and edit form, posted for real.

Next to the permission matrix (tests/matrix.py), which says *who* may open a URL, this matrix says
that what a form sends is what the database then holds, that the history records it, and that the
message tells the truth. `tests/test_write_roundtrip.py` runs it:

* **completeness**: every URL of the permission matrix whose page puts a Django form (or formset)
  in its context, for any role, must have a `Write` row here (by `name`, or listed in a row's
  `pages`), or be listed in its app's `NOT_WRITES` with the reason (a filter form, Django's own
  sign-in pages...). A new form without a row fails with its URL name.
* **per row**, as the role that may write, on an object of State A built by `setup`:
  1. GET the page: `data` must give EVERY editable field of the form a new value
     (`Field.has_changed`); a field it cannot change goes in `unchanged` with a comment why;
  2. POST `data`: the row read again from the database holds every value (model fields by name;
     anything else through `stored`), an edit row's page shows them back, a new history record
     holds them, and the message is a success (never "No change");
  3. EDIT rows: POST the same data again: the message is "No change" and no history record is added.
     STEP rows (workflow steps): the same step again is refused with an error, nothing recorded.
     UPLOAD rows: a second document is stored and recorded again.

Adding a row, in `<app>/tests/roundtrip.py` (collected like `<app>/tests/matrix.py`):

    def _item(cast):
        item = WorkplanItemFactory()
        return {"kwargs": {"pk": item.pk}, "obj": item}     # URL kwargs; the object edited

    ROWS = [
        Write("workplan:item_update", "chair", _item, data=lambda cast, ctx: {"description_en": "New", ...}),
        Write("workplan:item_create", "chair", _year, data=..., kind=CREATE,
              created=lambda cast, ctx: WorkplanItem.objects.latest("pk")),
    ]
    NOT_WRITES = {"workplan:list": "why its form is not a write"}   # rarely needed

`data` is called once per POST (uploaded files must be new objects each time). `ctx` is the dict
`setup` returned; `ctx["obj"]` is the object an EDIT or STEP row changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

EDIT = "edit"  # changes an existing object; the same POST twice says "No change"
CREATE = "create"  # adds an object
STEP = "step"  # a workflow step on an existing object; the same step twice is refused
UPLOAD = "upload"  # a new document on an existing object; each POST stores a new one


@dataclass
class Write:
    name: str  # the URL name the form posts to
    role: str  # a role of the cast (conftest.ROLES) that may write
    setup: Callable  # (cast) -> ctx dict: "kwargs" for the URL, "obj" for EDIT/STEP, anything else
    data: Callable  # (cast, ctx) -> the POST data
    kind: str = EDIT
    created: Callable | None = None  # CREATE: (cast, ctx) -> the new object, read from the database
    # (obj) -> {form field: stored value} for fields not on the model by name; formset rows and other
    # child rows are checked inside it (assert there, return {})
    stored: Callable | None = None
    records: Callable | None = None  # (obj) -> the history records to count (default: obj.history)
    form_key: str = "form"  # where the page's context holds the form
    query: str = ""  # appended to the URL (GET and POST)
    page: str | None = None  # the URL name whose page shows the form, when not `name` (kwargs: ctx["page_kwargs"])
    pages: tuple = ()  # other URL names whose pages show this form too (for the completeness test)
    unchanged: tuple = ()  # form fields the row leaves as they are (say why next to the row)
    kwargs_after: Callable | None = None  # (obj) -> the URL kwargs once saved (when the form changes them)
    shows_values: bool = True  # False: the page cannot show the stored values back (say why next to the row)
    no_history: str = ""  # why the object keeps no history (the history check is then skipped)

    @property
    def id(self) -> str:
        return f"{self.name}[{self.form_key}]" if self.form_key != "form" else self.name
