"""Django settings, all from environment variables (see README: "Configuration").

SQLite under var/ with no configuration; `DATABASE_URL` switches to PostgreSQL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

from clemency.web.email_url import parse_email_url
from clemency.web.env import env_bool, env_int, env_list, env_secret, local_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("CLEMENCY_HOME", PACKAGE_DIR.parent.parent)).resolve()
VAR_DIR = Path(os.environ.get("CLEMENCY_VAR_DIR", BASE_DIR / "var")).resolve()

DEBUG = env_bool("DEBUG", False)
TESTING = "pytest" in sys.modules or env_bool("CLEMENCY_TESTING", False)
SECRET_KEY = env_secret("SECRET_KEY") or local_secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files served from the project, never a CDN
    "django_filters",
    "django_tables2",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "clemency.accounts",
    "clemency.audit",
    "clemency.people",
    "clemency.cases",
    "clemency.petitions",
    "clemency.deadlines",
    "clemency.documents",
    "clemency.drafting",
    "clemency.screenings",
    "clemency.transcripts",
    "clemency.advocacy",
    "clemency.campaigns",
    "clemency.outcomes",
    "clemency.dna",
    "clemency.web",
    "clemency.console",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clemency.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "clemency.web.security.RequireMFAMiddleware",
    "clemency.web.security.OutOfRangeInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "clemency.audit.middleware.RequestContextMiddleware",
]

ROOT_URLCONF = "clemency.web.urls"
WSGI_APPLICATION = "clemency.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The platform's own templates first, so they override allauth's (sign-in, MFA pages).
        "DIRS": [PACKAGE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clemency.audit.context_processors.audit_access",
                "clemency.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'clemency.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker share the file: wait for locks instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Sign-in (django-allauth): usernames, no self sign-up, TOTP and recovery codes, rate limits.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "clemency.web.security.AccountAdapter"
ACCOUNT_FORMS = {"login": "clemency.accounts.forms.SignInForm"}
ACCOUNT_LOGOUT_REDIRECT_URL = LOGOUT_REDIRECT_URL
# The session ends when the browser closes, and after SESSION_COOKIE_AGE on the server in any case.
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    # Five wrong passwords for one username lock it for 15 minutes; ten a minute from one address.
    "login_failed": os.environ.get("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/15m/key"),
    "login": os.environ.get("LOGIN_RATE_LIMIT", "30/m/ip"),
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
}
MFA_ADAPTER = "clemency.web.security.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Clemency"
# Admins and attorneys must set up MFA before anything else. Off by default only under pytest,
# where the dedicated tests in web/tests/test_sign_in.py turn it on and prove it is enforced.
CLEMENCY_REQUIRE_MFA = env_bool("CLEMENCY_REQUIRE_MFA", not TESTING)
# Rate limits live in the cache: a file cache under var/ so every gunicorn worker counts together.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        if TESTING
        else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
              "LOCATION": str(VAR_DIR / "cache")}
    )
}

# With REDIS_URL, the cache (rate limits, cached public campaign pages) is shared by every server.
if os.environ.get("REDIS_URL") and not TESTING:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                         "LOCATION": os.environ["REDIS_URL"]}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
     "OPTIONS": {"user_attributes": ["username", "full_name", "first_name", "last_name", "email"]}},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "files"))
# Uploaded files are never served by URL: every download goes through a view that checks access.
MEDIA_URL = None
if TESTING:
    # Django's live test server wraps the app in a media handler that needs a URL; one on another host
    # makes it serve nothing, so browser tests see files only through the download view too.
    MEDIA_URL = "https://media.invalid/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = TESTING or DEBUG

MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Production hardening; `clemency check --deploy` passes with DEBUG=false and HTTPS variables set.
# CLEMENCY_PRODUCTION=true (served over HTTPS) turns on secure cookies, HTTPS redirect and a year of
# HSTS; each can still be set on its own. The default serves plain HTTP on 127.0.0.1 (`make run`).
PRODUCTION = env_bool("CLEMENCY_PRODUCTION", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
# Behind reverse proxies, the client's address is read from X-Forwarded-For, this many proxies from the
# end (audit/client_address.py), for the sign-in rate limits and the audit log alike.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 1)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "clemency.web.security.MFATokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "clemency.web.api.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "clemency.web.security.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Clemency API",
    "DESCRIPTION": "People, cases, convictions, petitions, deadlines and documents of a clemency team.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The schema and its docs page are for signed-in members (the API itself is; the map need not be public).
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Two pipelines share the field name "status": name each enum after its model.
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "clemency.cases.models.CaseStatus",
        "PetitionStatusEnum": "clemency.petitions.models.PetitionStatus",
        "ScreeningRunStatusEnum": "clemency.screenings.models.RunStatus",
        "DecisionOutcomeEnum": "clemency.petitions.models.DecisionOutcome",
        "CampaignOutcomeEnum": "clemency.campaigns.models.Outcome",
    },
}

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING and not env_bool("CLEMENCY_TASKS_IN_DATABASE", False)
            else "django_tasks_db.backend.DatabaseBackend"
        ),
    }
}

# E-mail (see web/mail.py): queued for the background worker, then sent through EMAIL_URL (SMTP), or
# with no EMAIL_URL written to the outbox folder under var/, which team admins read at /mail/outbox/.
EMAIL_BACKEND = "clemency.web.mail.QueuedEmailBackend"
EMAIL_OUTBOX_DIR = Path(os.environ.get("EMAIL_OUTBOX_DIR", VAR_DIR / "outbox"))
_MAIL = parse_email_url(env_secret("EMAIL_URL"))
EMAIL_TRANSPORT: str = _MAIL["EMAIL_TRANSPORT"]
EMAIL_HOST: str = _MAIL["EMAIL_HOST"]
EMAIL_PORT: int = _MAIL["EMAIL_PORT"]
EMAIL_HOST_USER: str = _MAIL["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD: str = _MAIL["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS: bool = _MAIL["EMAIL_USE_TLS"]
EMAIL_USE_SSL: bool = _MAIL["EMAIL_USE_SSL"]
EMAIL_TIMEOUT: int = _MAIL["EMAIL_TIMEOUT"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Clemency <clemency@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address the public reaches this install at, for links in e-mail (no request to read it from).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
}
