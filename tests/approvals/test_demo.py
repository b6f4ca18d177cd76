import pytest

from approvals import demo
from approvals.demo import processes as demo_processes
from approvals.models import Case, Process
from disclosure.demo import catalogue as demo_catalogue
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_joint_and_risky_processes_and_cases_in_every_state():
    portal_demo.seed()
    demo_catalogue.seed(scale=1)
    demo.seed(scale=1)
    seeded = Case.objects.count()
    demo.seed(scale=1)

    active = Process.objects.filter(status="active")
    assert active.count() == len(demo_processes.PROCESSES)
    assert any(p.is_joint for p in active)
    assert active.filter(steps__risk_level=1).exists()
    statuses = set(Case.objects.values_list("status", flat=True))
    assert statuses >= {
        "submitted",
        "awaiting_materials",
        "in_progress",
        "paused",
        "decided",
        "finished",
        "refused",
    }
    # The eight cases in every state, and the past year's (approvals/demo/history.py) beside.
    assert Case.objects.count() == seeded > 8
