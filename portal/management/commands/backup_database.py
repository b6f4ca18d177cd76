from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal import backups


class Command(BaseCommand):
    help = "Dump the database of DATABASE_URL (pg_dump -Fc) into var/backups/ with a timestamp."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="directory",
            type=Path,
            default=None,
            help="Where to write (default: var/backups/).",
        )

    def handle(self, *args, directory: Path | None, **options):
        try:
            path = backups.backup(directory=directory or Path(settings.VAR_DIR) / "backups")
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
