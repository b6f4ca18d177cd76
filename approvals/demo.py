"""Demo data of the approvals pillar: active processes for the demo catalogue's licences, one of
them joint (联审联批) with a level-1 risk point, and cases in every state. Idempotent."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from approvals import services
from approvals.models import Case, Process
from disclosure.models import CatalogueItem
from portal.models import Department, User

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# item code → steps: (kind, name, department codes, limit WD, risk level, control measure)
PROCESSES = {
    "market-001": [
        ("accept", "窗口受理", ["market"], 1, 0, ""),
        ("review", "材料审查", ["market"], 3, 0, ""),
        ("review", "现场核查", ["market"], 3, 2, "两人以上核查，全程记录，核查结果当场签字确认"),
        ("decide", "审批决定", ["market"], 2, 0, ""),
        ("finish", "制证送达", ["market"], 1, 0, ""),
    ],
    "market-002": [
        ("accept", "窗口受理", ["market"], 1, 0, ""),
        ("review", "审查", ["market"], 1, 0, ""),
        ("decide", "登记决定", ["market"], 1, 0, ""),
        ("finish", "发照", ["market"], 1, 0, ""),
    ],
    "land-001": [
        ("accept", "窗口受理", ["land"], 1, 0, ""),
        ("review", "联合审查", ["land", "housing"], 10, 0, ""),
        (
            "decide",
            "用地预审决定",
            ["land"],
            5,
            1,
            "集体研究决定，纪检监察全程监督，决定理由书面存档并公示",
        ),
        ("finish", "核发意见书", ["land"], 2, 0, ""),
    ],
    "housing-001": [
        ("accept", "窗口受理", ["housing"], 1, 0, ""),
        ("review", "审查", ["housing"], 5, 0, ""),
        ("decide", "许可决定", ["housing"], 3, 3, "负责人审签，定期抽查"),
        ("finish", "发证", ["housing"], 1, 0, ""),
    ],
    "civil-003": [
        ("accept", "窗口受理", ["civil"], 1, 0, ""),
        ("review", "审查", ["civil"], 5, 0, ""),
        ("decide", "决定", ["civil"], 3, 0, ""),
        ("finish", "送达", ["civil"], 1, 0, ""),
    ],
}


def _upload(name: str) -> SimpleUploadedFile:
    upload = SimpleUploadedFile(f"{name}.pdf", PDF, content_type="application/pdf")
    upload.detected_type = "application/pdf"
    return upload


def _processes(admin: User) -> int:
    made = 0
    for code, steps in PROCESSES.items():
        item = CatalogueItem.objects.filter(code=code, status="published").first()
        if item is None or item.processes.exists():
            continue
        process = services.process_create(actor=admin, item=item)
        for kind, name, departments, limit, risk, measure in steps:
            services.process_add_step(
                actor=admin,
                process=process,
                kind=kind,
                name=name,
                departments=list(Department.objects.filter(code__in=departments)),
                limit_workdays=limit,
                risk_level=risk,
                control_measure=measure,
            )
        services.process_activate(actor=admin, process=process)
        made += 1
    return made


def _file(actor: User, item_code: str, *, on_behalf_of: User | None = None) -> Case:
    item = CatalogueItem.objects.get(code=item_code)
    case = services.case_start_draft(actor=actor, item=item, on_behalf_of=on_behalf_of)
    services.case_save_draft(
        actor=actor,
        case=case,
        form_data={"申请事由": f"申请办理{item.name}", "联系地址": "城关镇东村"},
    )
    for material in item.materials.filter(is_required=True):
        services.case_add_material(
            actor=actor, case=case, name=material.name, upload=_upload(material.name)
        )
    return services.case_submit(actor=actor, case=case)


def _pass(case: Case, by: dict[str, User]) -> None:
    case.refresh_from_db()
    for task in case.tasks.filter(status="active").select_related("department"):
        services.task_pass(actor=by[task.department.code], task=task, opinion="材料齐全，同意。")


def _cases() -> int:
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
    services.case_send_material_notice(
        actor=clerk_a,
        case=case,
        missing=["与食品经营相适应的场所平面图"],
        note="平面图须标明操作间、仓库面积并加盖公章。",
    )
    # 办理中, at the level-2 risk step (现场核查).
    case = _file(citizen2, "market-001")
    services.case_accept(actor=clerk_a, case=case)
    _pass(case, {"market": clerk_b})
    # 联审联批: the land office signed, the housing bureau has not yet.
    case = _file(citizen, "land-001")
    services.case_accept(actor=users["clerk_land"], case=case)
    case.refresh_from_db()
    land_task = case.tasks.get(status="active", department__code="land")
    services.task_pass(actor=users["clerk_land"], task=land_task, opinion="符合土地利用总体规划。")
    # 已决定, waiting for delivery; and 已办结, ready to be rated.
    for finish in (False, True):
        case = _file(citizen, "market-002")
        services.case_accept(actor=clerk_a, case=case)
        _pass(case, {"market": clerk_b})
        services.case_decide(actor=head, case=case, decision="approve", reason="符合登记条件。")
        if finish:
            services.case_finish(actor=clerk_a, case=case, delivery_note="营业执照已邮寄送达")
    # 暂停计时: an expert review on a construction permit, filed by the village agent.
    case = _file(users["agent"], "housing-001", on_behalf_of=citizen2)
    services.case_accept(actor=users["head_housing"], case=case)
    services.case_pause(
        actor=users["head_housing"],
        case=case,
        reason_kind="expert_review",
        expected_days=10,
        note="施工图需专家评审。",
    )
    # 不予受理.
    case = _file(citizen2, "civil-003")
    services.case_refuse_acceptance(
        actor=users["head_civil"],
        case=case,
        reason="申请事项不属于本机关职权范围，请向乡镇人民政府申请。",
    )
    return Case.objects.count()


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    admin = User.objects.get(username="admin")
    with transaction.atomic():
        made = _processes(admin)
        cases = 0
        if not Case.objects.exists() and Process.objects.filter(status="active").exists():
            cases = _cases()
    if stdout is not None:
        stdout.write(f"approvals: {made} processes activated, {cases} demo cases")
    return [
        ("clerk_a", "窗口工作人员：受理、一次性告知（网上审批 · 本单位待办）"),
        ("head_market", "市场局负责人：作出审批决定、批准延期和超标准收费"),
        ("13900000001", "群众：网上申请、补正材料、查询进度、评价"),
    ]
