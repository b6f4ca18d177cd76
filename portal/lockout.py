"""Sign-in lockout: per account whatever alias was typed, and per address, each with its limit.

django-axes counts failures in groups (`AXES_LOCKOUT_PARAMETERS`) against one limit. The portal
keeps three groups with limits of their own (`LOCKOUT_LIMITS`, same order):

- the account from one address (5): the everyday lock, which reaches no one else;
- the account from every address (higher): a guesser spreading over many addresses is stopped,
  while a stranger needs that many tries to lock a citizen out everywhere, and only for the
  cool-off time;
- the address for every account (higher still): one address trying many accounts.

The "username" axes counts is the account's own user name whatever was typed (mobile, ID number,
user name), so aliases share one count; a login that names no account counts as typed.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum

from portal.backends import user_for_login


def canonical_username(request, credentials) -> str:
    """Return the user name of the account a login names, or the login as typed."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        typed = credentials.get(field) or ""
    else:
        typed = getattr(request, "POST", {}).get(field) or ""
    user = user_for_login(typed)
    return user.username if user else typed.strip()


class PortalLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """Return the failures as axes compares them with `AXES_FAILURE_LIMIT`.

        That is the limit less the tries left before the nearest of the groups' own limits, so
        the lock falls as soon as any group reaches its limit.
        """
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        tries_left = min(
            limit - count for limit, count in zip(settings.LOCKOUT_LIMITS, counts, strict=True)
        )
        return settings.AXES_FAILURE_LIMIT - tries_left

    def reset_user_attempts(self, request, credentials=None) -> int:
        """On a successful sign-in forget the account's failures from that address only.

        Clearing the address's or the account's other failures would let a guesser reset the
        wider counts by signing in to an account of their own now and then.
        """
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return count
