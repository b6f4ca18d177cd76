from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from petitions import permissions, services
from petitions.models import (
    Complaint,
    ComplaintEvent,
    ExtensionRequest,
    IdentityAccess,
    Rating,
    ReviewRequest,
)
from portal.errors import DomainError
from portal.models import InboxMessage, OutboxMessage
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory

S = Complaint.Status
pytestmark = pytest.mark.django_db


def test_filing_gives_a_number_and_a_query_code_kept_only_as_a_digest(file_complaint, category):
    complaint, code = file_complaint(category=category)
    assert complaint.number.startswith("TS")
    assert len(code) == 8 and code not in complaint.query_code_digest
    assert services.query_code_matches(complaint, code)
    assert not services.query_code_matches(complaint, "WRONG123")


def _texts_to(mobile: str) -> list[str]:
    """The SMS bodies queued for a number (sent by Celery after commit)."""
    return list(
        OutboxMessage.objects.filter(channel="sms", address=mobile).values_list("body", flat=True)
    )


def test_numbers_are_unique_across_complaints(file_complaint, category):
    numbers = {file_complaint(category=category)[0].number for _ in range(5)}
    assert len(numbers) == 5


def test_identity_is_kept_apart_from_the_complaint(file_complaint, category, citizen):
    complaint, _ = file_complaint(
        category=category,
        account=citizen,
        anonymous=False,
        identity=services.IdentityData(name="赵六", phone="13911112222", address="东村1号"),
    )
    assert complaint.identity.name == "赵六"
    assert complaint.identity.account == citizen
    assert not hasattr(Complaint, "account")


def test_citizen_filing_writes_no_user_in_history_or_events(file_complaint, category, citizen):
    complaint, _ = file_complaint(category=category, account=citizen)
    assert all(record.history_user_id is None for record in complaint.history.all())
    assert ComplaintEvent.objects.get(complaint=complaint, code="filed").actor is None


def test_named_filing_needs_a_name_and_a_contact(category, hotline_department):
    with pytest.raises(DomainError):
        services.complaint_file(
            actor=None, category=category, title="t", content="c", is_anonymous=False
        )
    assert not Complaint.objects.exists()


def test_rule_dispatches_automatically_and_records_dispatch_time(
    file_complaint, routed_category, department
):
    complaint, _ = file_complaint(category=routed_category)
    assert complaint.status == S.DISPATCHED
    assert complaint.department == department
    assert complaint.dispatch_minutes == 0
    assert complaint.clock.kind == "petitions.sign"


def test_keyword_rule_wins_over_the_plain_category_rule(
    file_complaint, category, department, other_department
):
    RoutingRuleFactory(category=category, department=department)
    RoutingRuleFactory(category=category, department=other_department, keywords="物业 噪音")
    complaint, _ = file_complaint(category=category, content="小区物业不作为")
    assert complaint.department == other_department


def test_place_rule_matches_the_place(file_complaint, category, department, other_department):
    RoutingRuleFactory(category=category, department=department)
    RoutingRuleFactory(category=category, department=other_department, place="石桥")
    complaint, _ = file_complaint(category=category, place="石桥乡南岭村")
    assert complaint.department == other_department


def test_without_rule_the_complaint_waits_for_the_operator(file_complaint, category, operator):
    complaint, _ = file_complaint(category=category)
    assert complaint.status == S.REGISTERED
    assert complaint.clock.kind == "petitions.dispatch"
    assert InboxMessage.objects.filter(recipient=operator, subject="有诉求待分派").exists()


def test_operator_dispatches_and_the_department_is_told(
    file_complaint, category, operator, department, clerk
):
    complaint, _ = file_complaint(category=category)
    services.complaint_dispatch(actor=operator, complaint=complaint, department=department)
    complaint.refresh_from_db()
    assert complaint.status == S.DISPATCHED and complaint.dispatched_at is not None
    assert InboxMessage.objects.filter(recipient=clerk, subject="新诉求待签收").exists()


def test_dispatching_twice_is_refused(dispatched, operator, other_department):
    with pytest.raises(DomainError):
        services.complaint_dispatch(
            actor=operator, complaint=dispatched, department=other_department
        )


def test_category_needing_instruction_waits_for_the_leader(file_complaint, department, leader):
    category = CategoryFactory(needs_instruction=True)
    RoutingRuleFactory(category=category, department=department)
    complaint, _ = file_complaint(category=category)
    assert complaint.status == S.AWAITING_INSTRUCTION
    services.complaint_instruct(
        actor=leader, complaint=complaint, text="请市场局从严查处，一周内反馈。"
    )
    complaint.refresh_from_db()
    assert complaint.status == S.DISPATCHED
    assert complaint.instructions.get().text.startswith("请市场局")


def test_only_a_leader_instructs(file_complaint, category, operator):
    complaint, _ = file_complaint(category=category)
    with pytest.raises(DomainError):
        services.complaint_instruct(actor=operator, complaint=complaint, text="x")


