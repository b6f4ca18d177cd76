"""Limits per client address on anonymous writes (匿名提交限流).

Filing a complaint or posting a message without an account costs nothing but a request, so each
client address (the real one, `portal.addresses`) may make only so many an hour; over the limit
the page says so with 429 and nothing is stored. Signed-in users are known, so forms that invite
many writes (suggestions, consultation comments) limit them per account instead.
"""

from django.utils.translation import gettext_lazy

from portal import ratelimit
from portal.addresses import client_address
from portal.errors import DomainError

HOUR = 3600
REFUSED = gettext_lazy("从您的网络提交的次数过多，请一小时后再试，或拨打12345热线反映。")
REFUSED_ACCOUNT = gettext_lazy("您提交的次数过多，请一小时后再试。")


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


def account_write_check(user, *, scope: str, per_hour: int) -> None:
    """Count one write of `scope` by a signed-in user; refuse it over the hourly limit.

    The same contract as `anonymous_write_check`: code "rate_limited", called inside
    `submit_once`'s create.
    """
    if ratelimit.hit(f"{scope}:account:{user.pk}", HOUR) > per_hour:
        raise DomainError(REFUSED_ACCOUNT, code=RATE_LIMITED)
