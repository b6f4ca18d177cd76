import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from supervision.services import notices, sweep


class Command(BaseCommand):
    help = "Move deadline lights and issue urge / supervision notices as of now (or --now)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", help="Sweep as of this moment, ISO 8601 (local time if no offset)."
        )

    def handle(self, *args, now=None, **options):
        moment = None
        if now:
            try:
                moment = datetime.datetime.fromisoformat(now)
            except ValueError as error:
                raise CommandError(f"--now must be an ISO 8601 date-time: {error}") from None
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        result = sweep.sweep_clocks(now=moment)
        sent = notices.notify_pending()
        self.stdout.write(
            f"yellow {result.yellow}, red {result.red}, notices {result.notices}, "
            f"second grade {result.second_grade}, notified {sent}"
        )
