"""Demo data of the disclosure pillar: each area seeds its own."""

from disclosure.demo import catalogue, columns, history, requests

# The year of history last: it files with the office clerk the requests area creates.
AREAS = [catalogue, columns, requests, history]


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    logins = []
    for area in AREAS:
        logins += area.seed(scale=scale, stdout=stdout)
    return logins
