"""Time travel on the request clock, across November-December 2026 (no holidays, weekends off).

Received Monday 2 Nov 10:00: 20 working days run to Monday 30 Nov.
"""

import pytest

from disclosure.models import InformationRequest, RequestEvent
from disclosure.services.requests.answer import request_answer
from disclosure.services.requests.consultation import request_consult, request_consultation_answer
from disclosure.services.requests.deadlines import request_deadlines
from disclosure.services.requests.extension import request_extend
from disclosure.services.requests.supplement import request_supplement, request_supplement_notice
from portal.errors import DomainError
from portal.models import InboxMessage
from supervision.models import Clock
from tests.disclosure.factories import at, file_request, office_clerk, office_head

pytestmark = pytest.mark.django_db

END = " 23:59:59.999999"


def _codes(request):
    return list(request.events.values_list("code", flat=True))


def test_receipt_starts_twenty_working_days():
    request = file_request()
    assert request.number.startswith("YSQ2026")
    assert request.clock.due_at == at("2026-11-30" + END)
    assert request.clock.kind == "disclosure.request"
    assert _codes(request) == [RequestEvent.Code.RECEIVED]
    assert InboxMessage.objects.filter(
        recipient=request.applicant, subject="已收到您的政府信息公开申请"
    ).exists()


# --- Supplement (补正) -----------------------------------------------------------------------


def test_supplement_pauses_and_the_supply_restarts_the_full_limit():
    request = file_request()
    clerk = office_clerk()
    request = request_supplement_notice(
        actor=clerk, request=request, text="请写明预算的年度和部门。", at=at("2026-11-04 10:00")
    )
    assert request.status == InformationRequest.Status.SUPPLEMENT
    assert request.clock.state == Clock.State.PAUSED
    assert request.supplement_due_at == at("2026-11-25" + END)
    request = request_supplement(
        actor=request.applicant,
        request=request,
        text="2026年县教育局预算。",
        at=at("2026-11-10 10:00"),
    )
    # A whole 20 working days again from 10 Nov.
    assert request.clock.due_at == at("2026-12-08" + END)
    assert request.clock.state == Clock.State.RUNNING
    assert request.status == InformationRequest.Status.RECEIVED
    assert _codes(request)[-1] == RequestEvent.Code.SUPPLEMENTED


def test_supplement_notice_is_refused_after_seven_working_days():
    request = file_request()
    with pytest.raises(DomainError, match="7个工作日"):
        request_supplement_notice(
            actor=office_clerk(), request=request, text="请补正", at=at("2026-11-12 09:00")
        )
    request.refresh_from_db()
    assert (
        request.status == InformationRequest.Status.RECEIVED
        and request.supplement_requested_at is None
    )


def test_supplement_notice_on_the_seventh_working_day_is_in_time():
    request = file_request()
    request = request_supplement_notice(
        actor=office_clerk(), request=request, text="请补正", at=at("2026-11-11 16:00")
    )
    assert request.status == InformationRequest.Status.SUPPLEMENT


def test_only_one_supplement_notice():
    request = file_request()
    clerk = office_clerk()
    request = request_supplement_notice(
        actor=clerk, request=request, text="请补正", at=at("2026-11-03 10:00")
    )
    request = request_supplement(
        actor=request.applicant, request=request, text="补正内容", at=at("2026-11-04 10:00")
    )
    with pytest.raises(DomainError, match="只能发出一次"):
        request_supplement_notice(
            actor=clerk, request=request, text="再补正", at=at("2026-11-05 10:00")
        )


def test_supplement_after_the_limit_is_refused():
    request = file_request()
    request = request_supplement_notice(
        actor=office_clerk(), request=request, text="请补正", at=at("2026-11-04 10:00")
    )
    with pytest.raises(DomainError, match="补正期限已过"):
        request_supplement(
            actor=request.applicant, request=request, text="晚了", at=at("2026-11-26 09:00")
        )


