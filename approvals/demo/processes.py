"""Demo processes: active processes for the demo catalogue's licences, one of them joint
(联审联批) with a level-1 risk point. Idempotent: an item that has a process is left alone."""

from django.utils.translation import gettext_noop

from approvals.services import processes as process_services
from disclosure.models import CatalogueItem
from portal.models import Department, User

# item code → steps: (kind, name, department codes, limit WD, risk level, control measure);
# the names are msgids, shown translated (ProcessStep.label)
PROCESSES = {
    "market-001": [
        ("accept", gettext_noop("窗口受理"), ["market"], 1, 0, ""),
        ("review", gettext_noop("材料审查"), ["market"], 3, 0, ""),
        (
            "review",
            gettext_noop("现场核查"),
            ["market"],
            3,
            2,
            "两人以上核查，全程记录，核查结果当场签字确认",
        ),
        ("decide", gettext_noop("审批决定"), ["market"], 2, 0, ""),
        ("finish", gettext_noop("制证送达"), ["market"], 1, 0, ""),
    ],
    "market-002": [
        ("accept", gettext_noop("窗口受理"), ["market"], 1, 0, ""),
        ("review", gettext_noop("审查"), ["market"], 1, 0, ""),
        ("decide", gettext_noop("登记决定"), ["market"], 1, 0, ""),
        ("finish", gettext_noop("发照"), ["market"], 1, 0, ""),
    ],
    "land-001": [
        ("accept", gettext_noop("窗口受理"), ["land"], 1, 0, ""),
        ("review", gettext_noop("联合审查"), ["land", "housing"], 10, 0, ""),
        (
            "decide",
            gettext_noop("用地预审决定"),
            ["land"],
            5,
            1,
            "集体研究决定，纪检监察全程监督，决定理由书面存档并公示",
        ),
        ("finish", gettext_noop("核发意见书"), ["land"], 2, 0, ""),
    ],
    "housing-001": [
        ("accept", gettext_noop("窗口受理"), ["housing"], 1, 0, ""),
        ("review", gettext_noop("审查"), ["housing"], 3, 0, ""),
        ("decide", gettext_noop("许可决定"), ["housing"], 2, 3, "负责人审签，定期抽查"),
        ("finish", gettext_noop("发证"), ["housing"], 1, 0, ""),
    ],
    "civil-003": [
        ("accept", gettext_noop("窗口受理"), ["civil"], 1, 0, ""),
        ("review", gettext_noop("审查"), ["civil"], 5, 0, ""),
        ("decide", gettext_noop("决定"), ["civil"], 3, 0, ""),
        ("finish", gettext_noop("送达"), ["civil"], 1, 0, ""),
    ],
}


def seed_processes(admin: User) -> int:
    """Draft, fill and activate each item's process; return how many were activated."""
    made = 0
    for code, steps in PROCESSES.items():
        item = CatalogueItem.objects.filter(code=code, status="published").first()
        if item is None or item.processes.exists():
            continue
        process = process_services.process_create(actor=admin, item=item)
        for kind, name, departments, limit, risk, measure in steps:
            process_services.process_add_step(
                actor=admin,
                process=process,
                kind=kind,
                name=name,
                departments=list(Department.objects.filter(code__in=departments)),
                limit_workdays=limit,
                risk_level=risk,
                control_measure=measure,
            )
        process_services.process_activate(actor=admin, process=process)
        made += 1
    return made
