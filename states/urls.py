from django.urls import path

from . import views

app_name = "states"

urlpatterns = [
    path("", views.state_list, name="list"),
    path("changes/", views.membership_changes, name="membership_changes"),
    path("<str:iso3>/", views.state_detail, name="detail"),
]
