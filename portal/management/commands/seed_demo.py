from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from portal import demo
from portal.audit import acting_as


class Command(BaseCommand):
    help = "Create the demo county, idempotently, and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Multiply the volume (for benchmarks)."
        )

    def handle(self, *args, scale: int, **options):
        with acting_as(None), transaction.atomic():
            logins = demo.seed(scale=scale, stdout=self.stdout)
            # Each pillar seeds its own data after the county exists, in PORTAL_PILLARS order.
            for app in settings.PORTAL_PILLARS:
                if apps.is_installed(app):
                    try:
                        seed = import_string(f"{app}.demo.seed")
                    except ImportError:
                        continue
                    logins += seed(scale=scale, stdout=self.stdout) or []
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo county ready. Password for every demo login: {demo.DEMO_PASSWORD}"
            )
        )
        width = max(len(name) for name, _ in logins)
        for name, what in logins:
            self.stdout.write(f"  {name.ljust(width)}  {what}")
