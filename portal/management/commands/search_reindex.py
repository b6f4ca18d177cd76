from django.core.management.base import BaseCommand, CommandError

from portal.search.index import REINDEXERS, search_reindex


class Command(BaseCommand):
    help = "Rebuild the site-wide search index from every pillar (or only the given kinds)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="Only these kinds (e.g. item article).")

    def handle(self, *args, kinds=None, **options):
        unknown = sorted(set(kinds or []) - set(REINDEXERS))
        if unknown:
            raise CommandError(
                f"Unknown kind: {', '.join(unknown)}. Known: {', '.join(sorted(REINDEXERS))}."
            )
        for kind, count in search_reindex(kinds or None).items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
