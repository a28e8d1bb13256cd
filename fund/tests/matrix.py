import datetime

from django.core.files.base import ContentFile

from fund.models import Status, TermsOfReference
from fund.tests.factories import application_at
from tests.matrix import LOGIN, Row, authenticated, committee_only, delegate_only, everyone, isu_only, own_state, public


def isu_step(ok: int = 200) -> dict:
    """A step on State A's application done by ISU staff only; State B's delegate does not see it."""
    return everyone(403, anon=LOGIN, delegate_b=404, isu=ok)


def applicant_step(ok: int = 200) -> dict:
    """A step only State A's delegates take: the committee and State A's read-only user may read but not write (403)."""
    return everyone(403, anon=LOGIN, delegate_a=ok, delegate_b=404)


def _at(status):
    def build(cast):
        return {"pk": application_at(status, cast.state_a).pk}

    return build


def _with_report(cast):
    return {"pk": application_at(Status.REPORT_RECEIVED, cast.state_a).pk}


def _terms(cast):
    terms, created = TermsOfReference.objects.get_or_create(
        version="2023", defaults={"title": "ToR", "in_force_from": datetime.date(2023, 1, 1), "summary": "Text"}
    )
    if created:
        terms.file.save("tor-2023.pdf", ContentFile(b"%PDF-1.4 terms"), save=True)
    return {"pk": terms.pk}


ROWS = [
    Row("fund:overview", committee_only()),
    Row("fund:contribution_add", isu_only()),
    Row("fund:terms_list", public()),
    Row("fund:terms_add", isu_only()),
    Row("fund:terms_file", public(), kwargs=_terms),
    Row("fund:application_list", authenticated()),
    Row("fund:application_add", delegate_only()),
    Row("fund:application_detail", own_state(), kwargs=_at(Status.DRAFT)),
    Row("fund:application_detail", own_state(), kwargs=_at(Status.DISBURSED)),
    Row("fund:application_edit", applicant_step(), kwargs=_at(Status.DRAFT)),
    Row("fund:application_submit", applicant_step(), kwargs=_at(Status.DRAFT)),
    Row("fund:application_submit", applicant_step(ok=302), kwargs=_at(Status.DRAFT), method="post"),
    Row("fund:application_screen", isu_step(), kwargs=_at(Status.SUBMITTED)),
    Row(
        "fund:application_screen",
        isu_step(ok=302),
        kwargs=_at(Status.SUBMITTED),
        method="post",
        data={"eligible": "yes", "note": "Meets the criteria."},
    ),
    Row(
        "fund:application_gender_review",
        everyone(200, anon=LOGIN, delegate_a=403, delegate_b=404, reader_a=403),
        kwargs=_at(Status.SCREENED),
    ),
    Row(
        "fund:application_decide",
        everyone(403, anon=LOGIN, delegate_b=404, chair=200, isu=200),
        kwargs=_at(Status.GENDER_REVIEWED),
    ),
    Row("fund:disbursement_add", isu_step(), kwargs=_at(Status.APPROVED)),
    Row(
        "fund:final_report_upload",
        everyone(403, anon=LOGIN, delegate_a=200, delegate_b=404, isu=200),
        kwargs=_at(Status.DISBURSED),
    ),
    Row("fund:final_report_download", own_state(), kwargs=_with_report),
    Row("fund:final_report_receive", isu_step(), kwargs=_at(Status.DISBURSED)),
    Row("fund:application_close", isu_step(), kwargs=_at(Status.REPORT_RECEIVED)),
    Row("fund-summary-list", isu_only()),
]
