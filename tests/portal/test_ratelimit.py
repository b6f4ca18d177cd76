"""Attempts counted per key in a window: the tracking pages and anonymous votes rely on them."""

import datetime

import time_machine

from portal import ratelimit

TEN_O_CLOCK = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC)


def test_hits_count_up_within_the_window():
    assert [ratelimit.hit("t:a", 60) for _ in range(3)] == [1, 2, 3]
    assert ratelimit.attempts("t:a", 60) == 3


def test_an_unknown_key_has_no_attempts():
    assert ratelimit.attempts("t:never", 60) == 0


def test_keys_are_counted_apart():
    ratelimit.hit("t:one", 60)
    assert ratelimit.hit("t:two", 60) == 1


def test_the_count_starts_again_in_the_next_window():
    with time_machine.travel(TEN_O_CLOCK, tick=False) as clock:
        ratelimit.hit("t:b", 3600)
        ratelimit.hit("t:b", 3600)
        clock.shift(datetime.timedelta(hours=1))
        assert ratelimit.attempts("t:b", 3600) == 0
        assert ratelimit.hit("t:b", 3600) == 1


def test_a_file_cache_keeps_the_window_longer_than_its_default_timeout(settings, tmp_path):
    # The generic incr re-sets the counter with the default timeout (here 1 s): the window,
    # an hour, must survive it.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
            "TIMEOUT": 1,
        }
    }
    with time_machine.travel(TEN_O_CLOCK, tick=False) as clock:
        ratelimit.hit("t:c", 3600)
        ratelimit.hit("t:c", 3600)
        clock.shift(datetime.timedelta(minutes=30))
        assert ratelimit.attempts("t:c", 3600) == 2


def test_hits_in_the_last_second_of_a_window_still_count():
    with time_machine.travel(TEN_O_CLOCK + datetime.timedelta(seconds=59.6), tick=False):
        assert [ratelimit.hit("t:d", 60) for _ in range(3)] == [1, 2, 3]
