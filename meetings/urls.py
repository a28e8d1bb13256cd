from django.urls import path

from . import views

app_name = "meetings"

# Fixed paths first: a meeting's code never takes one of these words (see services.RESERVED_CODES).
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("calendar.ics", views.calendar_public, name="calendar_public"),
    path("calendar/committee/<slug:slug>.ics", views.calendar_committee, name="calendar_committee"),
    path("calendar/state/<str:iso3>.ics", views.calendar_state, name="calendar_state"),
    path("documents/<int:pk>/download/", views.document_download, name="document_download"),
    path("documents/<int:pk>/edit/", views.document_update, name="document_update"),
    path("speakers/<int:pk>/edit/", views.speaker_update, name="speaker_update"),
    path("speakers/<int:pk>/delete/", views.speaker_delete, name="speaker_delete"),
    path("follow-ups/", views.followup_list, name="followup_list"),
    path("follow-ups/<int:pk>/", views.followup_detail, name="followup_detail"),
    path("follow-ups/<int:pk>/edit/", views.followup_update, name="followup_update"),
    path("bilaterals/plan/", views.series_plan, name="series_plan"),
    path("bilaterals/<int:pk>/", views.series_detail, name="series_detail"),
    path("individualised-approach/", views.ia_list, name="ia_list"),
    path("individualised-approach/new/", views.ia_create, name="ia_create"),
    path("individualised-approach/<int:pk>/", views.ia_detail, name="ia_detail"),
    path("individualised-approach/<int:pk>/edit/", views.ia_update, name="ia_update"),
    path("individualised-approach/<int:pk>/advance/", views.ia_advance, name="ia_advance"),
    path("priority-actions/", views.priority_list, name="priority_list"),
    path("priority-actions/new/", views.priority_create, name="priority_create"),
    path("priority-actions/periods/new/", views.period_create, name="period_create"),
    path("priority-actions/<int:pk>/edit/", views.priority_update, name="priority_update"),
    path("<slug:code>/", views.meeting_detail, name="detail"),
    path("<slug:code>/edit/", views.meeting_update, name="update"),
    path("<slug:code>/calendar.ics", views.meeting_ics, name="ics"),
    path("<slug:code>/documents/add/", views.document_add, name="document_add"),
    path("<slug:code>/speakers/add/", views.speaker_add, name="speaker_add"),
    path("<slug:code>/follow-ups/add/", views.followup_create, name="followup_create"),
]
