from django.core.management.base import BaseCommand, CommandError

from portal import event_chain


class Command(BaseCommand):
    help = (
        "Walk the hash chain of every domain event table and report the first altered, "
        "missing or reordered row of each (exit status 1 if any)."
    )

    def handle(self, *args, **options):
        report = event_chain.verify()
        if report.problems:
            raise CommandError(
                "audit chain broken:\n" + "\n".join(f"  {p}" for p in report.problems)
            )
        self.stdout.write(self.style.SUCCESS(f"ok, {report.rows} rows in {report.tables} tables"))
