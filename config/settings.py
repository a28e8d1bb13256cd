"""Settings for the Cooperation and Assistance committee app.

Every deployment difference comes from the environment; with nothing set the app runs on the
embedded default (SQLite, eager Celery, e-mails written to var/mail).
"""

from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=True)
# For development only: with DEBUG off this key (or none) is a system check error (core/checks.py).
DEV_SECRET_KEY = "insecure-embedded-default-key-change-me-in-production-0123456789"
SECRET_KEY = env("SECRET_KEY", default=DEV_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# How many reverse proxies (load balancers) stand in front of the app and append to
# X-Forwarded-For; 0 means clients connect directly. Used to find the client's address by axes and
# by the API throttles (deploy/README.md).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "states",
    "committee",
    "accounts",
    "reporting",
    "fund",
    "meetings",
    "reminders",
    "workplan",
    "questionnaires",
    "conclusions",
    "dashboard",
    "ops",
    "core",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.ControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.RefusedAccessAuditMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Invitation and password-reset links expire after this many seconds (default 3 days).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 3600)

OTP_TOTP_ISSUER = "APMBC Cooperation and Assistance"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# Lock out by the client's address, not the load balancer's (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env("TIME_ZONE", default="Europe/Zurich")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"  # never routed: uploads are served by views that check access
# Limits (README.md, deploy/README.md): one uploaded file; the form fields of a request (Django's
# own limit, files excluded); the whole body, refused with 413 before it is read.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2 * 1024 * 1024)
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=UPLOAD_MAX_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE)
FILE_UPLOAD_PERMISSIONS = 0o640

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The online Article 7 reporting tool (the conclusions say when it was launched) and the committee the
# Cooperation and Assistance Fund reports through (its conclusions describe the Fund's year).
REPORTING_ONLINE_TOOL_LAUNCHED = env.int("REPORTING_ONLINE_TOOL_LAUNCHED", default=2022)
FUND_COMMITTEE = env("FUND_COMMITTEE", default="cooperation-assistance")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True) or files in var/mail by default.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="isu@apminebanconvention.org")
_email_url = env("EMAIL_URL", default="")
if _email_url:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
    EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=BASE_DIR / "var" / "mail")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# Celery: eager without REDIS_URL (embedded default), a real broker with it.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
# No result backend: nothing reads task results (progress lives in the database), and Celery's
# Redis result backend made every publish wait ~20 s for it when Redis was down.
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Europe/Zurich"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# No request waits on a broker outage: short timeouts, one immediate publish retry (a pooled
# connection Redis closed), then the work goes to ops.PendingTask, and for BROKER_BREAKER_SECONDS
# straight there without trying (see ops/tasks.py).
BROKER_CONNECT_TIMEOUT = env.float("BROKER_CONNECT_TIMEOUT", default=0.3)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,  # no task ETA/countdown may exceed this
    "socket_timeout": 2,
    "socket_connect_timeout": BROKER_CONNECT_TIMEOUT,
    "retry_on_timeout": False,
}
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_CONNECT_TIMEOUT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0, "interval_max": 0}
BROKER_BREAKER_SECONDS = env.int("BROKER_BREAKER_SECONDS", default=30)

# Caches: the rate limits (core/ratelimit.py) and the API throttles count in Redis when there is
# one, so that every worker process shares them; in process memory otherwise.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "apmbc-ratelimit",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "apmbc-ratelimit"},
    "api": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "apmbc-api",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "apmbc-api"},
}
# "N/s", "N/m", "N/h" or "N/15m": per client address (and per e-mail address for password resets).
PUBLIC_PDF_RATE = env("PUBLIC_PDF_RATE", default="10/m")
PASSWORD_RESET_RATE_PER_CLIENT = env("PASSWORD_RESET_RATE_PER_CLIENT", default="10/h")
PASSWORD_RESET_RATE_PER_ADDRESS = env("PASSWORD_RESET_RATE_PER_ADDRESS", default="3/h")
# Deadline reminders (read by reminders/policy.py; these are the defaults).
REMINDER_OFFSETS_DAYS = env.list("REMINDER_OFFSETS_DAYS", cast=int, default=[60, 30, 14, 7, 1])
REMINDER_OVERDUE_FIRST_DAYS = env.int("REMINDER_OVERDUE_FIRST_DAYS", default=1)
REMINDER_OVERDUE_EVERY_DAYS = env.int("REMINDER_OVERDUE_EVERY_DAYS", default=14)
REMINDER_HOUR = env.int("REMINDER_HOUR", default=8)  # Geneva time (CELERY_TIMEZONE)
# A reminder claimed but not sent this long after (worker killed, Redis down) is sent again by the
# reaper (beat, every 5 minutes); more than a send task's longest retry wait (reminders/tasks.py).
REMINDER_STALE_AFTER_MINUTES = env.int("REMINDER_STALE_AFTER_MINUTES", default=10)
from celery.schedules import crontab  # noqa: E402

