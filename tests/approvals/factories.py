"""Factories of the approvals pillar: processes, steps and cases in any state.

`CaseFactory()` gives a submitted case (待受理) for a published item with an active process;
`CaseFactory(stage="finished")` runs it through the services to the end. The staff who handle
it come from `team(department)`: the same clerk, reviewer and head every time.
"""

import contextlib
from dataclasses import dataclass

import factory
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from approvals.models import Case, Process, ProcessStep
from approvals.services.applying import case_add_material, case_start_draft, case_submit
from approvals.services.consents import consent_decide
from approvals.services.handling.acceptance import case_accept
from approvals.services.handling.decision import case_decide
from approvals.services.handling.fees import case_set_fee
from approvals.services.handling.finish import case_finish
from approvals.services.handling.steps import task_pass
from portal.models import Department, User
from portal.roles import Role
from portal.uploads import accept_upload
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.uploads import pdf_file

PDF = pdf_file()
STAGES = ("draft", "submitted", "in_progress", "decided", "finished")


def pdf_upload(name: str = "材料.pdf"):
    """A one-page PDF as the form hands it over: checked and cleaned, with its detected type."""
    return accept_upload(SimpleUploadedFile(name, PDF, content_type="application/pdf"))


@dataclass
class Team:
    department: Department
    clerk: User  # 窗口工作人员: accepts
    reviewer: User  # handles review steps
    head: User  # 承办单位负责人: decides, approves extensions and fee overrides


def team(department: Department) -> Team:
    """Return the department's clerk, reviewer and head, creating them on first use."""

    def member(slug: str, role: Role, name: str) -> User:
        user = User.objects.filter(username=f"{slug}-{department.code}").first()
        return user or StaffFactory(
            username=f"{slug}-{department.code}",
            department=department,
            roles=[role],
            real_name=f"{department.name}{name}",
        )

    return Team(
        department=department,
        clerk=member("clerk", Role.WINDOW_CLERK, "窗口"),
        reviewer=member("reviewer", Role.WINDOW_CLERK, "审查员"),
        head=member("head", Role.DEPARTMENT_HEAD, "负责人"),
    )


class ProcessFactory(factory.django.DjangoModelFactory):
    """An active process 受理 → 审查 → 决定 → 办结, all in the item's department.

    `joint_with=[dept]` makes the review step joint; `risk_level=1` puts a risk point on the
    decision; `status="draft"` leaves it editable.
    """

    class Meta:
        model = Process
        skip_postgeneration_save = True

    # Not model fields: `_create` keeps them on the instance for the steps below.
    joint_with = ()
    risk_level = 0
    item = factory.SubFactory(CatalogueItemFactory, published=True)
    version = factory.Sequence(lambda n: n + 1)
    status = Process.Status.ACTIVE
    total_limit_workdays = factory.LazyAttribute(lambda p: 45 if p.joint_with else 20)

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if extracted is False:
            return
        home = self.item.department
        joint = list(self._joint_with)
        plan = [
            (ProcessStep.Kind.ACCEPT, "受理", [home], 0),
            (ProcessStep.Kind.REVIEW, "审查", [home, *joint], 0),
            (ProcessStep.Kind.DECIDE, "决定", [home], self._risk_level),
            (ProcessStep.Kind.FINISH, "办结送达", [home], 0),
        ]
        for order, (kind, name, departments, risk) in enumerate(plan, start=1):
            step = ProcessStep.objects.create(
                process=self,
                order=order,
                kind=kind,
                name=name,
                limit_workdays=5,
                risk_level=risk,
                control_measure="集体研究，负责人审签" if risk else "",
            )
            step.departments.set(departments)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        joint_with = kwargs.pop("joint_with", ())
        risk_level = kwargs.pop("risk_level", 0)
        process = super()._create(model_class, *args, **kwargs)
        process._joint_with, process._risk_level = joint_with, risk_level
        return process


class CaseFactory(factory.django.DjangoModelFactory):
    """A case taken through the real services up to `stage` (default: submitted, 待受理).

    Pass `process=` (or `item=`) to choose what is applied for, `applicant=` / `agent=` for who.
    Stages: draft, submitted, in_progress (accepted, at the review step), decided (approved),
    finished (delivered). `decision="refuse"` decides against.
    """

    class Meta:
        model = Case

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        stage = kwargs.pop("stage", "submitted")
        decision = kwargs.pop("decision", Case.Decision.APPROVE)
        process = kwargs.pop("process", None)
        item = kwargs.pop("item", None)
        applicant = kwargs.pop("applicant", None) or CitizenFactory()
        agent = kwargs.pop("agent", None)
        at = kwargs.pop("at", None)
        if kwargs:
            raise TypeError(f"CaseFactory does not take {sorted(kwargs)}")
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        if process is None:
            process = (
                item.processes.filter(status=Process.Status.ACTIVE).first() if item else None
            ) or ProcessFactory(**({"item": item} if item else {}))
        item = process.item
        actor = agent or applicant
        # A case submitted at `at` was drafted then too: its whole timeline lies in the past.
        with time_machine.travel(at, tick=False) if at else contextlib.nullcontext():
            case = case_start_draft(
                actor=actor, item=item, on_behalf_of=applicant if agent else None
            )
            if agent:
                # The applicant agrees in their own account before the agent fills the form.
                consent_decide(actor=applicant, consent=case.consent, grant=True)
            for material in item.materials.filter(is_required=True):
                case_add_material(actor=actor, case=case, name=material.name, upload=pdf_upload())
            if stage == "draft":
                return Case.objects.get(pk=case.pk)
            case, _code = case_submit(actor=actor, case=case, at=at)
        return advance(case, stage, decision=decision)


def advance(case: Case, stage: str, *, decision: str = Case.Decision.APPROVE) -> Case:
    """Move a submitted case on to `stage` with the department's team."""
    home = team(case.department)
    done = STAGES.index("submitted")
    target = STAGES.index(stage)
    if target > done:
        case_accept(actor=home.clerk, case=case)
    if target > STAGES.index("in_progress"):
        case.refresh_from_db()
        while case.current_step.kind == ProcessStep.Kind.REVIEW:
            for task in case.tasks.filter(status="active").select_related("department"):
                task_pass(actor=team(task.department).reviewer, task=task, opinion="同意")
            case.refresh_from_db()
        case_decide(
            actor=home.head,
            case=case,
            decision=decision,
            reason="材料齐全，符合法定条件。" if decision == "approve" else "不符合法定条件。",
        )
    if target > STAGES.index("decided"):
        case.refresh_from_db()
        if not case.item.is_free:
            case_set_fee(actor=home.clerk, case=case, amount=case.item.fee)
        case_finish(actor=home.clerk, case=case, delivery_note="电子证照已推送")
    return Case.objects.get(pk=case.pk)


def joint_department() -> Department:
    return DepartmentFactory(code="joint-dept", name="县联审局")