def test_emergency_registered_by_the_hotline_is_transferred_at_once(operator, category):
    complaint, _code = services.complaint_file(
        actor=operator,
        channel=Complaint.Channel.PHONE,
        category=category,
        title="燃气泄漏",
        content="楼道燃气味",
        identity=services.IdentityData(name="来电人", phone="13900000099"),
        is_emergency=True,
        emergency_note="转119",
    )
    assert complaint.status == S.TRANSFERRED
    assert complaint.clock is None


def test_hotline_registration_texts_the_caller_the_number_and_code(operator, category):
    complaint, code = services.complaint_file(
        actor=operator,
        channel=Complaint.Channel.PHONE,
        category=category,
        title="路灯不亮",
        content="西门路灯不亮",
        identity=services.IdentityData(name="来电人", phone="13900000098"),
        contact_method=Complaint.Contact.SMS,
    )
    assert any(code in body and complaint.number in body for body in _texts_to("13900000098"))


def test_a_citizen_cannot_register_a_phone_call(category, citizen):
    with pytest.raises(DomainError):
        services.complaint_file(
            actor=citizen,
            channel=Complaint.Channel.PHONE,
            category=category,
            title="t",
            content="c",
            is_anonymous=True,
        )


def test_court_matter_is_closed_with_the_channel_told(file_complaint, category, operator):
    complaint, _ = file_complaint(category=category)
    services.complaint_refer(actor=operator, complaint=complaint, referral=Complaint.Referral.COURT)
    complaint.refresh_from_db()
    assert complaint.status == S.REFERRED
    assert any("人民法院" in body for body in _texts_to("13911112222"))


def test_duplicate_is_merged_into_the_original(file_complaint, category, operator):
    original, _ = file_complaint(category=category)
    duplicate, _ = file_complaint(category=category)
    services.complaint_merge(actor=operator, duplicate=duplicate, original=original)
    duplicate.refresh_from_db()
    assert duplicate.status == S.MERGED and duplicate.merged_into == original


def test_signing_by_another_department_is_refused(dispatched, other_clerk):
    with pytest.raises(DomainError):
        services.complaint_sign(actor=other_clerk, complaint=dispatched)


def test_objection_returns_the_complaint_to_the_operator(dispatched, clerk, operator):
    services.complaint_object(actor=clerk, complaint=dispatched, reason="属于住建局职责")
    dispatched.refresh_from_db()
    assert dispatched.status == S.REGISTERED and dispatched.department is None
    assert not permissions.can_handle(clerk, dispatched)
    assert InboxMessage.objects.filter(recipient=operator, subject__contains="退回").exists()


def test_redirect_moves_the_complaint_and_its_access(
    dispatched, operator, other_department, clerk, other_clerk
):
    services.complaint_redirect(
        actor=operator, complaint=dispatched, department=other_department, note="职责调整"
    )
    dispatched.refresh_from_db()
    assert not permissions.can_handle(clerk, dispatched)
    assert permissions.can_handle(other_clerk, dispatched)


def test_extension_can_be_asked_once_and_approval_extends_the_clock(handling, clerk, operator):
    due = handling.clock.due_at
    services.extension_request(actor=clerk, complaint=handling, days=5, reason="需现场核查")
    with pytest.raises(DomainError):
        services.extension_request(actor=clerk, complaint=handling, days=5, reason="再次")
    services.extension_decide(actor=operator, complaint=handling, approve=True)
    handling.refresh_from_db()
    assert handling.extension.status == ExtensionRequest.Status.APPROVED
    assert handling.clock.due_at > due


def test_reply_needs_a_signed_complaint(dispatched, clerk):
    with pytest.raises(DomainError):
        services.complaint_reply(actor=clerk, complaint=dispatched, content="答复")


def test_a_complaint_cannot_close_without_a_reply(handling):
    handling.status = S.CLOSED
    with pytest.raises(IntegrityError), transaction.atomic():
        handling.save()


def test_reply_tells_the_complainant_by_sms(replied):
    assert replied.status == S.REPLIED
    assert any("已有答复" in body for body in _texts_to("13911112222"))


def test_unsatisfied_rating_sends_it_back_once(replied, clerk):
    services.complaint_rate(complaint=replied, level="unsatisfied")
    replied.refresh_from_db()
    assert replied.status == S.REHANDLING and replied.clock.kind == "petitions.rehandle"
    services.complaint_reply(actor=clerk, complaint=replied, content="重新核查后答复")
    services.complaint_rate(complaint=replied, level="unsatisfied")
    replied.refresh_from_db()
    assert replied.status == S.REPLIED and replied.rehandle_count == 1


def test_rating_the_same_reply_twice_is_refused(replied):
    services.complaint_rate(complaint=replied, level="satisfied")
    with pytest.raises(DomainError):
        services.complaint_rate(complaint=replied, level="unsatisfied")
    assert Rating.objects.filter(complaint=replied).count() == 1


def test_return_visit_closes_the_complaint(replied, operator):
    services.complaint_rate(complaint=replied, level="satisfied")
    services.complaint_return_visit(
        actor=operator, complaint=replied, result="satisfied", note="认可"
    )
    replied.refresh_from_db()
    assert replied.status == S.CLOSED and replied.closed_at is not None
    assert replied.clock is None


