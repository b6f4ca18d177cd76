"""The shared cache (Redis) as an optimisation, never a dependency (缓存降级).

When Redis does not answer, each cache call is served from this process's memory instead, so
no caller needs its own error handling: a read misses (or finds what this process stored
during the outage) and the caller computes the value from the database, as on any miss; the
working-day calendar reloads its table, cached pages are rebuilt, rate limits count per
process. A circuit breaker keeps requests from each waiting on a connection attempt while
Redis is down, and one warning is logged per outage.

Values a process stores during an outage stay in that process: other processes see the
change when Redis is back (the calendar version differs from the one they hold, so they
reload) or when their own copies expire (cached pages, at most `PAGE_CACHE_SECONDS`). The
keys a process wrote during the outage are deleted from Redis by its first call that reaches
Redis again, so what Redis held from before (a session since logged out, a fragment version
since bumped) is read by no one: the next reader rebuilds it from the database.
"""

from threading import Lock

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from portal.circuit import Circuit

# Seconds between attempts to reach Redis again during an outage.
RETRY_AFTER = 5
# Entries this process keeps in memory during an outage (the oldest are culled beyond it).
MEMORY_ENTRIES = 5000

# One circuit per Redis location, shared by the threads of a process (each thread has its own
# cache object, but an outage is the same for all of them).
_circuits: dict[str, Circuit] = {}
# Per Redis location, the (key, version) pairs this process wrote to memory during an outage.
_written_aside: dict[str, set[tuple[str, int | None]]] = {}
_written_aside_lock = Lock()
# The calls that change a value, and how to find the keys among their arguments.
_WRITES = {
    "add": lambda args: [args[0]],
    "set": lambda args: [args[0]],
    "touch": lambda args: [args[0]],
    "delete": lambda args: [args[0]],
    "incr": lambda args: [args[0]],
    "set_many": lambda args: list(args[0]),
    "delete_many": lambda args: list(args[0]),
}


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that falls back to this process's memory when Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        location = server if isinstance(server, str) else ",".join(server)
        self.circuit = _circuits.setdefault(
            location, Circuit(f"cache (Redis at {location})", retry_after=RETRY_AFTER)
        )
        # Same key prefix, version and timeout as the Redis side; a name shared by the threads.
        self.memory = LocMemCache(
            f"portal.cache:{location}", {**params, "OPTIONS": {"MAX_ENTRIES": MEMORY_ENTRIES}}
        )
        self.written_aside = _written_aside.setdefault(location, set())

    def _either(self, method: str, *args, **kwargs):
        if self.circuit.allows():
            try:
                if self.written_aside:
                    self._forget_written_aside()
                result = getattr(super(), method)(*args, **kwargs)
            except RedisError as error:
                self.circuit.failed(error)
            else:
                self.circuit.succeeded()
                return result
        if method in _WRITES:
            version = args[-1]
            with _written_aside_lock:
                self.written_aside.update((key, version) for key in _WRITES[method](args))
        return getattr(self.memory, method)(*args, **kwargs)

    def _forget_written_aside(self) -> None:
        """Delete from Redis what this process wrote to memory during the outage."""
        with _written_aside_lock:
            pairs = set(self.written_aside)
            self.written_aside.clear()
        try:
            for version in {version for _key, version in pairs}:
                super().delete_many([key for key, same in pairs if same == version], version)
        except RedisError:
            with _written_aside_lock:
                self.written_aside.update(pairs)
            raise

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._either("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._either("delete", key, version)

    def get_many(self, keys, version=None):
        return self._either("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._either("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._either("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._either("delete_many", keys, version)

    def clear(self):
        return self._either("clear")


def cache_degraded(alias: str = "default") -> bool:
    """Whether the cache is serving from process memory because Redis did not answer."""
    backend = caches[alias]
    return isinstance(backend, ResilientRedisCache) and backend.circuit.is_open
