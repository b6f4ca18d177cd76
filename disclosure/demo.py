"""Demo data of the disclosure pillar: each part seeds its own."""

from importlib import import_module

PARTS = ["demo_catalogue", "demo_columns", "demo_requests"]


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    logins = []
    for part in PARTS:
        logins += import_module(f"disclosure.{part}").seed(scale=scale, stdout=stdout)
    return logins
