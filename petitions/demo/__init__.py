"""Demo data of petitions, one module per area: categories and routing rules, the identity grants,
and a dozen complaints in every state. Idempotent."""

from petitions.demo.complaints import seed_complaints
from petitions.demo.identity import grant_identity_permission
from petitions.demo.routing import seed_categories, seed_rules


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    categories = seed_categories()
    seed_rules(categories)
    grant_identity_permission()
    seed_complaints(categories)
    return []
