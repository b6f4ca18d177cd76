from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal import backups


class Command(BaseCommand):
    help = (
        "Restore a backup into a named database (created if absent). A database that already "
        "holds tables is refused unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A dump written by backup_database.")
        parser.add_argument("--database", required=True, help="The database to restore into.")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite a database that holds tables."
        )

    def handle(self, *args, file: Path, database: str, force: bool, **options):
        try:
            backups.restore(path=file, database=database, force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {file} into database {database!r}."))
