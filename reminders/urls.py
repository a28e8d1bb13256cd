from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("", views.index, name="index"),
    path("sent/", views.sent, name="sent"),
    path("sent/<int:pk>/retry/", views.retry, name="retry"),
    path("states/<str:iso3>/", views.state_detail, name="state"),
    path("states/<str:iso3>/pause/", views.pause, name="pause"),
    path("pauses/<int:pk>/resume/", views.resume, name="resume"),
]
