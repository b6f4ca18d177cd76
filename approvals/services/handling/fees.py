"""Fees (一单式收费): charge the published standard; more needs the head, and supervision hears."""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Case, CaseEvent
from approvals.permissions.handling import can_override_fee
from approvals.services import labels
from approvals.services.cases import CASE_LOCK_RELATED, staff_url
from approvals.services.handling.shared import Breach, department_handles, screen_handler
from approvals.transitions.cases import CASE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from supervision import services as supervision
from supervision.models import Alert


def _parse_amount(amount) -> Decimal:
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise DomainError(_("请填写正确的收费金额。")) from None
    if value < 0 or value > Decimal("9999999999.99"):
        raise DomainError(_("请填写正确的收费金额。"))
    return value


def case_set_fee(
    *,
    actor: User,
    case: Case,
    amount,
    override_reason: str = "",
    at: datetime.datetime | None = None,
) -> Case:
    """Charge per the published standard; more (or anything on a free item) needs the head."""
    value = _parse_amount(amount)
    # The standard published in the version the application was filed under.
    standard = Decimal(case.item_terms.get("fee") or "0")
    override_reason = (override_reason or "").strip()
    if value > standard and not (override_reason and can_override_fee(actor, case)):
        if standard == 0:
            message = _(
                "本事项依法不收费，不能收取任何费用；确需收费的，须由承办单位负责人填写依据后核准。"
            )
        else:
            message = _(
                "收费金额超过目录公布的标准（%(fee)s 元），须由承办单位负责人填写理由后核准。"
            ) % {"fee": standard}
        Breach(
            kind=Alert.Kind.FEE_ANOMALY,
            message=message,
            dedup_key=f"approvals:fee-refused:{case.pk}:{actor.pk}:{value}",
            case_number=case.number,
            case_url=staff_url(case),
            department_id=case.department_id,
            report_code=labels.FEE_REFUSED,
            report_params={"number": case.number, "amount": str(value), "fee": str(standard)},
        ).report_and_refuse()
    screen_handler(actor, case)
    # The checks stay outside: their breach alerts must survive this refused move's rollback.
    with transaction.atomic():
        case = lock(case, related=CASE_LOCK_RELATED)
        CASE_MOVES.check(case, "set_fee")
        if not department_handles(actor, case):
            raise DomainError(_("只有承办部门的工作人员可以核定收费。"))
        over = value > standard
        at = at or timezone.now()
        with acting_as(actor):
            case.fee_amount = value
            case.fee_override_reason = override_reason if over else ""
            case.save()
        if over:
            CaseEvent.record(
                case,
                CaseEvent.Code.FEE_OVERRIDE,
                actor=actor,
                at=at,
                note=override_reason,
                amount=str(value),
            )
            supervision.alert_raise(
                kind=Alert.Kind.FEE_ANOMALY,
                severity=Alert.Severity.WARNING,
                department=case.department,
                subject_ref=case.number,
                subject_url=staff_url(case),
                message_code=labels.FEE_OVERRIDE,
                message_params={
                    "number": case.number,
                    "amount": str(value),
                    "fee": str(standard),
                    "reason": override_reason,
                },
                dedup_key=f"approvals:fee-override:{case.pk}:{value}",
            )
        else:
            CaseEvent.record(case, CaseEvent.Code.FEE_SET, actor=actor, at=at, amount=str(value))
    return case
