"""The case workflow through the services: applying, acceptance, steps, decision, delivery."""

import pytest

from approvals import services, transitions
from approvals.models import Case, CaseEvent, CaseTask, MaterialNotice
from portal.errors import DomainError
from portal.models import InboxMessage, OutboxMessage
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, ProcessFactory, pdf_upload, team
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import CitizenFactory, StaffFactory
from tests.supervision.factories import at

pytestmark = pytest.mark.django_db

S = Case.Status
E = CaseEvent.Code


def codes(case):
    return list(case.events.values_list("code", flat=True))


# --- Applying -----------------------------------------------------------------------------------


def test_draft_prefills_the_applicant_from_the_profile(process, citizen):
    case = services.case_start_draft(actor=citizen, item=process.item)
    assert case.status == S.DRAFT
    assert case.applicant_name == citizen.real_name
    assert case.applicant_id_number == citizen.resident_id
    assert case.applicant_mobile == citizen.mobile
    assert case.department == process.item.department
    assert codes(case) == [E.CREATED]


def test_starting_again_continues_the_open_draft(process, citizen):
    first = services.case_start_draft(actor=citizen, item=process.item)
    again = services.case_start_draft(actor=citizen, item=process.item)
    assert again.pk == first.pk


def test_an_unpublished_item_cannot_be_applied_for(citizen, department):
    process = ProcessFactory(item=CatalogueItemFactory(department=department))
    with pytest.raises(DomainError, match="职权目录"):
        services.case_start_draft(actor=citizen, item=process.item)
    assert not Case.objects.exists()


def test_an_item_without_an_active_process_cannot_be_applied_for(citizen, department):
    item = CatalogueItemFactory(published=True, department=department)
    with pytest.raises(DomainError, match="流程"):
        services.case_start_draft(actor=citizen, item=item)


def test_an_agent_files_for_a_citizen(process, citizen):
    from portal.roles import Role

    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    case = services.case_start_draft(actor=agent, item=process.item, on_behalf_of=citizen)
    assert case.applicant == citizen and case.agent == agent
    assert case.applicant_name == citizen.real_name


def test_only_an_agent_files_for_someone_else(process, citizen):
    with pytest.raises(DomainError, match="代办员"):
        services.case_start_draft(actor=CitizenFactory(), item=process.item, on_behalf_of=citizen)


def test_a_material_not_in_the_catalogue_is_refused(process, citizen):
    case = services.case_start_draft(actor=citizen, item=process.item)
    with pytest.raises(DomainError, match="不是本事项要求"):
        services.case_add_material(actor=citizen, case=case, name="别的", upload=pdf_upload())
    assert not case.materials.exists()


def test_submit_refuses_while_a_required_material_is_missing(process, citizen):
    case = services.case_start_draft(actor=citizen, item=process.item)
    services.case_add_material(actor=citizen, case=case, name="申请书", upload=pdf_upload())
    with pytest.raises(DomainError, match="身份证明"):
        services.case_submit(actor=citizen, case=case)
    case.refresh_from_db()
    assert case.status == S.DRAFT and case.number == ""


def test_submit_gives_number_code_and_the_acceptance_clock(process):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    assert case.status == S.SUBMITTED
    assert case.number.startswith("QS20261123")
    assert len(case.query_code) == 6 and case.query_code.isdigit()
    assert case.acceptance_clock.limit == 5
    assert case.acceptance_clock.kind == "approvals.acceptance"
    task = case.tasks.get()
    assert task.step.kind == "accept" and task.clock == case.acceptance_clock
    assert InboxMessage.objects.filter(recipient=case.applicant, body__contains=case.query_code)


def test_someone_else_cannot_touch_the_draft(process, citizen):
    case = services.case_start_draft(actor=citizen, item=process.item)
    with pytest.raises(DomainError, match="申请人"):
        services.case_save_draft(actor=CitizenFactory(), case=case, form_data={"a": 1})


def test_a_submitted_case_cannot_be_edited(process):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="已提交"):
        services.case_save_draft(actor=case.applicant, case=case, form_data={"a": 1})


# --- Acceptance ---------------------------------------------------------------------------------


def test_accept_starts_the_case_clock_and_opens_the_review(process, crew):
    case = CaseFactory(process=process)
    case = services.case_accept(actor=crew.clerk, case=case)
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS
    assert case.accepted_by == crew.clerk
    assert case.acceptance_clock.state == Clock.State.STOPPED
    assert case.clock.limit == 20 and case.clock.kind == "approvals.case"
    assert case.current_step.kind == "review"
    assert case.tasks.filter(status="active").count() == 1
    assert codes(case)[-1] == E.ACCEPTED
    assert OutboxMessage.objects.filter(recipient=case.applicant, body__contains="已受理").exists()


