from django.core.management.base import BaseCommand

from disclosure.services.columns import columns_check
from portal import command_clock


class Command(BaseCommand):
    help = (
        "Raise supervision alerts for stale disclosure columns and for articles not published "
        "within 20 working days, as of today (or --today)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Check as of this date, YYYY-MM-DD.")
        command_clock.add_force_argument(parser)

    def handle(self, *args, today=None, force=False, **options):
        day = command_clock.parse_day(today, force=force) if today else None
        result = columns_check(today=day)
        self.stdout.write(
            f"stale columns {result['stale_columns']}, late articles {result['late_articles']}"
        )
