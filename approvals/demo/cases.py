"""Demo cases in every state, filed and handled through the services."""

from approvals.models import Case
from approvals.services import applying as applying_services
from approvals.services import consents as consent_services
from approvals.services.handling.acceptance import (
    case_accept,
    case_refuse_acceptance,
    case_send_material_notice,
)
from approvals.services.handling.clocks import case_pause
from approvals.services.handling.decision import case_decide
from approvals.services.handling.finish import case_finish
from approvals.services.handling.steps import task_pass
from disclosure.models import CatalogueItem
from portal.demo import demo_document
from portal.models import User


def _file(actor: User, item_code: str, *, on_behalf_of: User | None = None) -> Case:
    item = CatalogueItem.objects.get(code=item_code)
    case = applying_services.case_start_draft(actor=actor, item=item, on_behalf_of=on_behalf_of)
    if on_behalf_of is not None and case.consent.is_pending:
        # The citizen agrees in their own account, as the agent asked.
        consent_services.consent_decide(actor=on_behalf_of, consent=case.consent, grant=True)
    applying_services.case_save_draft(
        actor=actor,
        case=case,
        form_data={"申请事由": f"申请办理{item.name}", "联系地址": "城关镇东村"},
    )
    for material in item.materials.filter(is_required=True):
        applying_services.case_add_material(
            actor=actor, case=case, name=material.name, upload=demo_document(f"{material.name}.pdf")
        )
    case, _code = applying_services.case_submit(actor=actor, case=case)
    return case


def _pass(case: Case, by: dict[str, User]) -> None:
    case.refresh_from_db()
    for task in case.tasks.filter(status="active").select_related("department"):
        task_pass(actor=by[task.department.code], task=task, opinion="材料齐全，同意。")


def seed_cases() -> int:
    """File and move the demo cases; return how many cases there are."""
    users = {u.username: u for u in User.objects.filter(username__in=[
        "clerk_a", "clerk_b", "clerk_land", "head_market", "head_land", "head_housing",
        "head_civil", "agent", "13900000001", "13900000002",
    ])}  # fmt: skip
    citizen, citizen2 = users["13900000001"], users["13900000002"]
    clerk_a, clerk_b, head = users["clerk_a"], users["clerk_b"], users["head_market"]

    # 待受理: waiting at the window.
    _file(citizen, "market-002")
    # 待补正: the one-time notice lists what is missing.
    case = _file(citizen, "market-001")
    case_send_material_notice(
        actor=clerk_a,
        case=case,
        missing=["与食品经营相适应的场所平面图"],
        note="平面图须标明操作间、仓库面积并加盖公章。",
    )
    # 办理中, at the level-2 risk step (现场核查).
    case = _file(citizen2, "market-001")
    case_accept(actor=clerk_a, case=case)
    _pass(case, {"market": clerk_b})
    # 联审联批: the land office signed, the housing bureau has not yet.
    case = _file(citizen, "land-001")
    case_accept(actor=users["clerk_land"], case=case)
    case.refresh_from_db()
    land_task = case.tasks.get(status="active", department__code="land")
    task_pass(actor=users["clerk_land"], task=land_task, opinion="符合土地利用总体规划。")
    # 已决定, waiting for delivery; and 已办结, ready to be rated.
    for finish in (False, True):
        case = _file(citizen, "market-002")
        case_accept(actor=clerk_a, case=case)
        _pass(case, {"market": clerk_b})
        case_decide(actor=head, case=case, decision="approve", reason="符合登记条件。")
        if finish:
            case_finish(actor=clerk_a, case=case, delivery_note="营业执照已邮寄送达")
    # 暂停计时: an expert review on a construction permit, filed by the village agent.
    case = _file(users["agent"], "housing-001", on_behalf_of=citizen2)
    case_accept(actor=users["head_housing"], case=case)
    case_pause(
        actor=users["head_housing"],
        case=case,
        reason_kind="expert_review",
        expected_days=10,
        note="施工图需专家评审。",
    )
    # 不予受理.
    case = _file(citizen2, "civil-003")
    case_refuse_acceptance(
        actor=users["head_civil"],
        case=case,
        reason="申请事项不属于本机关职权范围，请向乡镇人民政府申请。",
    )
    return Case.objects.count()