def test_no_supplement_in_time_is_deemed_abandoned_by_the_sweep():
    request = file_request()
    request = request_supplement_notice(
        actor=office_clerk(), request=request, text="请补正", at=at("2026-11-04 10:00")
    )
    assert request_deadlines(now=at("2026-11-25 20:00")) == {"abandoned": 0, "lapsed": 0}
    assert request_deadlines(now=at("2026-11-26 09:00")) == {"abandoned": 1, "lapsed": 0}
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.ABANDONED
    assert request.closed_at == at("2026-11-26 09:00")
    assert request.clock.state == Clock.State.STOPPED
    assert _codes(request)[-1] == RequestEvent.Code.ABANDONED
    assert InboxMessage.objects.filter(recipient=request.applicant, subject="申请视为放弃").exists()
    # Running the sweep again changes nothing.
    assert request_deadlines(now=at("2026-11-27 09:00")) == {"abandoned": 0, "lapsed": 0}


def test_the_celery_task_runs_the_sweep():
    from disclosure.tasks import request_deadlines

    request = file_request(received="2026-01-05 10:00")
    request_supplement_notice(
        actor=office_clerk(), request=request, text="请补正", at=at("2026-01-06 10:00")
    )
    request_deadlines.delay()
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.ABANDONED


# --- Third-party consultation (征求第三方意见) ------------------------------------------------


def test_consultation_pauses_the_clock_and_the_answer_resumes_it():
    request = file_request()
    clerk = office_clerk()
    consultation = request_consult(
        actor=clerk,
        request=request,
        third_party="青山建材有限公司",
        question="是否同意公开贵公司的中标价格？",
        at=at("2026-11-04 10:00"),
    )
    assert consultation.due_at == at("2026-11-25" + END)
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.CONSULTING
    assert request.clock.state == Clock.State.PAUSED
    request_consultation_answer(
        actor=clerk, request=request, answer="不同意公开报价明细。", at=at("2026-11-16 09:00")
    )
    request.refresh_from_db()
    # Two working days were used (3 and 4 Nov); 18 remain from 16 Nov.
    assert request.clock.due_at == at("2026-12-10" + END)
    assert request.status == InformationRequest.Status.RECEIVED
    assert _codes(request)[-1] == RequestEvent.Code.CONSULTATION_ANSWERED


def test_consultation_lapses_after_fifteen_working_days_and_the_clock_resumes_from_then():
    request = file_request()
    request_consult(
        actor=office_clerk(),
        request=request,
        third_party="青山建材有限公司",
        question="是否同意公开？",
        at=at("2026-11-04 10:00"),
    )
    assert request_deadlines(now=at("2026-11-25 18:00"))["lapsed"] == 0
    # The sweep runs late (1 Dec): the clock still resumes from the end of 25 Nov.
    assert request_deadlines(now=at("2026-12-01 09:00"))["lapsed"] == 1
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RECEIVED
    assert request.clock.due_at == at("2026-12-21" + END)
    assert request.consultations.get().outcome == "lapsed"
    assert _codes(request)[-1] == RequestEvent.Code.CONSULTATION_LAPSED


def test_no_answer_while_consulting():
    request = file_request()
    clerk = office_clerk()
    request_consult(
        actor=clerk,
        request=request,
        third_party="第三方",
        question="意见？",
        at=at("2026-11-04 10:00"),
    )
    with pytest.raises(DomainError, match="不能答复"):
        request_answer(
            actor=clerk,
            request=request,
            reply_type="disclosed",
            text="予以公开",
            remedies="行政复议或行政诉讼",
        )


# --- Extension (延长答复期限) ------------------------------------------------------------------


def test_the_head_extends_once_by_at_most_twenty_working_days():
    request = file_request()
    head = office_head()
    request = request_extend(
        actor=head, request=request, days=20, reason="需要调取档案", at=at("2026-11-20 10:00")
    )
    assert request.clock.due_at == at("2026-12-28" + END)
    assert request.extension_approver == head
    assert InboxMessage.objects.filter(
        recipient=request.applicant, subject="延长答复期限告知"
    ).exists()


def test_extension_above_twenty_days_is_refused():
    request = file_request()
    with pytest.raises(DomainError, match="20个工作日"):
        request_extend(
            actor=office_head(), request=request, days=21, reason="理由", at=at("2026-11-20 10:00")
        )
    request.refresh_from_db()
    assert request.extension_days == 0
    assert request.clock.due_at == at("2026-11-30" + END)


