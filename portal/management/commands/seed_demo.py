from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from portal import demo, demo_history
from portal.audit import acting_as
from portal.models import User


class Command(BaseCommand):
    help = "Create the demo county, idempotently, and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Multiply the volume (for benchmarks)."
        )

    def handle(self, *args, scale: int, **options):
        with acting_as(None), transaction.atomic():
            # Read once, on the first seeding only: a re-run (every `make run`) leaves the
            # inboxes as the testers left them.
            first_time = not User.objects.filter(username="admin").exists()
            logins = demo.seed(scale=scale, stdout=self.stdout)
            # Each pillar seeds its own data after the county exists, in PORTAL_PILLARS order.
            for app in settings.PORTAL_PILLARS:
                if apps.is_installed(app):
                    try:
                        seed = import_string(f"{app}.demo.seed")
                    except ImportError:
                        continue
                    logins += seed(scale=scale, stdout=self.stdout) or []
            if first_time:
                unread = demo_history.trim_unread(sorted({name for name, _what in logins}))
                self.stdout.write(
                    f"Unread inbox messages on first sign-in: at most {demo_history.UNREAD_KEPT}"
                    f" per demo login ({sum(unread.values())} in all)"
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo county ready. Password for every demo login: {demo.DEMO_PASSWORD}"
            )
        )
        width = max(len(name) for name, _ in logins)
        for name, what in logins:
            self.stdout.write(f"  {name.ljust(width)}  {what}")
