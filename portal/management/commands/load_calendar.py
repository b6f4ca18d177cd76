from django.core.management.base import BaseCommand

from portal import services


class Command(BaseCommand):
    help = "Load the official calendar (holidays and make-up working days) from chinese-calendar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, action="append", help="Only this year (repeatable)."
        )

    def handle(self, *args, year=None, **options):
        loaded = services.calendar_load_official(years=year)
        if loaded:
            self.stdout.write(self.style.SUCCESS(f"Loaded: {', '.join(map(str, loaded))}"))
        else:
            self.stdout.write(
                "Nothing to load: those years are loaded already or unknown to chinese-calendar."
            )
