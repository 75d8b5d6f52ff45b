"""``manage.py run_schedule``: the periodic jobs of CELERY_BEAT_SCHEDULE run
in this process, for a shop with no broker (``make run`` starts it beside
the development server). With a broker, ``celery -A shop beat`` queues the
same jobs for the worker instead, and this command refuses to run."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from kombu.utils.imports import symbol_by_name


class Command(BaseCommand):
    help = (
        "Run the scheduler's periodic jobs (e-mail retries, payment checks, "
        "retention) in this process, for a shop without a broker. Ctrl-C stops it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once and stop."
        )

    def handle(self, *args, once, **options):
        if settings.CELERY_BROKER_URL:
            raise CommandError(
                "A broker is configured: run `celery -A shop beat` and a worker."
            )
        jobs = {
            # A task's name is its dotted path (shared_task's default).
            name: (symbol_by_name(entry["task"]), _schedule(entry["schedule"]))
            for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        }
        last_run = dict.fromkeys(jobs)
        while True:
            for name, (task, schedule) in jobs.items():
                if once or last_run[name] is None or schedule.is_due(last_run[name])[0]:
                    last_run[name] = timezone.now()
                    self.stdout.write(f"{name}: {task.apply().get()}")
            if once:
                return
            time.sleep(1)


def _schedule(value):
    """Beat's entries are seconds or schedule objects (crontab)."""
    from celery.schedules import schedule

    return schedule(value) if isinstance(value, int | float) else value
