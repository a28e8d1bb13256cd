from django.urls import path

from . import views

app_name = "fund"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("contributions/add/", views.contribution_add, name="contribution_add"),
    path("terms/", views.terms_list, name="terms_list"),
    path("terms/add/", views.terms_add, name="terms_add"),
    path("terms/<int:pk>/document/", views.terms_file, name="terms_file"),
    path("applications/", views.application_list, name="application_list"),
    path("applications/new/", views.application_add, name="application_add"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/submit/", views.application_submit, name="application_submit"),
    path("applications/<int:pk>/screen/", views.application_screen, name="application_screen"),
    path("applications/<int:pk>/gender-review/", views.application_gender_review, name="application_gender_review"),
    path("applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
    path("applications/<int:pk>/disburse/", views.disbursement_add, name="disbursement_add"),
    path("applications/<int:pk>/final-report/", views.final_report_upload, name="final_report_upload"),
    path("applications/<int:pk>/final-report/download/", views.final_report_download, name="final_report_download"),
    path("applications/<int:pk>/final-report/receive/", views.final_report_receive, name="final_report_receive"),
    path("applications/<int:pk>/close/", views.application_close, name="application_close"),
]