def test_another_department_cannot_accept(process, other_department):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="没有待办任务"):
        services.case_accept(actor=team(other_department).clerk, case=case)
    case.refresh_from_db()
    assert case.status == S.SUBMITTED


def test_refuse_acceptance_needs_a_reason(process, crew):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="理由"):
        services.case_refuse_acceptance(actor=crew.clerk, case=case, reason=" ")
    services.case_refuse_acceptance(actor=crew.clerk, case=case, reason="不属于本机关职权")
    case.refresh_from_db()
    assert case.status == S.REFUSED and case.refusal_reason == "不属于本机关职权"
    assert case.acceptance_clock.state == Clock.State.STOPPED
    assert codes(case)[-1] == E.REFUSED_ACCEPTANCE


def test_notice_lists_the_missing_materials_and_stops_the_clock(process, crew):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    notice = services.case_send_material_notice(
        actor=crew.clerk,
        case=case,
        missing=["申请书", "身份证明"],
        note="申请书须签字",
        at=at("2026-11-24 10:00"),
    )
    case.refresh_from_db()
    assert case.status == S.AWAITING_MATERIALS
    assert notice.missing == ["申请书", "身份证明"]
    assert case.acceptance_clock.state == Clock.State.PAUSED
    assert InboxMessage.objects.filter(recipient=case.applicant, body__contains="身份证明").exists()


def test_notice_is_sent_only_once(process, crew):
    case = CaseFactory(process=process)
    services.case_send_material_notice(actor=crew.clerk, case=case, missing=["申请书"])
    services.case_add_material(actor=case.applicant, case=case, name="申请书", upload=pdf_upload())
    services.case_supply_materials(actor=case.applicant, case=case)
    with pytest.raises(DomainError, match="只能发出一次"):
        services.case_send_material_notice(actor=crew.clerk, case=case, missing=["身份证明"])
    assert MaterialNotice.objects.filter(case=case).count() == 1


def test_notice_after_five_working_days_is_refused(process, crew):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    # Five working days after Mon 23 Nov end on Mon 30 Nov.
    with pytest.raises(DomainError, match="5 个工作日"):
        services.case_send_material_notice(
            actor=crew.clerk, case=case, missing=["申请书"], at=at("2026-12-01 09:00")
        )


def test_notice_must_list_something_known(process, crew):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="列出"):
        services.case_send_material_notice(actor=crew.clerk, case=case, missing=[])
    with pytest.raises(DomainError, match="不在本事项"):
        services.case_send_material_notice(actor=crew.clerk, case=case, missing=["户口本"])


def test_supply_needs_every_listed_material_and_restarts_the_clock(process, crew):
    case = CaseFactory(process=process)
    services.case_send_material_notice(actor=crew.clerk, case=case, missing=["申请书"])
    with pytest.raises(DomainError, match="申请书"):
        services.case_supply_materials(actor=case.applicant, case=case)
    services.case_add_material(actor=case.applicant, case=case, name="申请书", upload=pdf_upload())
    services.case_supply_materials(actor=case.applicant, case=case)
    case.refresh_from_db()
    assert case.status == S.SUBMITTED
    supplied = case.material_notice.supplied_at
    assert supplied is not None
    clock = case.acceptance_clock
    assert clock.state == Clock.State.RUNNING and clock.segment_started_at == supplied
    assert codes(case)[-1] == E.SUPPLIED


def test_old_materials_stay_while_awaiting_a_supplement(process, crew):
    case = CaseFactory(process=process)
    services.case_send_material_notice(actor=crew.clerk, case=case, missing=["申请书"])
    old = case.materials.first()
    with pytest.raises(DomainError, match="不能删除"):
        services.case_remove_material(actor=case.applicant, case=case, material=old)


def test_no_notice_within_five_working_days_counts_as_accepted_on_receipt(process):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    assert services.cases_deem_accepted(now=at("2026-11-30 12:00")) == 0
    assert services.cases_deem_accepted(now=at("2026-12-01 00:30")) == 1
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS and case.deemed_accepted
    assert case.accepted_at == at("2026-11-23 10:00") and case.accepted_by is None
    assert case.clock.started_at == at("2026-11-23 10:00")
    assert codes(case)[-1] == E.DEEMED_ACCEPTED
    # Idempotent: a second run (or a late one) moves nothing.
    assert services.cases_deem_accepted(now=at("2026-12-02 00:30")) == 0
    assert case.events.filter(code=E.DEEMED_ACCEPTED).count() == 1


