"""Counting a client's attempts in a window of time, in the shared cache.

Windows are aligned to the clock (an hour's window is a clock hour), so the time left in the
current window is known without storing when it began. Used for the anonymous votes of the
efficiency rating and the failed look-ups of the tracking pages.
"""

import math
import time

from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache


def _window(key: str, window: int) -> tuple[str, int]:
    """The cache key of `key`'s current window, and the whole seconds left in it, at least one.

    Rounded up: Redis takes whole seconds and a timeout of 0 deletes the counter at once, so
    the last second of a window would count nothing. The key names its window, so a counter
    living a fraction of a second past it is never read again.
    """
    now = time.time()
    return f"{key}:{int(now // window)}", math.ceil(window - now % window)


def attempts(key: str, window: int) -> int:
    """How many hits `key` has in the current window."""
    return cache.get(_window(key, window)[0], 0)


def hit(key: str, window: int) -> int:
    """Count one hit on `key` and return its hits in the current window, this one included."""
    counter, left = _window(key, window)
    try:
        count = cache.incr(counter)
    except ValueError:
        # The window's first hit, unless another request counted one between the two calls.
        if cache.add(counter, 1, timeout=left):
            return 1
        count = cache.incr(counter)
    if type(caches["default"]).incr is BaseCache.incr:
        # The generic incr (file and database caches) is a get and a set, and the set gives
        # the counter the default timeout: put the window's end back.
        cache.touch(counter, left)
    return count
