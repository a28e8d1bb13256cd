from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/api-tokens/new/", views.api_token_create, name="api_token_create"),
    path("profile/api-tokens/<int:pk>/", views.api_token_created, name="api_token_created"),
    path("profile/api-tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("api-tokens/", views.api_token_list, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", views.api_token_revoke_any, name="api_token_revoke_any"),
    path("delegates/", views.delegate_list, name="delegates"),
    path("delegates/invite/", views.delegate_invite, name="invite"),
    path("<int:pk>/deactivate/", views.user_deactivate, name="deactivate"),
    path("invitation/<uidb64>/<token>/", views.AcceptInviteView.as_view(), name="accept_invite"),
]
