"""Each pytest-xdist worker's own Redis database (tests/workers.py)."""

from tests.workers import redis_database


def test_a_worker_takes_the_database_its_number_after_the_one_named():
    assert redis_database("redis://127.0.0.1:6379/0", 1) == "redis://127.0.0.1:6379/1"
    assert redis_database("redis://:secret@127.0.0.1:6379/4", 2) == (
        "redis://:secret@127.0.0.1:6379/6"
    )


def test_a_url_without_a_database_counts_from_the_first_and_wraps_at_sixteen():
    assert redis_database("redis://127.0.0.1:6379", 3) == "redis://127.0.0.1:6379/3"
    assert redis_database("redis://127.0.0.1:6379/15", 1) == "redis://127.0.0.1:6379/0"
