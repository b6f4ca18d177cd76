"""A circuit breaker (熔断): after a service fails, stop calling it for a while.

While Redis or the broker is down, requests must not each wait on a connection attempt. The
first failure opens the circuit and logs one warning; callers then skip the service until
`retry_after` seconds have passed, when a single caller tries it again (the others keep
skipping meanwhile). A success closes the circuit and logs that the outage is over.
"""

import logging
import time
from threading import Lock

log = logging.getLogger(__name__)


class Circuit:
    """The health of one service as this process last saw it."""

    def __init__(self, name: str, *, retry_after: float):
        self.name = name
        self.retry_after = retry_after
        self._down = False
        self._closed_until = 0.0
        self._lock = Lock()

    @property
    def is_open(self) -> bool:
        """Whether the last call failed (the service is being skipped)."""
        return self._down

    def allows(self) -> bool:
        """Whether to call the service now: it is up, or it is this caller's turn to try again."""
        if not self._down:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._closed_until:
                return False
            # Give the other callers another window to skip while this one tries.
            self._closed_until = now + self.retry_after
            return True

    def failed(self, error: BaseException) -> None:
        """Record a failed call: skip the service for `retry_after` seconds."""
        with self._lock:
            first = not self._down
            self._down = True
            self._closed_until = time.monotonic() + self.retry_after
        if first:
            log.warning(
                "%s unavailable (%s: %s); skipped for %ss at a time until it answers",
                self.name,
                type(error).__name__,
                error,
                self.retry_after,
            )

    def succeeded(self) -> None:
        """Record a call that worked, ending an outage if there was one."""
        if not self._down:
            return
        with self._lock:
            recovered, self._down = self._down, False
        if recovered:
            log.warning("%s answers again", self.name)

    def reset(self) -> None:
        """Forget any failure: the next call goes to the service (tests start from here)."""
        with self._lock:
            self._down = False
            self._closed_until = 0.0
