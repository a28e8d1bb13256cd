from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from core.panels import collect


def home(request):
    """Send each role to where its work is: delegates (and a State's read-only users) to their State, the
    committee to the dashboard."""
    user = request.user
    if user.is_authenticated and user.is_state_user:
        panels = collect("my_state", request=request, state=user.state)
        return render(request, "home_delegate.html", {"state": user.state, "panels": panels})
    if user.is_authenticated and user.is_committee:
        try:
            return redirect(reverse("dashboard:index"))
        except NoReverseMatch:
            pass
    return render(request, "home.html")


def healthz(request):
    """Database and broker status, for a load balancer."""
    status = {"database": "ok", "broker": "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "ok"}
    code = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        status["database"] = "error"
        code = 503
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
        except Exception:  # noqa: BLE001
            status["broker"] = "error"
            code = 503
    return JsonResponse(status, status=code)
