from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import import_string

from portal import demo, demo_history, snapshots
from portal.audit import acting_as
from portal.models import User

COUNTY_SCALES = ("small", "county", "10x")


class Command(BaseCommand):
    help = "Create the demo county, idempotently, and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            default="1",
            help="Benchmarks: a number multiplies the citizens; `county`, `10x` (or `small`) then"
            " bulk-load a county's history (bench/loaders/county.py, PostgreSQL only).",
        )

    def handle(self, *args, scale: str, **options):
        if scale in COUNTY_SCALES:
            self.seed(1)
            self.load_county(scale)
            return
        if not scale.isdigit() or int(scale) < 1:
            raise CommandError(
                f"--scale takes a positive number, county, 10x or small, not {scale!r}"
            )
        self.seed(int(scale))

    def load_county(self, scale: str) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(f"--scale {scale} needs PostgreSQL (DATABASE_URL).")
        # Benchmark code lives in bench/, outside the apps; it is imported only on this path.
        county = import_module("bench.loaders.county")
        self.stdout.write(f"Loading a county's history ({scale}) …")
        with acting_as(None):
            added = county.load(county.SCALES[scale], stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"County history ({scale}) loaded in {added['seconds']} s")
        )
        # The loader writes the base tables only: the figures the pages read are built from them.
        call_command("rebuild_summaries", stdout=self.stdout)
        snapshots.refresh()

    def seed(self, scale: int) -> None:
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
