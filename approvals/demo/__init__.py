"""Demo data of the approvals pillar: active processes for the demo catalogue's licences, one of
them joint (联审联批) with a level-1 risk point, and cases in every state. Idempotent."""

from django.db import transaction

from approvals.demo.cases import seed_cases
from approvals.demo.history import seed_history
from approvals.demo.processes import seed_processes
from approvals.models import Case, Process
from portal.models import User


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    admin = User.objects.get(username="admin")
    with transaction.atomic():
        made = seed_processes(admin)
        cases = 0
        if not Case.objects.exists() and Process.objects.filter(status="active").exists():
            cases = seed_cases()
        cases += seed_history()
    if stdout is not None:
        stdout.write(f"approvals: {made} processes activated, {cases} demo cases")
    return [
        ("clerk_a", "窗口工作人员：受理、一次性告知（网上审批 · 本单位待办）"),
        ("head_market", "市场局负责人：作出审批决定、批准延期和超标准收费"),
        ("13900000001", "群众：网上申请、补正材料、查询进度、评价"),
    ]
