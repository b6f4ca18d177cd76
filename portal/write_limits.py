"""Limits per client address on anonymous writes (匿名提交限流).

Filing a complaint or posting a message without an account costs nothing but a request, so each
client address (the real one, `portal.addresses`) may make only so many an hour; over the limit
the page says so with 429 and nothing is stored. Signed-in users are not counted here: they are
known, and their own forms limit them where needed.
"""

from django.utils.translation import gettext_lazy

from portal import ratelimit
from portal.addresses import client_address
from portal.errors import DomainError

HOUR = 3600
REFUSED = gettext_lazy("从您的网络提交的次数过多，请一小时后再试，或拨打12345热线反映。")


RATE_LIMITED = "rate_limited"


def anonymous_write_check(request, *, scope: str, per_hour: int) -> None:
    """Count one anonymous write of `scope` from the request's address; refuse it over the limit.

    Raises DomainError with code "rate_limited" (views answer 429). Call it where the write is
    about to happen (inside `submit_once`'s create), so a replayed duplicate is not counted.
    """
    if request.user.is_authenticated:
        return
    if ratelimit.hit(f"{scope}:address:{client_address(request)}", HOUR) > per_hour:
        raise DomainError(REFUSED, code=RATE_LIMITED)
