from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import two_factor as views_2fa
from accounts import views as accounts_views

from . import api, views

# 400, 403 and 404 use Django's handlers and templates/<code>.html; the 500 page renders without the
# database (core.views.server_error).
handler500 = "core.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("accounts/two-factor/", views_2fa.setup, name="two_factor_setup"),
    path("accounts/two-factor/verify/", views_2fa.verify, name="two_factor_verify"),
    path("accounts/password_reset/", accounts_views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("people/", include("accounts.urls")),
    path("states/", include("states.urls")),
    path("committees/", include("committee.urls")),
    path("reports/", include("reporting.urls")),
    path("fund/", include("fund.urls")),
    path("meetings/", include("meetings.urls")),
    path("reminders/", include("reminders.urls")),
    path("workplan/", include("workplan.urls")),
    path("questionnaires/", include("questionnaires.urls")),
    path("conclusions/", include("conclusions.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("api/", include(api.router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
