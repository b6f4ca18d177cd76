from django.core.management.base import BaseCommand

from supervision.services import summaries


class Command(BaseCommand):
    help = (
        "Recompute the summary tables the dashboards read (open clocks, clocks and notices per day, "
        "and every pillar's registered summaries) from the base tables."
    )

    def handle(self, *args, **options):
        for table, rows in summaries.rebuild_all().items():
            self.stdout.write(f"{table}: {rows} rows")
