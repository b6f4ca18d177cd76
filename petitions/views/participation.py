"""What the interaction views share: storing what a signed-in citizen posts, once per form."""

from collections.abc import Callable

from django.conf import settings
from django.db.models import Model

from portal import write_limits
from portal.errors import DomainError
from portal.submissions import Submitted, submit_once


def store_once(request, form, *, scope: str, write: Callable[[dict], Model]) -> int | None:
    """Run `write(cleaned_data)` once per form, within the hourly limit of participation.

    Returns None when it was stored (or had been, by the same form sent twice); otherwise the
    status to answer with, the reason added to the form: 429 over the limit, 400 when refused.
    """
    data = form.cleaned_data

    def create() -> Submitted:
        write_limits.account_write_check(
            request.user, scope=scope, per_hour=settings.PETITIONS_PARTICIPATION_WRITES_PER_HOUR
        )
        return Submitted(subject=write(data))

    try:
        submit_once(token=data["submission_token"], account=request.user, create=create)
    except DomainError as error:
        form.add_error(None, error.message)
        return 429 if error.code == write_limits.RATE_LIMITED else 400
    return None
