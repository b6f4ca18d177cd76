"""Demo data of petitions, one module per area: categories and routing rules, the identity grants,
and a dozen complaints in every state. Idempotent."""

from petitions.demo.appraisal import seed_appraisal
from petitions.demo.complaints import seed_complaints
from petitions.demo.history import seed_history
from petitions.demo.identity import grant_identity_permission
from petitions.demo.interviews import seed_interviews
from petitions.demo.messages import seed_messages
from petitions.demo.monitors import seed_monitors
from petitions.demo.participation import seed_participation
from petitions.demo.routing import seed_categories, seed_rules
from petitions.demo.surveys import seed_surveys


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    categories = seed_categories()
    seed_rules(categories)
    grant_identity_permission()
    seed_complaints(categories)
    filed = seed_history(categories)
    # Last: its moderator passes what the complaints above left waiting for the board.
    seed_participation()
    # After it: messages leave some items waiting in the moderation queue on purpose.
    seed_messages()
    # Monitors' reports are complaints on their own channel, filed after the others.
    seed_monitors()
    seed_appraisal()
    seed_interviews()
    seed_surveys()
    if stdout is not None:
        stdout.write(f"petitions: {filed} complaints of the past year")
    return []
