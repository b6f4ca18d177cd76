"""Demo data of the disclosure pillar: each area seeds its own."""

from disclosure.demo import catalogue, columns, requests

AREAS = [catalogue, columns, requests]


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    logins = []
    for area in AREAS:
        logins += area.seed(scale=scale, stdout=stdout)
    return logins
