from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("delegates/", views.delegate_list, name="delegates"),
    path("delegates/invite/", views.delegate_invite, name="invite"),
    path("<int:pk>/deactivate/", views.user_deactivate, name="deactivate"),
    path("invitation/<uidb64>/<token>/", views.AcceptInviteView.as_view(), name="accept_invite"),
]
