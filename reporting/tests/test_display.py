"""The report as published (public page, PDF), the comparison PDF and Form H's photographs."""

import subprocess

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from reporting import pdf, services
from reporting.models import MineTypeRow, Report, ReportAttachment

from .factories import CycleFactory, complete_draft, contact_row
from .matrix import PNG

pytestmark = pytest.mark.django_db
YEAR = 2022


def _submit(cast, draft: dict, *, state=None, by=None):
    state = state or cast.state_a
    by = by or cast.delegate_a
    cycle = CycleFactory(year=YEAR)
    report = Report.objects.filter(state=state, cycle=cycle).first() or services.report_start(
        state=state, cycle=cycle, by=by, prefill_from_last_year=False
    )
    report = services.report_save_draft(
        report=report, data=draft, by=by, expected_version_token=report.version_token
    ).obj
    return services.report_submit(report=report, by=by)


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _with_contacts(**overrides):
    draft = complete_draft(**overrides)
    draft["cover"]["tables"]["contacts"] = [
        contact_row(),
        contact_row(name="P. Public", email="public@example.org", is_public="yes"),
    ]
    return draft


def _public_url(cast) -> str:
    return reverse("reporting:public", args=[cast.state_a.iso3, YEAR])


def test_public_page_prints_each_form_with_its_tables_aligned_figures_and_totals(cast):
    _submit(cast, complete_draft())
    html = Client().get(_public_url(cast)).content.decode()
    assert 'id="table-c-areas"' in html
    assert "Ziguinchor" in html
    assert '<td class="text-end text-nowrap">1,250,000.50</td>' in html
    assert "Article 7.1 (c)" in html
    assert "State Party: Aland A · reporting for the period from" in html
    assert '<th scope="row">Total</th>' in html
    # the per-form table of the cover page
    assert 'id="form-status"' in html
    assert "<td>Changed</td>" in html


def test_private_contacts_are_hidden_from_the_public_and_shown_to_the_state(cast, client):
    _submit(cast, _with_contacts())
    public = Client().get(_public_url(cast)).content.decode()
    assert "P. Public" in public
    assert "A. Diallo" not in public
    assert "points of contact are not public" in public
    client.force_login(cast.delegate_a)
    own = client.get(_public_url(cast)).content.decode()
    assert "A. Diallo" in own and "P. Public" in own


def test_a_report_with_nothing_new_gets_the_simplified_cover_page(cast, tmp_path):
    draft = complete_draft()
    for key in "abcdefghij":
        draft[key] = {"mode": "not_applicable" if key in "bef" else "no_change", "fields": {}, "rows": []}
    version = _submit(cast, draft)
    html = Client().get(_public_url(cast)).content.decode()
    assert "Cover page (simplified)" in html
    assert 'id="section-c"' not in html  # unchanged forms are not printed after the simplified cover
    assert 'id="section-ca"' in html  # what changed is
    text = _pdf_text(pdf.version_pdf_render(version, "en"), tmp_path)
    assert "Simplified cover page" in text
    assert "Form C · Location of mined areas" not in text
    assert "Not applicable" in text and "Unchanged since the last report" in text


def test_the_pdf_holds_the_rows_and_the_per_form_status_table(cast, tmp_path):
    draft = complete_draft()
    draft["e"] = {"mode": "not_applicable", "fields": {}, "rows": []}
    version = _submit(cast, draft)
    text = _pdf_text(pdf.version_pdf_render(version, "en"), tmp_path)
    assert "Forms of this report" in text
    assert "E · Conversion or decommissioning of production facilities" in text
    assert "Not applicable" in text
    assert "Ziguinchor" in text and "1,250,000.50" in text
    assert "Army engineers" in text
    assert "Article 7.1 (d)" in text
    assert "A. Diallo" not in text  # the PDF is public: private contacts stay out


def test_the_comparison_pdf_shows_the_changed_row_old_and_new(cast, tmp_path, client):
    version = _submit(cast, complete_draft())
    report = version.report
    services.report_amend(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    draft = dict(report.draft_data)
    draft["c"]["tables"]["areas"][0]["size_m2"] = "900000"
    draft["c"]["tables"]["areas"][0]["location"] = "Bignona"
    services.report_save_draft(
        report=report, data=draft, by=cast.delegate_a, expected_version_token=report.version_token
    )
    services.report_submit(report=report, by=cast.delegate_a)

    page = client.get(reverse("reporting:versions", args=[cast.state_a.iso3, YEAR]))
    assert b'id="compare-pdf"' in page.content
    response = client.get(reverse("reporting:versions_pdf", args=[cast.state_a.iso3, YEAR]) + "?a=1&b=2")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(b"".join(response.streaming_content), tmp_path)
    assert "Changes from version 1 to version 2" in text
    assert "Ziguinchor" in text and "1,250,000.50" in text
    assert "Bignona" in text and "900,000" in text


def test_the_comparison_pdf_of_an_unknown_version_is_404(cast, client):
    _submit(cast, complete_draft())
    url = reverse("reporting:versions_pdf", args=[cast.state_a.iso3, YEAR])
    assert client.get(url + "?a=1&b=7").status_code == 404


# --- Form H photographs ------------------------------------------------------------------------


def _h_post(report, **extra) -> dict:
    return {
        "section": "h",
        "token": str(report.version_token),
        "mode": "filled",
        "lang": "en",
        "types-TOTAL_FORMS": "1",
        "types-INITIAL_FORMS": "0",
        "types-0-designation": "PMN-2",
        "types-0-dimensions": "121 x 54 mm",
        "types-0-fusing": "pressure",
        "types-0-explosive_type": "TG-40",
        "types-0-explosive_g": "100",
        "types-0-metallic_content": "striker",
        "text": "Typed text",
        **extra,
    }


@pytest.fixture
def draft_report(cast):
    cycle = CycleFactory(year=YEAR)
    return services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)


