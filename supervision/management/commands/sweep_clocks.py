from django.core.management.base import BaseCommand

from portal import command_clock
from supervision.services import notices, sweep


class Command(BaseCommand):
    help = "Move deadline lights and issue urge / supervision notices as of now (or --now)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", help="Sweep as of this moment, ISO 8601 (local time if no offset)."
        )
        command_clock.add_force_argument(parser)

    def handle(self, *args, now=None, force=False, **options):
        moment = command_clock.parse_moment(now, force=force) if now else None
        result = sweep.sweep_clocks(now=moment)
        sent = notices.notify_pending()
        self.stdout.write(
            f"yellow {result.yellow}, red {result.red}, notices {result.notices}, "
            f"second grade {result.second_grade}, notified {sent}"
        )