def test_unsatisfied_return_visit_sends_it_back(replied, operator):
    services.complaint_return_visit(actor=operator, complaint=replied, result="unsatisfied")
    replied.refresh_from_db()
    assert replied.status == S.REHANDLING


@pytest.fixture
def closed(replied, operator):
    services.complaint_return_visit(actor=operator, complaint=replied, result="basic")
    replied.refresh_from_db()
    return replied


def test_review_within_30_days_is_accepted(closed):
    review = services.review_request(complaint=closed, reason="处理不当")
    assert review.level == ReviewRequest.Level.REVIEW
    assert review.clock.kind == "petitions.review"


def test_review_after_30_days_is_refused(closed):
    closed.replies.update(created_at=timezone.now() - timedelta(days=31))
    with pytest.raises(DomainError):
        services.review_request(complaint=closed, reason="处理不当")
    assert not closed.reviews.exists()


def test_re_review_follows_a_decided_review_and_ends_the_matter(closed, operator, leader):
    review = services.review_request(complaint=closed, reason="处理不当")
    with pytest.raises(DomainError):
        services.review_request(complaint=closed, reason="再次")
    services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    re_review = services.review_request(complaint=closed, reason="仍不服")
    assert re_review.level == ReviewRequest.Level.RE_REVIEW
    services.review_decide(actor=leader, review=re_review, outcome="upheld", decision="维持，终结")
    closed.refresh_from_db()
    assert closed.is_final
    with pytest.raises(DomainError):
        services.review_request(complaint=closed, reason="第三次")


def test_re_review_after_30_days_of_the_review_decision_is_refused(closed, operator):
    review = services.review_request(complaint=closed, reason="处理不当")
    services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    ReviewRequest.objects.filter(pk=review.pk).update(
        decided_at=timezone.now() - timedelta(days=31)
    )
    with pytest.raises(DomainError):
        services.review_request(complaint=closed, reason="仍不服")


def test_re_review_is_decided_by_a_leader_not_the_operator(closed, operator):
    review = services.review_request(complaint=closed, reason="处理不当")
    services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    re_review = services.review_request(complaint=closed, reason="仍不服")
    with pytest.raises(DomainError):
        services.review_decide(actor=operator, review=re_review, outcome="upheld", decision="维持")


def test_same_matter_after_re_review_is_not_accepted_again(
    closed, operator, leader, file_complaint
):
    category = CategoryFactory()
    review = services.review_request(complaint=closed, reason="a")
    services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    services.review_decide(
        actor=leader,
        review=services.review_request(complaint=closed, reason="b"),
        outcome="upheld",
        decision="终结",
    )
    with pytest.raises(DomainError):
        file_complaint(category=category, related_number=closed.number)
    duplicate, _ = file_complaint(category=category)
    services.complaint_merge(actor=operator, duplicate=duplicate, original=closed)
    duplicate.refresh_from_db()
    assert duplicate.status == S.NOT_ACCEPTED


def test_reading_an_identity_is_logged(dispatched, operator):
    person = services.identity_read(actor=operator, complaint=dispatched, purpose="回访联系")
    assert person.phone == "13911112222"
    access = IdentityAccess.objects.get()
    assert (access.user, access.complaint, access.purpose) == (operator, dispatched, "回访联系")


def test_a_department_cannot_read_an_identity(dispatched, clerk):
    with pytest.raises(DomainError):
        services.identity_read(actor=clerk, complaint=dispatched, purpose="想知道")
    assert not IdentityAccess.objects.exists()


def test_petition_acceptance_notice_goes_to_a_named_petitioner_only(
    file_complaint, department, clerk
):
    petition = CategoryFactory(kind="petition", sign_limit=15, reply_limit=60, limit_unit="days")
    RoutingRuleFactory(category=petition, department=department)
    named, _ = file_complaint(
        category=petition,
        anonymous=False,
        identity=services.IdentityData(name="钱七", phone="13900000077"),
    )
    anonymous, _ = file_complaint(
        category=petition, identity=services.IdentityData(phone="13900000078")
    )
    services.complaint_sign(actor=clerk, complaint=named)
    services.complaint_sign(actor=clerk, complaint=anonymous)
    assert any("受理" in body for body in _texts_to("13900000077"))
    assert not any("受理" in body for body in _texts_to("13900000078"))
    named.refresh_from_db()
    assert named.clock.unit == "days" and named.clock.limit == 60


def test_a_petition_is_extended_by_at_most_30_days(file_complaint, department, clerk):
    petition = CategoryFactory(kind="petition", sign_limit=15, reply_limit=60, limit_unit="days")
    RoutingRuleFactory(category=petition, department=department)
    complaint, _ = file_complaint(category=petition)
    services.complaint_sign(actor=clerk, complaint=complaint)
    with pytest.raises(DomainError):
        services.extension_request(actor=clerk, complaint=complaint, days=31, reason="案情复杂")
    assert (
        services.extension_request(
            actor=clerk, complaint=complaint, days=30, reason="案情复杂"
        ).days
        == 30
    )