def _edit_url(cast) -> str:
    return reverse("reporting:edit", args=[cast.state_a.iso3, YEAR])


def test_a_photograph_upload_is_stored_and_its_id_kept_in_the_row(cast, client, draft_report):
    client.force_login(cast.delegate_a)
    upload = ContentFile(PNG, name="pmn2.png")
    response = client.post(_edit_url(cast), _h_post(draft_report, **{"types-0-photo_upload": upload}))
    assert response.status_code == 302
    attachment = ReportAttachment.objects.get(report=draft_report)
    assert attachment.name == "pmn2.png"
    draft_report.refresh_from_db()
    row = draft_report.draft_data["h"]["tables"]["types"][0]
    assert row["photo"] == str(attachment.pk) and row["designation"] == "PMN-2"
    page = client.get(_edit_url(cast) + "?section=h").content.decode()
    assert reverse("reporting:photo", args=[cast.state_a.iso3, attachment.pk]) in page
    assert 'name="types-0-photo_upload"' in page
    assert 'enctype="multipart/form-data"' in page


def test_a_fake_png_is_refused_next_to_its_field_and_nothing_typed_is_lost(cast, client, draft_report):
    client.force_login(cast.delegate_a)
    fake = ContentFile(b"<html>not a picture</html>", name="photo.png")
    token = draft_report.version_token
    response = client.post(_edit_url(cast), _h_post(draft_report, **{"types-0-photo_upload": fake}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "does not match its extension" in html
    assert 'value="PMN-2"' in html and "Typed text" in html
    assert not ReportAttachment.objects.exists()
    draft_report.refresh_from_db()
    assert draft_report.version_token == token  # nothing saved


def test_the_photograph_is_frozen_with_the_row_and_shown_on_the_public_page(cast, client, tmp_path):
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    own = services.report_attachment_add(report=report, upload=ContentFile(PNG, name="a.png"), by=cast.delegate_a)
    other_report = services.report_start(
        state=cast.state_b, cycle=cycle, by=cast.delegate_b, prefill_from_last_year=False
    )
    foreign = services.report_attachment_add(
        report=other_report, upload=ContentFile(PNG, name="b.png"), by=cast.delegate_b
    )
    draft = complete_draft()
    row = {"designation": "PMN-2", "dimensions": "d", "fusing": "f", "explosive_type": "TG-40"}
    row |= {"explosive_g": "100", "metallic_content": "m"}
    draft["h"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"types": [row | {"photo": str(own.pk)}, row | {"designation": "PMD-6", "photo": str(foreign.pk)}]},
    }
    version = _submit(cast, draft)
    rows = list(MineTypeRow.objects.filter(version=version).order_by("position"))
    assert rows[0].photo_id == own.pk
    assert rows[1].photo_id is None  # another State's file is never published
    assert version.content["sections"]["h"]["tables"]["types"][1]["photo"] == ""

    photo_url = reverse("reporting:photo", args=[cast.state_a.iso3, own.pk])
    html = Client().get(_public_url(cast)).content.decode()
    assert f'src="{photo_url}"' in html
    response = Client().get(photo_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    # the PDF embeds the image
    data = pdf.version_pdf_render(version, "en")
    path = tmp_path / "h.pdf"
    path.write_bytes(data)
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) >= 3  # header lines + at least one image


def test_photo_access(cast, client):
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    attachment = services.report_attachment_add(report=report, upload=ContentFile(PNG, name="a.png"), by=None)
    url = reverse("reporting:photo", args=[cast.state_a.iso3, attachment.pk])
    assert Client().get(url).status_code == 404
    client.force_login(cast.delegate_b)
    assert client.get(url).status_code == 404  # another State's draft photograph
    assert client.get(reverse("reporting:photo", args=[cast.state_b.iso3, attachment.pk])).status_code == 404
    for user in (cast.delegate_a, cast.isu, cast.chair):
        client.force_login(user)
        assert client.get(url).status_code == 200