from reminders.schedule import beat_schedule  # noqa: E402  (no Django imports in that module)

CELERY_BEAT_SCHEDULE = {
    **beat_schedule(hour=REMINDER_HOUR),
    "flush-pending-tasks": {"task": "ops.flush_pending_tasks", "schedule": 60.0},
    "questionnaires-circulate-due": {
        "task": "questionnaires.tasks.circulate_due",
        "schedule": crontab(hour=REMINDER_HOUR, minute=5),
    },
    # Yearly, 1 December: open the cycle that becomes current on 1 January (idempotent).
    "reporting-open-next-cycle": {
        "task": "reporting.tasks.open_next_cycle",
        "schedule": crontab(hour=REMINDER_HOUR, minute=10, day_of_month=1, month_of_year=12),
    },
}


# The read-only API (/api/): people use their browser session (with its CSRF check), scripts a
# personal token (`Authorization: Bearer <token>`) made on their profile page. No HTTP Basic.
API_TOKEN_DEFAULT_DAYS = env.int("API_TOKEN_DEFAULT_DAYS", default=90)
API_TOKEN_MAX_DAYS = env.int("API_TOKEN_MAX_DAYS", default=365)
API_TOKEN_MAX_PER_USER = env.int("API_TOKEN_MAX_PER_USER", default=10)
# Making a token asks for the two-factor code again unless it was entered this recently.
API_TOKEN_OTP_FRESH_MINUTES = env.int("API_TOKEN_OTP_FRESH_MINUTES", default=10)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "config.api_schema.ApiAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",  # first: its 401 names the Bearer scheme
        "accounts.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": [
        "accounts.throttles.AnonThrottle",
        "accounts.throttles.UserThrottle",
        "accounts.throttles.TokenThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/minute"),
        "user": env("API_THROTTLE_USER", default="600/minute"),
        "token": env("API_THROTTLE_TOKEN", default="120/minute"),
    },
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "APMBC Cooperation and Assistance API",
    "DESCRIPTION": (
        "Read-only data of the Committee on the Enhancement of Cooperation and Assistance.\n\n"
        "**Authentication.** Public data needs none. In a browser, the session you signed in with "
        "is used. Scripts send a personal token, created (and revoked) on their profile page: "
        "`Authorization: Bearer <token>`. A token reads what its owner may read, expires (at most "
        "after a year) and answers 401 once expired or revoked. HTTP Basic is not accepted.\n\n"
        "**Limits.** Requests are throttled per address (anonymous), per person and per token; "
        "past the limit the answer is 429 with a `Retry-After` header."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets that share a field name across the report's rows get their own, stable names.
    "ENUM_NAME_OVERRIDES": {
        "PurposeEnum": "reporting.models.Purpose",
        "TransferPurposeEnum": "reporting.models.TransferPurpose",
    },
}

# Sessions: an idle timeout (renewed on every request) and an absolute lifetime since login.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=2 * 3600)
SESSION_ABSOLUTE_LIFETIME = env.int("SESSION_ABSOLUTE_LIFETIME", default=12 * 3600)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Production hardening, on whenever DEBUG is off (`manage.py check --deploy` is clean).
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
# A form refused for its CSRF token answers in the site's layout and the reader's language.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=["security.W021"])  # HSTS preload is opt-in

# Content Security Policy (Django's built-in): scripts only from our own static files or with the
# request's nonce; inline style attributes stay allowed for server-rendered SVG charts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
