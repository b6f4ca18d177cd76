"""Demo data of disclosure on request: an office clerk and a handful of requests in every state,
including last year's for the annual report. Idempotent."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from disclosure.models import InformationRequest
from disclosure.services.requests import (
    answer,
    consultation,
    deadlines,
    extension,
    receipt,
    supplement,
)
from portal.audit import acting_as
from portal.demo import DEMO_PASSWORD, demo_document
from portal.models import Department, User
from portal.roles import Role

REMEDIES = (
    "如对本答复不服，可以自收到本答复之日起60日内向青山县人民政府申请行政复议，"
    "或者自收到本答复之日起6个月内向青山县人民法院提起行政诉讼。"
)


def _clerk() -> User:
    office = Department.objects.get(code="gov-office")
    clerk, created = User.objects.get_or_create(
        username="clerk_office",
        defaults={
            "kind": User.Kind.STAFF,
            "real_name": "政务公开办窗口",
            "department": office,
            "position": "政府信息公开工作人员",
        },
    )
    if created:
        clerk.set_password(DEMO_PASSWORD)
        clerk.save(update_fields=["password"])
    clerk.groups.add(Group.objects.get_or_create(name=Role.WINDOW_CLERK.value)[0])
    return clerk


def _file(applicant: User, description: str, received: datetime.datetime, **kwargs):
    return receipt.request_file(
        applicant=applicant,
        data=receipt.ApplicantData(
            name=applicant.real_name,
            phone=applicant.mobile,
            organization=applicant.organization_name,
            id_number=applicant.credit_code or applicant.resident_id,
            email=applicant.email,
            address=applicant.address or "青山县城关镇人民路1号",
        ),
        description=description,
        at=received,
        **kwargs,
    )


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    clerk = _clerk()
    logins = [
        ("clerk_office", "政务公开办窗口：办理依申请公开（补正、征求意见、答复）"),
        ("head_office", "政府办负责人：批准延长依申请公开答复期限"),
    ]
    if InformationRequest.objects.exists():
        return logins
    head = User.objects.get(username="head_office")
    zhang = User.objects.get(username="13900000001")
    li = User.objects.get(username="13900000002")
    enterprise = User.objects.filter(kind=User.Kind.ENTERPRISE).first()
    now = timezone.now()
    last_year = timezone.localdate().year - 1

    def day(days_ago: int) -> datetime.datetime:
        return now - datetime.timedelta(days=days_ago)

    def last(month: int, day_of_month: int) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime(last_year, month, day_of_month, 10, 0))

    with transaction.atomic(), acting_as(clerk):
        _file(zhang, "请公开本县2026年城乡居民最低生活保障标准及调整依据。", day(3))
        _file(
            zhang,
            "请公开城关镇东门路拓宽工程的立项批复和征地补偿标准。",
            day(40),
            delivery=InformationRequest.Delivery.POST,
        )
        unclear = _file(li, "请公开那个项目的资料。", day(2))
        supplement.request_supplement_notice(
            actor=clerk,
            request=unclear,
            text="请写明所需信息的名称、文号或项目名称、所属年度等特征性描述。",
            at=day(1),
        )
        if enterprise is not None:
            consulted = _file(
                enterprise, "请公开县农业农村局2025年农机补贴中标企业的投标报价。", day(6)
            )
            consultation.request_consult(
                actor=clerk,
                request=consulted,
                third_party="青山农机销售有限公司",
                question="申请人要求公开贵公司的投标报价，是否同意公开？",
                at=day(4),
            )
        answered = _file(li, "请公开县教育局2025年部门预算和“三公”经费决算。", day(30))
        extension.request_extend(
            actor=head, request=answered, days=10, reason="需要向县财政局调取数据", at=day(20)
        )
        answer.request_answer(
            actor=clerk,
            request=answered,
            reply_type=InformationRequest.ReplyType.DISCLOSED,
            text="您申请的县教育局2025年部门预算及“三公”经费决算见附件。",
            remedies=REMEDIES,
            documents=[demo_document("县教育局2025年部门预算.pdf")],
            at=day(5),
        )
        refused = _file(zhang, "请公开县政府常务会议关于工业园区规划调整的讨论记录。", last(11, 3))
        answer.request_answer(
            actor=clerk,
            request=refused,
            reply_type=InformationRequest.ReplyType.REFUSED,
            refusal_reason=InformationRequest.RefusalReason.PROCESS,
            text="您申请的信息属于讨论记录等过程性信息，依据《政府信息公开条例》第十六条不予公开。",
            remedies=REMEDIES,
            at=last(11, 20),
        )
        carried = _file(li, "请公开县自然资源局2024年度土地出让收支情况。", last(12, 21))
        answer.request_answer(
            actor=clerk,
            request=carried,
            reply_type=InformationRequest.ReplyType.ALREADY_PUBLIC,
            text="该信息已在县政府门户网站“财政预决算”栏目主动公开，请查阅。",
            remedies=REMEDIES,
            at=min(timezone.make_aware(datetime.datetime(last_year + 1, 1, 8, 10, 0)), now),
        )
        abandoned = _file(zhang, "要那个文件。", last(6, 1))
        supplement.request_supplement_notice(
            actor=clerk, request=abandoned, text="请说明所需文件的名称或文号。", at=last(6, 2)
        )
        deadlines.request_deadlines(now=last(7, 31))
    if stdout is not None:
        stdout.write("disclosure requests: demo requests created")
    return logins
