"""Process definitions: versions drafted, edited, activated and retired; the flow chart."""

import pytest
from django.urls import reverse

from approvals.models import Process
from approvals.services.applying import case_start_draft
from approvals.services.handling.legal import legal_limit_for
from approvals.services.handling.steps import task_pass
from approvals.services.processes import process_activate, process_add_step, process_create
from portal.roles import Role
from tests.approvals.factories import CaseFactory, ProcessFactory, team
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(department):
    return StaffFactory(roles=[Role.ADMIN], department=department)


def test_admin_drafts_edits_and_activates_a_new_version(client, process, admin_user, department):
    client.force_login(admin_user)
    response = client.post(reverse("approvals:process_create", args=[process.item.pk]))
    draft = Process.objects.get(item=process.item, status="draft")
    assert response.status_code == 302 and draft.steps.count() == 4
    response = client.post(
        reverse("approvals:process_step_remove", args=[draft.steps.get(kind="review").pk])
    )
    assert draft.steps.count() == 3
    client.post(reverse("approvals:process_activate", args=[draft.pk]))
    draft.refresh_from_db()
    process.refresh_from_db()
    assert draft.status == "active" and process.status == "retired"


def test_a_running_case_keeps_its_version(process, admin_user):
    case = CaseFactory(process=process, stage="in_progress")
    draft = process_create(actor=admin_user, item=process.item, copy_from=process)
    process_activate(actor=admin_user, process=draft)
    case.refresh_from_db()
    assert case.process == process
    crew = team(process.item.department)
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")


def test_an_active_version_never_changes(client, process, admin_user, department):
    from portal.errors import DomainError

    with pytest.raises(DomainError, match="新建版本"):
        process_add_step(
            actor=admin_user, process=process, kind="review", name="再审", departments=[department]
        )
    client.force_login(admin_user)
    response = client.post(
        reverse("approvals:process_step_remove", args=[process.steps.first().pk]), follow=True
    )
    assert "不能修改" in response.content.decode()
    assert process.steps.count() == 4


def test_a_process_without_a_decision_cannot_be_activated(process, admin_user, department):
    from portal.errors import DomainError

    draft = process_create(actor=admin_user, item=process.item)
    process_add_step(
        actor=admin_user, process=draft, kind="accept", name="受理", departments=[department]
    )
    process_add_step(
        actor=admin_user, process=draft, kind="finish", name="办结", departments=[department]
    )
    with pytest.raises(DomainError, match="决定"):
        process_activate(actor=admin_user, process=draft)


def _draft_delivering_in(days, process, admin_user, department):
    draft = process_create(actor=admin_user, item=process.item)
    for kind, limit in [("accept", 1), ("decide", 5), ("finish", days)]:
        process_add_step(
            actor=admin_user,
            process=draft,
            kind=kind,
            name=f"{kind}环节",
            departments=[department],
            limit_workdays=limit,
        )
    return draft


def test_a_finish_step_of_ten_working_days_is_put_in_force(process, admin_user, department):
    draft = _draft_delivering_in(10, process, admin_user, department)
    process_activate(actor=admin_user, process=draft)
    draft.refresh_from_db()
    assert draft.status == "active"


def test_a_finish_step_longer_than_article_44_allows_is_refused(process, admin_user, department):
    from portal.errors import DomainError

    draft = _draft_delivering_in(11, process, admin_user, department)
    with pytest.raises(DomainError, match=r"finish环节.*不得超过10个工作日"):
        process_activate(actor=admin_user, process=draft)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_joint_process_runs_on_the_promise_under_a_45_day_legal_limit(
    process, admin_user, department, other_department
):
    draft = process_create(actor=admin_user, item=process.item)
    for kind, departments in [
        ("accept", [department]),
        ("review", [department, other_department]),
        ("decide", [department]),
        ("finish", [department]),
    ]:
        process_add_step(
            actor=admin_user, process=draft, kind=kind, name=kind, departments=departments
        )
    process_activate(actor=admin_user, process=draft)
    draft.refresh_from_db()
    assert draft.total_limit_workdays == process.item.time_limit_days
    assert legal_limit_for(draft) == 45


def test_a_risk_step_needs_a_control_measure(process, admin_user, department):
    from portal.errors import DomainError

    draft = process_create(actor=admin_user, item=process.item)
    with pytest.raises(DomainError, match="防控措施"):
        process_add_step(
            actor=admin_user,
            process=draft,
            kind="decide",
            name="决定",
            departments=[department],
            risk_level=1,
        )


def test_clerks_cannot_define_processes(client, process, crew):
    client.force_login(crew.clerk)
    assert client.get(reverse("approvals:process_list")).status_code == 404
    assert client.get(reverse("approvals:process_detail", args=[process.pk])).status_code == 404


def test_process_pages_render(client, process, admin_user):
    client.force_login(admin_user)
    assert process.item.name in client.get(reverse("approvals:process_list")).content.decode()
    text = client.get(reverse("approvals:process_detail", args=[process.pk])).content.decode()
    assert "不能修改" in text


def test_chart_shows_joint_steps_side_by_side_and_risk_badges(department, other_department):
    from django.template import Context, Template

    process = ProcessFactory(
        item__department=department, joint_with=[other_department], risk_level=1
    )
    html = Template("{% load approvals_tags %}{% process_chart item %}").render(
        Context({"item": process.item})
    )
    assert "联审联批" in html and other_department.name in html
    assert "一级风险" in html and "防控措施" in html
    assert "45" in html


def test_chart_is_empty_without_an_active_process(department):
    from django.template import Context, Template

    from tests.disclosure.factories import CatalogueItemFactory

    item = CatalogueItemFactory(published=True, department=department)
    html = Template("{% load approvals_tags %}{% process_chart item %}").render(
        Context({"item": item})
    )
    assert html.strip() == ""


def test_retiring_the_active_version_stops_new_applications(client, process, admin_user):
    from portal.errors import DomainError
    from tests.factories import CitizenFactory

    case = CaseFactory(process=process, stage="in_progress")
    client.force_login(admin_user)
    client.post(reverse("approvals:process_retire", args=[process.pk]))
    process.refresh_from_db()
    assert process.status == "retired"
    with pytest.raises(DomainError, match="尚未配置网上办理流程"):
        case_start_draft(actor=CitizenFactory(), item=process.item)
    crew = team(process.item.department)
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
