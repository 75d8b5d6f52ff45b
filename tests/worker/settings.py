"""A real Celery worker's settings in tests/worker: the test settings, with
mail sent over SMTP to the test's own server, the broker and queue the test
names, and only the e-mail sweep on its schedule, every second."""

from shop.settings.test import *  # noqa: F403
from shop.settings.test import env

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = env.int("TEST_SMTP_PORT")
EMAIL_TIMEOUT = 20
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE")
SHOP_EMAIL_SWEEP_SECONDS = 1
SHOP_EMAIL_CLAIM_SECONDS = env.int("SHOP_EMAIL_CLAIM_SECONDS", default=4)
CELERY_BEAT_SCHEDULE = {
    "send due e-mails": {
        "task": "shop.commerce.outbox.tasks.send_due_emails",
        "schedule": SHOP_EMAIL_SWEEP_SECONDS,
    }
}