def test_a_case_awaiting_materials_is_not_deemed_accepted(process, crew):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    services.case_send_material_notice(
        actor=crew.clerk, case=case, missing=["申请书"], at=at("2026-11-24 10:00")
    )
    assert services.cases_deem_accepted(now=at("2026-12-20 00:00")) == 0


def test_the_beat_task_deems_accepted(process):
    from approvals.tasks import deem_accepted

    CaseFactory(process=process, at=at("2026-01-05 10:00"))
    assert deem_accepted.delay().get() == 1


# --- Steps, joint steps, decision, delivery -----------------------------------------------------


def test_joint_step_moves_on_only_when_every_department_signed(joint_process, other_department):
    case = CaseFactory(process=joint_process, stage="in_progress")
    assert case.clock.limit == 45
    tasks = list(case.tasks.filter(status="active").order_by("department__code"))
    assert len(tasks) == 2
    first, second = tasks
    services.task_pass(actor=team(first.department).reviewer, task=first, opinion="同意")
    case.refresh_from_db()
    assert case.current_step.kind == "review"
    services.task_pass(actor=team(second.department).reviewer, task=second, opinion="同意")
    case.refresh_from_db()
    assert case.current_step.kind == "decide"
    signed = case.events.filter(code=E.JOINT_SIGNED)
    assert signed.count() == 2
    assert [e.data["step_complete"] for e in signed] == [False, True]


def test_a_department_signs_only_its_own_task(joint_process, department, other_department):
    case = CaseFactory(process=joint_process, stage="in_progress")
    theirs = case.tasks.get(status="active", department=other_department)
    with pytest.raises(DomainError, match="其他部门"):
        services.task_pass(actor=team(department).reviewer, task=theirs, opinion="同意")


