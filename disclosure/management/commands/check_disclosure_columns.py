import datetime

from django.core.management.base import BaseCommand, CommandError

from disclosure.services.columns import columns_check


class Command(BaseCommand):
    help = (
        "Raise supervision alerts for stale disclosure columns and for articles not published "
        "within 20 working days, as of today (or --today)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Check as of this date, YYYY-MM-DD.")

    def handle(self, *args, today=None, **options):
        day = None
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today must be a date YYYY-MM-DD: {error}") from None
        result = columns_check(today=day)
        self.stdout.write(
            f"stale columns {result['stale_columns']}, late articles {result['late_articles']}"
        )
