"""The sweep (beat): late supplements are deemed abandoned, lapsed consultations end."""

import datetime

from django.utils import timezone

from disclosure.models import Consultation, InformationRequest
from disclosure.services.requests.consultation import request_consultation_lapse
from disclosure.services.requests.supplement import request_abandon
from portal.audit import acting_as
from portal.errors import DomainError


def request_deadlines(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Deem abandoned every request whose supplement is late, and end every lapsed consultation.

    Idempotent: each request is re-checked under its lock, so a second run finds nothing to do.
    """
    now = now or timezone.now()
    done = {"abandoned": 0, "lapsed": 0}
    late_supplements = InformationRequest.objects.filter(
        status=InformationRequest.Status.SUPPLEMENT, supplement_due_at__lt=now
    ).values_list("pk", flat=True)
    lapsed = Consultation.objects.filter(
        ended_at__isnull=True, due_at__lt=now, request__status=InformationRequest.Status.CONSULTING
    ).values_list("request_id", flat=True)
    with acting_as(None):
        for pk in list(late_supplements):
            try:
                request_abandon(request=InformationRequest(pk=pk), at=now)
            except DomainError:
                continue  # Supplied or handled in the meantime.
            done["abandoned"] += 1
        for pk in list(lapsed):
            try:
                request_consultation_lapse(request=InformationRequest(pk=pk), at=now)
            except DomainError:
                continue
            done["lapsed"] += 1
    return done
