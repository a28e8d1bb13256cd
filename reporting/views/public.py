"""Article 7 reports as everyone sees them: the public list, a report, its print page, PDF and document,
comparing versions. A version the ISU recalled is not public: the committee and the State's own users
still see it, marked recalled; its PDF and print copy answer 404 to everyone."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext as _

from accounts.roles import is_isu
from core import ratelimit
from core.converters import year_from_query
from core.net import client_ip
from core.uploads import serve_file

from .. import pdf, permissions, selectors
from ..documents import diff_versions, document, key_figures, receipt
from ..forms import CompareForm, RecallForm
from ..models import Report, ReportingCycle


def public_list(request):
    """Submitted reports of a year: public documents."""
    years = list(ReportingCycle.objects.order_by("-year").values_list("year", flat=True))
    current = selectors.current_cycle_year()
    year = year_from_query(request.GET.get("year")) or next((y for y in years if y <= current), current)
    reports = (
        Report.objects.for_cycle(year)
        .submitted()
        .select_related("state", "cycle", "current_version")
        .defer("draft_data", "current_version__content")
        .order_by("state__name_en")
    )
    return render(request, "reporting/public_list.html", {"year": year, "years": years, "reports": reports})


def public_report(request, iso3: str, year: int, number: int | None = None):
    """A submitted report (its current version, or an earlier one): read-only, for anyone."""
    report = permissions.get_report_for_user(request.user, iso3, year)
    if number is None:
        if not report.is_submitted:
            raise Http404
        version = report.current_version
    else:  # a recalled version: for the committee and the State's own users only (then maybe no current one)
        version = permissions.get_version_for_user(request.user, iso3, year, number)
    versions = report.versions.order_by("number").only(
        "number", "submitted_at", "received_on", "source", "keyed_in_by_isu", "is_recalled"
    )
    if not permissions.can_see_recalled(request.user, report.state):
        versions = versions.filter(is_recalled=False)
    doc = document(
        version,
        public=not permissions.can_see_private(request.user, report.state),
        photo_url=_photo_url(report.state.iso3),
    )
    return render(
        request,
        "reporting/public_report.html",
        {
            "report": report,
            "version": version,
            "versions": list(versions),
            "doc": doc,
            "cover": doc.cover,
            "sections": doc.sections,
            "key_figures": key_figures(version),
            "receipt": receipt(report),
            "can_see_private": permissions.can_see_private(request.user, report.state),
        },
    )


def _photo_url(iso3: str):
    return lambda pk: reverse("reporting:photo", args=[iso3.upper(), pk])


def _document_context(request, iso3: str, year: int, number: int) -> dict:
    version = permissions.get_version_for_user(request.user, iso3, year, number, recalled=False)
    return pdf.document_context(version, for_pdf=False, photo_url=_photo_url(iso3))


def version_print(request, iso3: str, year: int, number: int):
    return render(request, "reporting/print.html", _document_context(request, iso3, year, number) | {"screen": True})


def version_pdf(request, iso3: str, year: int, number: int):
    """A public document: rendered once per version and language, then served from storage;
    throttled per client (each first rendering takes seconds)."""
    if not ratelimit.hit("public-pdf", client_ip(request), settings.PUBLIC_PDF_RATE):
        return ratelimit.too_many_requests(request, settings.PUBLIC_PDF_RATE)
    version = permissions.get_version_for_user(request.user, iso3, year, number, recalled=False)
    language = get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    name = pdf.version_pdf_stored(version, language)
    filename = f"article7-{iso3.upper()}-{year}-v{number}-{language}.pdf"
    response = FileResponse(default_storage.open(name, "rb"), filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def version_document(request, iso3: str, year: int, number: int):
    """The document the State sent by e-mail (recorded by the ISU)."""
    version = permissions.get_version_for_user(request.user, iso3, year, number)
    if not version.document:
        raise Http404
    return serve_file(version.document, download_name=f"article7-{iso3.upper()}-{year}-v{number}-received")


def _compared(request, versions: list) -> tuple[CompareForm, object, object]:
    """(form, old, new): the two versions asked for (?a=&b=), by default the last two not recalled."""
    form = CompareForm(request.GET or None)
    old = new = None
    if len(versions) > 1:
        by_number = {v.number: v for v in versions}
        if form.is_bound and form.is_valid():
            old, new = by_number.get(form.cleaned_data["a"]), by_number.get(form.cleaned_data["b"])
            if old is None or new is None:
                form.add_error(None, _("Choose two versions of this report."))
                old = new = None
        else:
            live = [v for v in versions if not v.is_recalled]
            old, new = (live if len(live) > 1 else versions)[-2:]
    return form, old, new


def versions_compare(request, iso3: str, year: int):
    """The list of submitted versions; pick two to see what changed, section by section. ISU staff
    recall and reinstate versions here."""
    report = permissions.get_report_for_user(request.user, iso3, year)
    return render(request, "reporting/versions.html", versions_context(request, report))


def versions_context(request, report: Report, *, recall_form: RecallForm | None = None, recalling: int | None = None):
    """The versions page: recalled versions for the committee and the State's own users (marked), the
    comparison, and the ISU's recall form (`recall_form` bound with its errors for version `recalling`)."""
    private = permissions.can_see_recalled(request.user, report.state)
    versions = selectors.report_versions(report, include_recalled=private)
    if not versions:
        raise Http404
    form, old, new = _compared(request, versions)
    diff = diff_versions(old, new) if old is not None else None
    context = {"report": report, "versions": versions, "form": form, "diff": diff, "old": old, "new": new}
    if is_isu(request.user):
        context |= {"recall_form": recall_form or RecallForm(), "recalling": recalling}
    return context


def versions_compare_pdf(request, iso3: str, year: int):
    """The comparison of two versions (?a=&b=, by default the last two) as a PDF, row by row: public like
    the versions page; rendered once per pair and language, throttled like the report's PDF."""
    report = permissions.get_report_for_user(request.user, iso3, year)
    versions = selectors.report_versions(report, include_recalled=False)
    form, old, new = _compared(request, versions)
    if old is None:
        raise Http404
    if not ratelimit.hit("public-pdf", client_ip(request), settings.PUBLIC_PDF_RATE):
        return ratelimit.too_many_requests(request, settings.PUBLIC_PDF_RATE)
    for v in (old, new):
        v.report = report
    language = get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    name = pdf.comparison_pdf_stored(old, new, language)
    filename = f"article7-{iso3.upper()}-{year}-v{old.number}-v{new.number}-{language}.pdf"
    response = FileResponse(default_storage.open(name, "rb"), filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def report_photo(request, iso3: str, pk: int):
    """A Form H photograph: public once a submitted current version shows it, else for the State and the
    committee only (reporting.permissions.get_attachment_for_user)."""
    attachment = permissions.get_attachment_for_user(request.user, iso3, pk)
    response = serve_file(attachment.file, download_name=f"article7-{iso3.upper()}-photo-{attachment.pk}")
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline", 1)
    response["Cache-Control"] = "private, max-age=3600"
    return response
