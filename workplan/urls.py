from django.urls import path

from . import views

app_name = "workplan"

urlpatterns = [
    path("", views.index, name="index"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", views.item_update, name="item_update"),
    path("items/<int:pk>/panels/", views.item_panels, name="item_panels"),
    path("items/<int:pk>/statements/add/", views.statement_create, name="statement_create"),
    path("items/<int:pk>/contacts/", views.contacts, name="contacts"),
    path("items/<int:pk>/contacts/add/", views.contact_create, name="contact_create"),
    path("statements/<int:pk>/edit/", views.statement_update, name="statement_update"),
    path("statements/<int:pk>/delete/", views.statement_delete, name="statement_delete"),
    path("contacts/<int:pk>/edit/", views.contact_update, name="contact_update"),
    path("contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("<slug:slug>/<year:year>/", views.workplan_list, name="list"),
    path("<slug:slug>/<year:year>/add/", views.item_create, name="item_create"),
    path("<slug:slug>/<year:year>/outputs/", views.outputs, name="outputs"),
]