def test_passing_needs_an_opinion(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    with pytest.raises(DomainError, match="意见"):
        services.task_pass(actor=crew.reviewer, task=task, opinion="")


def test_a_signed_task_cannot_be_signed_again(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    services.task_pass(actor=crew.reviewer, task=task, opinion="同意")
    with pytest.raises(DomainError, match="已经办理"):
        services.task_pass(actor=crew.reviewer, task=task, opinion="同意")
    assert case.events.filter(code=E.STEP_PASSED).count() == 1


def test_the_first_handling_step_cannot_be_returned(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    with pytest.raises(DomainError, match="不能退回"):
        services.task_return(actor=crew.reviewer, task=task, opinion="退回")


def test_decide_step_returns_to_the_review(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    services.task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    decide_task = case.tasks.get(status="active")
    services.task_return(actor=crew.head, task=decide_task, opinion="补充核查现场")
    case.refresh_from_db()
    assert case.current_step.kind == "review"
    decide_task.refresh_from_db()
    assert decide_task.status == CaseTask.Status.RETURNED
    assert decide_task.clock.state == Clock.State.STOPPED
    assert case.tasks.filter(status="active", step=case.current_step).count() == 1
    assert codes(case)[-1] == E.STEP_RETURNED


def test_decision_and_delivery(process, crew):
    case = CaseFactory(process=process, stage="decided")
    assert case.status == S.DECIDED and case.decision == "approve"
    assert case.decided_by == crew.head
    assert case.clock.state == Clock.State.STOPPED
    assert case.current_step.kind == "finish"
    assert InboxMessage.objects.filter(recipient=case.applicant, subject="审批决定").exists()
    services.case_finish(actor=crew.clerk, case=case, delivery_note="邮寄送达")
    case.refresh_from_db()
    assert case.status == S.FINISHED and case.finished_at
    assert not case.tasks.filter(status__in=["active", "pending"]).exists()
    assert codes(case)[-1] == E.FINISHED
    assert InboxMessage.objects.filter(recipient=case.applicant, subject="办件已办结").exists()


def test_an_approval_starts_the_delivery_clock_and_delivery_stops_it(process, crew):
    # 行政许可法 Art 44: the finish step's clock counts the delivery days from the decision.
    case = CaseFactory(process=process, stage="decided")
    delivery = case.tasks.get(step=case.current_step).clock
    assert delivery.state == Clock.State.RUNNING
    assert delivery.started_at == case.decided_at
    assert delivery.limit == case.current_step.limit_workdays <= 10
    services.case_finish(actor=crew.clerk, case=case, delivery_note="邮寄送达")
    delivery.refresh_from_db()
    assert delivery.state == Clock.State.STOPPED


def test_a_refusal_states_reasons_and_remedies(process, crew):
    case = CaseFactory(process=process, stage="decided", decision="refuse")
    assert case.decision == "refuse"
    assert "行政复议" in case.remedies


def test_only_a_head_decides(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    services.task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    with pytest.raises(DomainError, match="负责人"):
        services.case_decide(actor=crew.reviewer, case=case, decision="approve", reason="")


def test_decision_with_a_document(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    services.task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    services.case_decide(
        actor=crew.head, case=case, decision="approve", reason="", document=pdf_upload("决定书.pdf")
    )
    case.refresh_from_db()
    assert case.result_document.name.startswith("approvals/results/")


def test_withdraw_stops_every_clock(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    services.case_withdraw(actor=case.applicant, case=case, reason="不再需要")
    case.refresh_from_db()
    assert case.status == S.WITHDRAWN
    assert case.clock.state == Clock.State.STOPPED
    assert not case.tasks.filter(status="active").exists()


# --- Pauses and extension -----------------------------------------------------------------------


def test_pause_tells_the_applicant_the_expected_duration(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    services.case_pause(
        actor=crew.reviewer, case=case, reason_kind="expert_review", expected_days=10, note=""
    )
    case.refresh_from_db()
    assert case.status == S.PAUSED
    assert case.clock.state == Clock.State.PAUSED
    assert case.tasks.get(status="active").clock.state == Clock.State.PAUSED
    assert InboxMessage.objects.filter(
        recipient=case.applicant, body__contains="专家评审，预计10个工作日"
    ).exists()
    services.case_resume(actor=crew.reviewer, case=case)
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS and case.clock.state == Clock.State.RUNNING
    assert codes(case)[-2:] == [E.PAUSED, E.RESUMED]


def test_pause_needs_a_lawful_reason(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    with pytest.raises(DomainError, match="事由"):
        services.case_pause(actor=crew.reviewer, case=case, reason_kind="holiday", expected_days=3)


# --- Transitions table --------------------------------------------------------------------------


@pytest.mark.parametrize("move", sorted(transitions.ALLOWED))
def test_every_move_outside_the_table_is_refused(move):
    for status in Case.Status.values:
        case = Case(status=status)
        if status in transitions.ALLOWED[move]:
            transitions.check(case, move)
        else:
            with pytest.raises(DomainError) as refused:
                transitions.check(case, move)
            assert refused.value.code == f"bad_transition:{move}"
            assert str(refused.value) == str(transitions.REFUSALS[move])


@pytest.mark.parametrize(
    "stage,call",
    [
        ("submitted", lambda c, t: services.case_finish(actor=t.clerk, case=c, delivery_note="x")),
        ("submitted", lambda c, t: services.case_resume(actor=t.clerk, case=c)),
        ("in_progress", lambda c, t: services.case_accept(actor=t.clerk, case=c)),
        (
            "in_progress",
            lambda c, t: services.case_send_material_notice(
                actor=t.clerk, case=c, missing=["申请书"]
            ),
        ),
        ("finished", lambda c, t: services.case_withdraw(actor=c.applicant, case=c, reason="x")),
        (
            "finished",
            lambda c, t: services.case_decide(actor=t.head, case=c, decision="approve", reason=""),
        ),
        (
            "decided",
            lambda c, t: services.case_pause(
                actor=t.clerk, case=c, reason_kind="hearing", expected_days=3
            ),
        ),
    ],
)
def test_illegal_moves_on_real_cases_change_nothing(process, crew, stage, call):
    case = CaseFactory(process=process, stage=stage)
    before = (case.status, case.events.count(), case.history.count())
    with pytest.raises(DomainError):
        call(case, crew)
    case.refresh_from_db()
    assert (case.status, case.events.count(), case.history.count()) == before


# --- History and events -------------------------------------------------------------------------


def test_every_action_writes_one_event_and_history_names_the_actor(process, crew):
    case = CaseFactory(process=process, stage="finished")
    assert codes(case) == [
        E.CREATED,
        E.MATERIAL_ADDED,
        E.MATERIAL_ADDED,
        E.SUBMITTED,
        E.ACCEPTED,
        E.STEP_PASSED,
        E.DECIDED,
        E.FINISHED,
    ]
    users = {h.status: h.history_user for h in case.history.all()}
    assert users[S.IN_PROGRESS] == crew.clerk
    assert users[S.DECIDED] == crew.head
    assert users[S.FINISHED] == crew.clerk
    assert users[S.SUBMITTED] == case.applicant
