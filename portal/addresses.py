"""The client's address (客户端地址), read in one place for logs, limits and lockouts.

Behind a reverse proxy REMOTE_ADDR is the proxy's address and the client's is in
X-Forwarded-For, which any client can forge. The header is read only as far as the deployment
trusts its proxies:

- `TRUSTED_PROXIES` (addresses or networks): walking from REMOTE_ADDR leftwards through the header,
  the client is the first address that is not a trusted proxy. A request that did not come from a
  trusted proxy keeps its REMOTE_ADDR.
- `TRUSTED_PROXY_COUNT` (N): each of N proxies appends the address it received from, so the client
  is the N-th entry from the right.
- Neither: the header is ignored.

django-ipware's resolver ignores REMOTE_ADDR and, with one proxy, returns the forgeable left-most
entry, so the rule is written here; django-axes calls this function (AXES_CLIENT_IP_CALLABLE).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(request) -> str:
    """Return the address the request came from, as far as the trusted proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if networks:
        return _first_untrusted([remote, *reversed(forwarded)], networks)
    count = settings.TRUSTED_PROXY_COUNT
    if count and len(forwarded) >= count and _parse(forwarded[-count]) is not None:
        return forwarded[-count]
    return remote


@lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    """Parse TRUSTED_PROXIES (a bare address is a one-address network)."""
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _first_untrusted(chain: list[str], networks: tuple[Network, ...]) -> str:
    """The first hop of `chain` (nearest first) outside `networks`; a garbled hop stops the walk
    at the proxy that passed it on."""
    for nearer, hop in zip([chain[0], *chain], chain, strict=False):
        address = _parse(hop)
        if address is None:
            return nearer
        if not any(address in network for network in networks):
            return hop
    return chain[-1]


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None
