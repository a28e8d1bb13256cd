from django.urls import path

from . import views

app_name = "committee"

urlpatterns = [
    path("", views.committee_list, name="list"),
    path("<slug:slug>/", views.committee_detail, name="detail"),
    path("<slug:slug>/members/add/", views.membership_add, name="membership_add"),
    path("<slug:slug>/year/", views.year_set, name="year_set"),
]
