"""What several meetings views share: the calendar content type and the generic form page."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


BACK_LABELS = {
    "meetings:list": _lazy("Meetings"),
    "meetings:followup_list": _lazy("Follow-ups"),
    "meetings:ia_list": _lazy("Individualised approach"),
    "meetings:priority_list": _lazy("Priority actions"),
}


def _form_page(request, form, *, title: str, back: str, intro: str = "", enctype: str = "", extra=None):
    context = {
        "form": form,
        "title": title,
        "back": back,
        "back_label": BACK_LABELS.get(back, _("Back")),
        "intro": intro,
        "enctype": enctype,
        **(extra or {}),
    }
    return render(request, "meetings/form.html", context)
