"""The staff action of the publication workflow, shared by catalogue items and articles."""

from django.contrib import messages
from django.http import Http404

from portal.errors import DomainError


def run_action(request, record, actions: dict, action: str) -> None:
    """Run `actions[action]` (a (service call, success message) pair) and flash the outcome."""
    if action not in actions:
        raise Http404
    run, done = actions[action]
    try:
        run(request.user, record, request.POST.get("note", "")[:2000])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