def test_extension_after_the_original_due_date_is_refused():
    request = file_request()
    with pytest.raises(DomainError, match="届满前"):
        request_extend(
            actor=office_head(), request=request, days=10, reason="理由", at=at("2026-12-01 09:00")
        )
    request.refresh_from_db()
    assert request.extension_days == 0


def test_a_second_extension_is_refused():
    request = file_request()
    head = office_head()
    request_extend(actor=head, request=request, days=5, reason="理由", at=at("2026-11-20 10:00"))
    with pytest.raises(DomainError, match="只能延长一次"):
        request_extend(
            actor=head, request=request, days=5, reason="再延", at=at("2026-11-23 10:00")
        )
    request.refresh_from_db()
    assert request.extension_days == 5


def test_a_clerk_cannot_extend_without_the_head():
    request = file_request()
    with pytest.raises(DomainError, match="负责人"):
        request_extend(
            actor=office_clerk(), request=request, days=5, reason="理由", at=at("2026-11-20 10:00")
        )


# --- Answer (答复) ----------------------------------------------------------------------------


def test_answer_stops_the_clock_and_tells_the_applicant():
    request = file_request()
    request = request_answer(
        actor=office_clerk(),
        request=request,
        reply_type="disclosed",
        text="现将预算执行情况提供给您。",
        remedies="可申请行政复议或提起行政诉讼。",
        at=at("2026-11-20 10:00"),
    )
    assert request.status == InformationRequest.Status.ANSWERED
    assert request.clock.state == Clock.State.STOPPED
    assert request.clock.on_time
    assert InboxMessage.objects.filter(
        recipient=request.applicant, subject="您的政府信息公开申请已答复"
    ).exists()


@pytest.mark.parametrize(
    ("reply_type", "extra", "message"),
    [
        ("refused", {}, "法定理由"),
        ("partial", {}, "法定理由"),
        ("not_this_office", {}, "负责公开"),
        ("nonsense", {}, "法定答复类型"),
        ("disclosed", {"remedies": ""}, "救济途径"),
    ],
)
def test_incomplete_answers_are_refused(reply_type, extra, message):
    request = file_request()
    arguments = {"text": "答复", "remedies": "行政复议、行政诉讼", **extra}
    with pytest.raises(DomainError, match=message):
        request_answer(actor=office_clerk(), request=request, reply_type=reply_type, **arguments)
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RECEIVED


def test_a_refusal_names_its_legal_reason():
    request = request_answer(
        actor=office_clerk(),
        request=file_request(),
        reply_type="refused",
        refusal_reason="process",
        text="所申请信息属于过程性信息。",
        remedies="行政复议、行政诉讼",
    )
    assert request.get_refusal_reason_display().startswith("属于讨论记录")


def test_a_second_answer_is_refused():
    clerk = office_clerk()
    request = request_answer(
        actor=clerk,
        request=file_request(),
        reply_type="not_exist",
        text="经检索不存在。",
        remedies="行政复议、行政诉讼",
    )
    with pytest.raises(DomainError, match="不能答复"):
        request_answer(actor=clerk, request=request, reply_type="disclosed", text="x", remedies="y")


def test_staff_outside_the_office_cannot_answer():
    from portal.roles import Role
    from tests.factories import StaffFactory

    with pytest.raises(DomainError, match="工作机构"):
        request_answer(
            actor=StaffFactory(roles=[Role.WINDOW_CLERK]),
            request=file_request(),
            reply_type="disclosed",
            text="x",
            remedies="y",
        )


def test_the_office_hears_of_a_new_request_and_other_staff_do_not():
    from portal.roles import Role
    from tests.factories import StaffFactory

    clerk = office_clerk()
    operator = StaffFactory(roles=[Role.HOTLINE_OPERATOR], department=clerk.department)
    file_request()
    assert InboxMessage.objects.filter(recipient=clerk, subject="新的政府信息公开申请").exists()
    assert not InboxMessage.objects.filter(recipient=operator).exists()
