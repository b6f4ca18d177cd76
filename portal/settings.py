"""Settings of the county portal, read from the environment through `portal.env`.

Nothing set means the embedded default of `make run`: SQLite and a file broker in `var/`.
"""

from datetime import timedelta

import dj_database_url
from celery.schedules import crontab

from portal import env

BASE_DIR = env.BASE_DIR
VAR_DIR = env.VAR_DIR

# --- Core -------------------------------------------------------------------------------------

SECRET_KEY = env.secret_key()
DEBUG = env.flag("DEBUG")
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Hosts that serve the staff workbench (内网); empty means every host does.
STAFF_HOSTS = env.words("STAFF_HOSTS")
# The public address of the portal, for links in e-mail and SMS.
SITE_URL = env.text("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Planned maintenance: every write answers 503 "not stored, try later", reads keep working
# (portal.maintenance); Retry-After tells clients when to come back, in seconds.
MAINTENANCE = env.flag("MAINTENANCE")
MAINTENANCE_RETRY_AFTER = env.integer("MAINTENANCE_RETRY_AFTER", 300)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "guardian",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "portal",
    "supervision",
    "disclosure",
    "approvals",
    "petitions",
    "evaluation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response, error pages included (portal.content_policy).
    "portal.content_policy.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.StaffHostMiddleware",
    "portal.middleware.StaffSecondFactorMiddleware",
    # After the CSRF check: writes refused in maintenance, or by the database, answer 503.
    "portal.maintenance.WriteRefusalMiddleware",
    # Control characters and overlong query values: 400 before any view reads them.
    "portal.input_guard.HostileInputMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Reads of public pages and dashboards from a replica, when one is configured.
    "portal.replicas.ReplicaReadsMiddleware",
    # Last, so that a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env.text("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        # Opening a connection per request cuts throughput to a third: keep them.
        conn_max_age=env.integer("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server, the worker and beat share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A PostgreSQL read replica serves anonymous public pages and these dashboards (docs/SCALING.md).
if DATABASE_REPLICA_URL := env.text("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["portal.replicas.ReplicaRouter"]
REPLICA_READ_VIEWS = {
    "supervision:dashboard",
    "supervision:brief",
    "supervision:brief_detail",
    "petitions:interaction_figures",
    "evaluation:staff_statistics",
    "approvals:stats",
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, broker and background work --------------------------------------------------------

REDIS_URL = env.text("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis when it answers, this process's memory when it does not (portal/cache.py).
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # A cache answer slower than this is worse than a miss.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # A file cache is shared by the web server and the worker, unlike local memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# kombu warns about a missing host on a bare "filesystem://"; the host part is ignored.
CELERY_BROKER_URL = REDIS_URL or "filesystem://localhost/"
if not REDIS_URL:
    # kombu's filesystem transport needs no server: `make run` works on a bare machine.
    # It expects its folders to exist, in the web server and the worker alike.
    _BROKER_DIR = VAR_DIR / "broker"
    for _folder in ("queue", "processed", "control"):
        (_BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_BROKER_DIR / "queue"),
        "data_folder_out": str(_BROKER_DIR / "queue"),
        "processed_folder": str(_BROKER_DIR / "processed"),
        "control_folder": str(_BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    # A task a killed worker had taken goes back to the queue after this many seconds (tasks
    # are acknowledged late); it must exceed the longest task and countdown.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.integer("BROKER_VISIBILITY_TIMEOUT", 3600)
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_TASK_ALWAYS_EAGER = env.flag("CELERY_TASK_ALWAYS_EAGER")
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Every time-based rule of the portal, in one place.
CELERY_BEAT_SCHEDULE = {
    # Messages whose first hand-off to the broker failed (broker down) are sent from here.
    "notifications-flush-outbox": {
        "task": "portal.tasks.flush_outbox",
        "schedule": timedelta(minutes=1),
    },
    # Figures the public pages read instead of grouping all history (`portal.snapshots`).
    "portal-refresh-snapshots": {
        "task": "portal.tasks.refresh_snapshots",
        "schedule": timedelta(minutes=10),
    },
    # Expired SMS codes hold mobile numbers and prove nothing: gone after a day.
    "portal-purge-phone-codes": {
        "task": "portal.tasks.purge_phone_codes",
        "schedule": crontab(hour=3, minute=15),
    },
    # Lights, urge notices (yellow), supervision notices (red) and the second grade.
    "supervision-sweep-clocks": {
        "task": "supervision.tasks.sweep_clocks",
        "schedule": timedelta(minutes=1),
    },
    # A year the calendar table does not know raises an admin alert until it is loaded.
    "supervision-check-calendar": {
        "task": "supervision.tasks.check_calendar_years",
        "schedule": crontab(hour=1, minute=0),
    },
    # Walk the hash chains of the event tables; a broken one raises a serious alert (issue 16).
    "supervision-verify-audit": {
        "task": "supervision.tasks.verify_audit",
        "schedule": crontab(hour=2, minute=30),
    },
    # The leader brief (领导参阅) of last month, stored and delivered on the month's first
    # working day (the task checks the calendar; a day missed is caught up the next morning).
    "supervision-generate-brief": {
        "task": "supervision.tasks.generate_brief",
        "schedule": crontab(hour=7, minute=0),
    },
    # 行政许可法 Art 32: no one-time notice within 5 WD means the case counts as accepted.
    "approvals-deem-accepted": {
        "task": "approvals.tasks.deem_accepted",
        "schedule": timedelta(minutes=10),
    },
    # A case past its legal limit (法定办结时限) raises a serious alert beside the clock's red.
    "approvals-check-legal-limits": {
        "task": "approvals.tasks.check_legal_limits",
        "schedule": timedelta(minutes=10),
    },
    # Safety net for rating warnings: recount the month's and year's dissatisfied votes nightly
    # and raise any warning a vote missed (votes raise them at once; this only catches up).
    "evaluation-check-tallies": {
        "task": "evaluation.tasks.check_tallies",
        "schedule": crontab(hour=0, minute=30),
    },
}

# --- People, login and permissions ------------------------------------------------------------

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "portal.backends.PortalLoginBackend",
    "guardian.backends.ObjectPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:account"
LOGOUT_REDIRECT_URL = "portal:home"

# Sessions are read from Redis and written through to the database, which stays the record: an
# outage of Redis logs nobody out (portal/cache.py serves the misses from the database).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_AGE = env.integer("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False

# Failed sign-ins lock an account from one address at 5, an account from every address at a
# higher limit (so a stranger cannot lock a citizen out everywhere with a few tries) and an
# address trying many accounts at a higher one still (LOCKOUT_LIMITS, in the order of
# AXES_LOCKOUT_PARAMETERS); see portal/lockout.py.
AXES_HANDLER = "portal.lockout.PortalLockoutHandler"
AXES_USERNAME_CALLABLE = "portal.lockout.canonical_username"
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
LOCKOUT_LIMITS = [
    AXES_FAILURE_LIMIT,
    env.integer("LOCKOUT_ACCOUNT_LIMIT", 15),
    env.integer("LOCKOUT_ADDRESS_LIMIT", 20),
]
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("AXES_COOLOFF_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"

# The client's address behind the reverse proxy (portal/addresses.py): X-Forwarded-For is read
# only from the proxies listed (addresses or networks) or, failing that, the given number of
# proxies in front of the portal; with neither, it is ignored, since anyone can forge it.
TRUSTED_PROXIES = env.words("TRUSTED_PROXIES")
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "portal.addresses.client_address"

# Staff who signed in with a password must also enter a code of their authenticator app (TOTP)
# before any page but the open site; they link the app the first time.
STAFF_REQUIRE_2FA = env.flag("STAFF_REQUIRE_2FA")
OTP_TOTP_ISSUER = env.text("OTP_TOTP_ISSUER", "青山县政府门户")  # shown in authenticator apps
# Password reset e-mails a client may ask for each hour, per account and per client address.
PASSWORD_RESET_PER_ACCOUNT_PER_HOUR = env.integer("PASSWORD_RESET_PER_ACCOUNT_PER_HOUR", 3)
PASSWORD_RESET_PER_ADDRESS_PER_HOUR = env.integer("PASSWORD_RESET_PER_ADDRESS_PER_HOUR", 10)
# SMS verification codes (portal/phone_codes.py): valid minutes, wrong tries allowed, and how
# often one number and one client address may ask for codes (a wait between two, a cap an hour).
SMS_CODE_VALID_MINUTES = env.integer("SMS_CODE_VALID_MINUTES", 10)
SMS_CODE_MAX_FAILED = env.integer("SMS_CODE_MAX_FAILED", 5)
SMS_CODE_RESEND_SECONDS = env.integer("SMS_CODE_RESEND_SECONDS", 60)
SMS_CODE_PER_MOBILE_PER_HOUR = env.integer("SMS_CODE_PER_MOBILE_PER_HOUR", 5)
SMS_CODE_PER_ADDRESS_PER_HOUR = env.integer("SMS_CODE_PER_ADDRESS_PER_HOUR", 20)
# Real-name verification against the public-security database (portal/realname.py): the dotted
# path of a verifier; the default checks the number's format only and says so on the page.
REAL_NAME_VERIFIER = env.text("REAL_NAME_VERIFIER", "portal.realname.FormatOnlyVerifier")

# Object permissions live in direct foreign-key tables per model (see docs/ARCHITECTURE.md).
GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None
GUARDIAN_MONKEY_PATCH_USER = False

# --- Internationalisation ---------------------------------------------------------------------

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static files and uploads -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
_NODE = BASE_DIR / "node_modules"
STATICFILES_DIRS = [BASE_DIR / "static"] + [
    (prefix, _NODE / path)
    for prefix, path in [
        ("vendor/bootstrap", "bootstrap/dist"),
        ("vendor/bootstrap-icons", "bootstrap-icons/font"),
        ("vendor/htmx", "htmx.org/dist"),
        ("vendor/chartjs", "chart.js/dist"),
    ]
    if (_NODE / path).is_dir()
]
STORAGES = {
    # Uploads live outside the web root and are served only by views that check access.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files written by `collectstatic` (make run, the Dockerfile).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = VAR_DIR / "uploads"
# Never served directly: views check access, then stream the file.
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
UPLOAD_MAX_BYTES = env.integer("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# Decoding an image takes about 4 bytes a pixel, twice while its metadata is stripped, one image
# at a time per process: 50 MP (a phone's full-resolution photo, 8160×6120) peaks near 450 MB
# over the worker's own; a 20,000×20,000 "photo" is refused from its header, before decoding.
# Pillow's own bomb limit (Image.MAX_IMAGE_PIXELS) is set from this at start-up.
UPLOAD_MAX_PIXELS = env.integer("UPLOAD_MAX_PIXELS", 50_000_000)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Notifications ----------------------------------------------------------------------------

# "file" writes each SMS to var/sms/; "console" prints it; "http" posts it to SMS_GATEWAY_URL.
SMS_BACKEND = env.text("SMS_BACKEND", "file")
SMS_GATEWAY_URL = env.text("SMS_GATEWAY_URL")
SMS_GATEWAY_TOKEN = env.text("SMS_GATEWAY_TOKEN")
SMS_SIGNATURE = env.text("SMS_SIGNATURE", "【县政务服务】")
SMS_FILE_PATH = VAR_DIR / "sms"

EMAIL_BACKEND = env.text("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "县政务服务网 <noreply@portal.example.gov.cn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------------------------

# Behind TLS (production) set HTTPS=1: secure cookies, HSTS and the redirect follow.
HTTPS = env.flag("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.flag("BEHIND_PROXY") else None
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script or style anywhere (the admin alone may inline styles: portal.content_policy);
# no third-party origin: every script, style, font and image is served from the portal itself.
# `data:` images are Bootstrap's own icons (form validation, the navbar toggler).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Django's own CSRF failure page carries an inline <style>: ours is the portal's 403 page.
CSRF_FAILURE_VIEW = "portal.views.errors.csrf_failure"

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies and identities never reach the log: only method, path and status.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}

# --- The pillars' settings ---------------------------------------------------------------------

from portal.pillar_settings import *  # noqa: E402, F403

CELERY_BEAT_SCHEDULE |= PILLAR_BEAT_SCHEDULE  # noqa: F405
