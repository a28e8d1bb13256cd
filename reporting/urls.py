from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("mine/", views.my_reports, name="mine"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/ca-without-gender/", views.ca_without_gender, name="ca_without_gender"),
    path("inbox/compliance.csv", views.compliance_csv, name="compliance_csv"),
    path("cycles/", views.cycle_list, name="cycle_list"),
    path("cycles/<year:year>/", views.cycle_settings, name="cycle_settings"),
    path("<str:iso3>/", views.state_reports, name="state_reports"),
    path("<str:iso3>/photos/<int:pk>/", views.report_photo, name="photo"),
    path("<str:iso3>/<year:year>/", views.public_report, name="public"),
    path("<str:iso3>/<year:year>/manage/", views.report_overview, name="overview"),
    path("<str:iso3>/<year:year>/start/", views.report_start, name="start"),
    path("<str:iso3>/<year:year>/edit/", views.report_edit, name="edit"),
    path("<str:iso3>/<year:year>/submit/", views.report_submit, name="submit"),
    path("<str:iso3>/<year:year>/amend/", views.report_amend, name="amend"),
    path("<str:iso3>/<year:year>/amend/discard/", views.report_amend_discard, name="amend_discard"),
    path("<str:iso3>/<year:year>/versions/", views.versions_compare, name="versions"),
    path("<str:iso3>/<year:year>/versions/pdf/", views.versions_compare_pdf, name="versions_pdf"),
    path("<str:iso3>/<year:year>/remarks/<str:section>/", views.section_remarks, name="section_remarks"),
    path("<str:iso3>/<year:year>/v<int:number>/recall/", views.report_version_recall, name="recall"),
    path("<str:iso3>/<year:year>/v<int:number>/reinstate/", views.report_version_reinstate, name="reinstate"),
    path("<str:iso3>/<year:year>/v<int:number>/", views.public_report, name="version"),
    path("<str:iso3>/<year:year>/v<int:number>/print/", views.version_print, name="print"),
    path("<str:iso3>/<year:year>/v<int:number>/pdf/", views.version_pdf, name="pdf"),
    path("<str:iso3>/<year:year>/v<int:number>/document/", views.version_document, name="document"),
]
