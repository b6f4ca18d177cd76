"""Rules that protect a case from its handlers: refused with a clear message, reported to
supervision, and nothing else written."""

import pytest

from approvals.models import Case, CaseEvent
from approvals.services.handling.acceptance import case_accept
from approvals.services.handling.clocks import case_extend, case_pause
from approvals.services.handling.decision import case_decide
from approvals.services.handling.fees import case_set_fee
from approvals.services.handling.finish import case_finish
from approvals.services.handling.steps import task_pass
from portal.errors import DomainError
from portal.models import StaffRelation
from portal.roles import Role
from supervision.models import Alert, Clock
from tests.approvals.factories import CaseFactory, ProcessFactory, team
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def at_decision(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    case.refresh_from_db()
    return case


def snapshot(case):
    case.refresh_from_db()
    return case.status, case.events.count(), case.history.count(), case.fee_amount


# --- Separation of duties (受理和办理相分离) ----------------------------------------------------


def test_the_clerk_who_accepted_may_not_decide(process, crew):
    crew.clerk.groups.add(*crew.head.groups.all())  # even a head who accepted
    case = at_decision(process, crew)
    before = snapshot(case)
    with pytest.raises(DomainError, match="受理和办理相分离"):
        case_decide(actor=crew.clerk, case=case, decision="approve", reason="")
    assert snapshot(case) == before
    alert = Alert.objects.get(kind=Alert.Kind.SEPARATION_OF_DUTIES)
    assert alert.subject_ref == case.number
    assert crew.clerk.real_name in alert.text


def test_another_head_decides(process, crew):
    case = at_decision(process, crew)
    case_decide(actor=crew.head, case=case, decision="approve", reason="")
    assert not Alert.objects.filter(kind=Alert.Kind.SEPARATION_OF_DUTIES).exists()


# --- Recusal (回避制度) --------------------------------------------------------------------------


def declare(staff, case):
    StaffRelation.objects.create(
        staff=staff, resident_id=case.applicant_id_number, name=case.applicant_name, kind="kin"
    )


def test_a_related_clerk_may_not_accept(process, crew):
    case = CaseFactory(process=process)
    declare(crew.clerk, case)
    before = snapshot(case)
    with pytest.raises(DomainError, match="回避"):
        case_accept(actor=crew.clerk, case=case)
    assert snapshot(case) == before
    alert = Alert.objects.get(kind=Alert.Kind.RECUSAL)
    assert alert.subject_ref == case.number and alert.department == crew.department


def test_a_related_reviewer_may_not_sign(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    declare(crew.reviewer, case)
    task = case.tasks.get(status="active")
    with pytest.raises(DomainError, match="回避"):
        task_pass(actor=crew.reviewer, task=task, opinion="同意")
    task.refresh_from_db()
    assert task.status == "active"
    assert Alert.objects.filter(kind=Alert.Kind.RECUSAL).count() == 1


def test_a_related_head_may_not_decide(process, crew):
    case = at_decision(process, crew)
    declare(crew.head, case)
    with pytest.raises(DomainError, match="回避"):
        case_decide(actor=crew.head, case=case, decision="approve", reason="")
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_PROGRESS


def test_a_relation_to_someone_else_does_not_matter(process, crew):
    case = CaseFactory(process=process)
    StaffRelation.objects.create(
        staff=crew.clerk, resident_id="110101199003070011", name="别人", kind="kin"
    )
    case_accept(actor=crew.clerk, case=case)
    assert not Alert.objects.filter(kind=Alert.Kind.RECUSAL).exists()


def test_the_same_breach_twice_raises_one_alert(process, crew):
    case = CaseFactory(process=process)
    declare(crew.clerk, case)
    for _ in range(2):
        with pytest.raises(DomainError):
            case_accept(actor=crew.clerk, case=case)
    assert Alert.objects.filter(kind=Alert.Kind.RECUSAL).count() == 1


# --- Risk points (风险点) ----------------------------------------------------------------------


def test_a_level_one_risk_decision_needs_a_written_reason(risky_process, crew):
    case = at_decision(risky_process, crew)
    with pytest.raises(DomainError, match=r"一级风险.*书面理由"):
        case_decide(actor=crew.head, case=case, decision="approve", reason=" ")
    assert not Alert.objects.filter(kind=Alert.Kind.RISK_DECISION).exists()
    case_decide(actor=crew.head, case=case, decision="approve", reason="经集体研究同意")
    alert = Alert.objects.get(kind=Alert.Kind.RISK_DECISION)
    assert "经集体研究同意" in alert.text and alert.subject_ref == case.number


def test_a_level_three_risk_decision_is_not_monitored(department, crew):
    process = ProcessFactory(item__department=department, risk_level=3)
    case = at_decision(process, crew)
    case_decide(actor=crew.head, case=case, decision="approve", reason="")
    assert not Alert.objects.filter(kind=Alert.Kind.RISK_DECISION).exists()


# --- Fees (一单式收费) -------------------------------------------------------------------------


@pytest.fixture
def paid_process(department):
    return ProcessFactory(item=CatalogueItemFactory(published=True, department=department, fee=50))


def test_the_standard_fee_is_set(paid_process, crew):
    case = CaseFactory(process=paid_process, stage="in_progress")
    case_set_fee(actor=crew.clerk, case=case, amount="50")
    case.refresh_from_db()
    assert str(case.fee_amount) == "50.00"
    assert case.events.last().code == CaseEvent.Code.FEE_SET
    assert not Alert.objects.filter(kind=Alert.Kind.FEE_ANOMALY).exists()


def test_a_fee_above_the_standard_is_refused_and_reported(paid_process, crew):
    case = CaseFactory(process=paid_process, stage="in_progress")
    before = snapshot(case)
    with pytest.raises(DomainError, match="超过目录公布的标准"):
        case_set_fee(actor=crew.clerk, case=case, amount="80")
    assert snapshot(case) == before
    assert Alert.objects.filter(kind=Alert.Kind.FEE_ANOMALY).count() == 1


def test_any_fee_on_a_free_item_is_refused(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    with pytest.raises(DomainError, match="依法不收费"):
        case_set_fee(actor=crew.clerk, case=case, amount="1")
    assert Case.objects.get(pk=case.pk).fee_amount is None
    assert Alert.objects.filter(kind=Alert.Kind.FEE_ANOMALY).exists()


def test_a_clerk_cannot_override_even_with_a_reason(paid_process, crew):
    case = CaseFactory(process=paid_process, stage="in_progress")
    with pytest.raises(DomainError):
        case_set_fee(actor=crew.clerk, case=case, amount="80", override_reason="加急")
    assert Case.objects.get(pk=case.pk).fee_amount is None


def test_a_head_overrides_with_a_reason_and_supervision_hears_of_it(paid_process, crew):
    case = CaseFactory(process=paid_process, stage="in_progress")
    case_set_fee(actor=crew.head, case=case, amount="80", override_reason="含工本费")
    case.refresh_from_db()
    assert str(case.fee_amount) == "80.00" and case.fee_override_reason == "含工本费"
    assert case.events.last().code == CaseEvent.Code.FEE_OVERRIDE
    alert = Alert.objects.get(kind=Alert.Kind.FEE_ANOMALY)
    assert "含工本费" in alert.text


def test_a_paid_item_is_not_finished_without_a_fee(paid_process, crew):
    case = CaseFactory(process=paid_process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    case_decide(actor=crew.head, case=case, decision="approve", reason="")
    with pytest.raises(DomainError, match="核定收费"):
        case_finish(actor=crew.clerk, case=case, delivery_note="邮寄")


@pytest.mark.parametrize("amount", ["-1", "abc", "1e20"])
def test_a_bad_amount_is_refused(paid_process, crew, amount):
    case = CaseFactory(process=paid_process, stage="in_progress")
    with pytest.raises(DomainError, match="收费金额"):
        case_set_fee(actor=crew.clerk, case=case, amount=amount)


# --- Extension (延长期限) ----------------------------------------------------------------------


def test_one_extension_of_ten_days_approved_by_the_head(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    case_extend(actor=crew.reviewer, case=case, reason="需现场核查", approved_by=crew.head)
    case.refresh_from_db()
    assert case.extended and case.clock.extension == 10
    assert case.clock.extension_approver == crew.head
    assert case.events.last().code == CaseEvent.Code.EXTENDED
    with pytest.raises(DomainError, match="只能延长一次"):
        case_extend(actor=crew.reviewer, case=case, reason="再延", approved_by=crew.head)
    assert case.events.filter(code=CaseEvent.Code.EXTENDED).count() == 1


def test_a_clerk_cannot_approve_an_extension(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    with pytest.raises(DomainError, match="负责人批准"):
        case_extend(actor=crew.reviewer, case=case, reason="x", approved_by=crew.clerk)
    assert Case.objects.get(pk=case.pk).clock.extension == 0


def test_a_joint_case_extends_fifteen_days_with_the_leader(joint_process, crew):
    case = CaseFactory(process=joint_process, stage="in_progress")
    with pytest.raises(DomainError, match="县政府负责人"):
        case_extend(actor=crew.reviewer, case=case, reason="x", approved_by=crew.head)
    leader = StaffFactory(roles=[Role.LEADER])
    case_extend(actor=crew.reviewer, case=case, reason="会签部门多", approved_by=leader)
    case.refresh_from_db()
    assert case.clock.extension == 15 and case.clock.limit == 45


def test_an_extension_needs_a_reason(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    with pytest.raises(DomainError, match="理由"):
        case_extend(actor=crew.reviewer, case=case, reason=" ", approved_by=crew.head)


def test_an_outsider_cannot_extend(process, crew, other_department):
    case = CaseFactory(process=process, stage="in_progress")
    with pytest.raises(DomainError, match="承办部门"):
        case_extend(
            actor=team(other_department).clerk, case=case, reason="x", approved_by=crew.head
        )


def test_a_paused_case_can_be_extended(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    case_pause(actor=crew.reviewer, case=case, reason_kind="hearing", expected_days=5)
    case_extend(actor=crew.reviewer, case=case, reason="听证", approved_by=crew.head)
    case.refresh_from_db()
    assert case.clock.state == Clock.State.PAUSED and case.clock.extension == 10


def test_a_move_at_a_monitored_review_step_is_listed_for_supervisors(department, crew):
    process = ProcessFactory(item__department=department)
    review = process.steps.get(kind="review")
    review.risk_level, review.control_measure = 2, "两人以上现场核查"
    review.save()
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="核查属实")
    alert = Alert.objects.get(kind=Alert.Kind.RISK_DECISION)
    assert "二级风险" in alert.text and "核查属实" in alert.text
