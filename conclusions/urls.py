from django.urls import path

from . import views

app_name = "conclusions"

doc = "<slug:slug>/<str:code>/"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_create, name="create"),
    path(doc, views.document_detail, name="detail"),
    path(doc + "pdf/<str:language>/", views.document_pdf, name="pdf"),
    path(doc + "preview/<str:language>/", views.document_preview, name="preview"),
    path(doc + "edit/", views.document_edit, name="edit"),
    path(doc + "settings/", views.document_settings, name="settings"),
    path(doc + "header/<str:language>/", views.version_edit, name="header"),
    path(doc + "languages/add/", views.language_add, name="language_add"),
    path(doc + "sections/add/", views.section_add, name="section_add"),
    path(doc + "sections/<int:pk>/", views.section_edit, name="section_edit"),
    path(doc + "sections/<int:section>/paragraphs/add/", views.paragraph_add, name="paragraph_add"),
    path(doc + "paragraphs/<int:pk>/", views.paragraph_edit, name="paragraph_edit"),
    path(doc + "paragraphs/<int:pk>/move/", views.paragraph_move, name="paragraph_move"),
    path(doc + "paragraphs/<int:pk>/delete/", views.paragraph_delete, name="paragraph_delete"),
    path(doc + "generate/", views.document_generate, name="generate"),
    path(doc + "finalise/<str:language>/", views.document_finalise, name="finalise"),
    path(doc + "export-all/", views.export_all, name="export_all"),
    path(doc + "export-all/<int:pk>/status/", views.batch_status, name="batch_status"),
    path(doc + "export-all/<int:pk>/download/", views.batch_download, name="batch_download"),
    path(doc + "exports/", views.export_list, name="exports"),
    path(doc + "exports/<int:pk>/", views.export_download, name="export_download"),
]
