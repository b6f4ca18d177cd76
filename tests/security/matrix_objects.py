"""One object of each kind behind a URL with an id, owned by one citizen and handled by one unit.

`build()` returns the people of every role and the URL arguments of every pattern; the matrix
test requests each URL as each of them.
"""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from approvals.models import Rating as CaseRating
from approvals.models import RectificationTicket
from approvals.services import ratings as ratings_services
from approvals.services.applying import case_start_draft
from disclosure.models import ArticleAttachment, InfoReport, RequestDocument
from evaluation.models import RatingWarning
from evaluation.services import roster as roster_services
from evaluation.services import votes as vote_services
from petitions.models import Complaint, ConsultationAttachment, Message, ModerationItem
from petitions.services import appraisal as appraisal_services
from petitions.services import consultations as consultation_services
from petitions.services import interviews as interview_services
from petitions.services import moderation
from petitions.services import monitors as monitor_services
from petitions.services import suggestions as suggestion_services
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from petitions.services.complaints import reviews as review_services
from petitions.services.messages import writing as message_writing
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Notice
from supervision.services import alerts as alert_services
from supervision.services import brief as brief_services
from supervision.services import sweep
from tests.approvals.factories import CaseFactory, ProcessFactory, pdf_upload, team
from tests.disclosure.factories import (
    CatalogueItemFactory,
    ColumnFactory,
    file_request,
    office_department,
    published_article,
)
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory
from tests.security.matrix_surveys import survey_objects
from tests.supervision.factories import at, start_clock
from tests.uploads import pdf_file, png_file

HANDLING_UNIT = "market"
ROLES = (
    "anonymous",
    "owner",
    "other_citizen",
    "agent_consent",
    "agent_no_consent",
    "clerk",
    "other_clerk",
    "head",
    "operator",
    "inspector",
    "leader",
    "admin",
)


def people(unit, other_unit) -> dict:
    hotline = office_department()
    operator = StaffFactory(roles=[Role.HOTLINE_OPERATOR], department=hotline)
    Group.objects.get(name=Role.HOTLINE_OPERATOR.value).permissions.add(
        Permission.objects.get(codename="view_complainant_identity")
    )
    return {
        "anonymous": None,
        "owner": CitizenFactory(),
        "other_citizen": CitizenFactory(),
        "agent_consent": StaffFactory(roles=[Role.VILLAGE_AGENT]),
        "agent_no_consent": StaffFactory(roles=[Role.VILLAGE_AGENT]),
        "clerk": team(unit).clerk,
        "other_clerk": team(other_unit).clerk,
        "head": team(unit).head,
        "operator": operator,
        "inspector": StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]),
        "leader": StaffFactory(roles=[Role.LEADER]),
        "admin": StaffFactory(roles=[Role.ADMIN]),
    }


def approvals_objects(who: dict) -> dict:
    process = ProcessFactory(item=CatalogueItemFactory(published=True, department=who["unit"]))
    owner = who["owner"]
    case = CaseFactory(process=process, applicant=owner, agent=who["agent_consent"])
    # The agent without consent asked for one the owner has not given.
    asked = case_start_draft(actor=who["agent_no_consent"], item=process.item, on_behalf_of=owner)
    finished = CaseFactory(process=process, applicant=owner, stage="finished")
    finished.result_document.save("决定书.pdf", ContentFile(pdf_file()))
    rating = ratings_services.rating_submit(
        actor=owner, case=finished, level=CaseRating.Level.VERY_UNSATISFIED
    )
    ticket = RectificationTicket.objects.get(rating=rating)
    draft = CaseFactory(process=process, applicant=owner, stage="draft")
    material = case.materials.first()
    step = process.steps.first()
    return {
        "approvals:apply": [process.item.pk],
        "approvals:draft": [draft.pk],
        "approvals:submitted": [case.pk],
        "approvals:case": [case.pk],
        "approvals:supply": [case.pk],
        "approvals:withdraw": [case.pk],
        "approvals:result_document": [finished.pk],
        "approvals:material_remove": [draft.pk, draft.materials.first().pk],
        "approvals:material": [material.pk],
        "approvals:consent": [asked.pk],
        "approvals:consent_decide": [asked.consent.pk],
        "approvals:rate": [finished.pk],
        "approvals:staff_rectification": [ticket.pk],
        "approvals:ticket_answer": [ticket.pk],
        "approvals:appeal_file": [ticket.pk],
        "approvals:appeal_decide": [ticket.pk],
        "approvals:staff_case": [case.pk],
        "approvals:staff_act": [case.pk, "accept"],
        "approvals:staff_history": [case.pk],
        "approvals:process_detail": [process.pk],
        "approvals:process_create": [process.item.pk],
        "approvals:process_step_add": [process.pk],
        "approvals:process_step_remove": [step.pk],
        "approvals:process_activate": [process.pk],
        "approvals:process_retire": [process.pk],
    }


def petitions_objects(who: dict) -> dict:
    category = CategoryFactory(code="complaint", name="投诉")
    RoutingRuleFactory(category=category, department=who["unit"])
    complaint, _code = filing_services.complaint_file(
        actor=None,
        category=category,
        title="超市销售过期食品",
        content="城南超市货架上有过期酸奶。",
        is_anonymous=False,
        identity=filing_services.IdentityData(name="张三", phone="13911112222"),
        account=who["owner"],
        contact_method=Complaint.Contact.SMS,
        allow_publication=True,
        attachments=[pdf_upload("现场.pdf")],
    )
    complaint.refresh_from_db()
    handling_services.complaint_sign(actor=who["head"], complaint=complaint)
    handling_services.complaint_reply(actor=who["head"], complaint=complaint, content="已查处。")
    complaint.refresh_from_db()
    review = review_services.review_request(complaint=complaint, reason="不满意")
    number = complaint.number
    return {
        "petitions:staff_identity_revoke": [who["operator"].pk],
        "petitions:staff_identity": [number],
        "petitions:track_detail": [number],
        "petitions:rate": [number],
        "petitions:review": [number],
        "petitions:attachment": [complaint.attachments.first().pk],
        "petitions:board_detail": [number],
        "petitions:staff_detail": [number],
        "petitions:staff_history": [number],
        "petitions:staff_review_decide": [number, review.pk],
        "petitions:staff_act": [number, "reply"],
        "petitions:message_from_complaint": [number],
    }


def disclosure_objects(who: dict) -> dict:
    column = ColumnFactory(department=who["unit"])
    article = published_article(column=column, department=who["unit"])
    attachment = ArticleAttachment.objects.create(
        article=article,
        file=ContentFile(pdf_file(), name="附件.pdf"),
        original_name="附件.pdf",
        content_type="application/pdf",
        size=1,
        uploaded_by=who["admin"],
    )
    report = InfoReport.objects.create(
        department=who["unit"], title="信息报送", body="内容", submitted_by=who["clerk"]
    )
    request = file_request(who["owner"])
    document = RequestDocument.objects.create(
        request=request,
        file=ContentFile(pdf_file(), name="答复.pdf"),
        original_name="答复.pdf",
        content_type="application/pdf",
        size=1,
    )
    item = CatalogueItemFactory(published=True, department=who["unit"])
    return {
        "disclosure:column": [column.slug],
        "disclosure:column_feed": [column.slug],
        "disclosure:article": [article.pk],
        "disclosure:article_attachment": [attachment.pk],
        "disclosure:staff_article": [article.pk],
        "disclosure:staff_article_edit": [article.pk],
        "disclosure:staff_article_act": [article.pk, "withdraw"],
        "disclosure:report": [report.pk],
        "disclosure:annual_report_download": [timezone.localdate().year - 1, "csv"],
        "disclosure:request_document": [document.pk],
        "disclosure:request_detail": [request.number],
        "disclosure:request_supplement": [request.number],
        "disclosure:request_act": [request.number, "accept"],
        "disclosure:catalogue_item": [item.code],
        "disclosure:catalogue_item_history": [item.code],
        "disclosure:staff_catalogue_detail": [item.pk],
        "disclosure:staff_catalogue_edit": [item.pk],
        "disclosure:staff_catalogue_act": [item.pk, "submit"],
    }


def other_objects(who: dict) -> dict:
    start_clock(limit=5, department=who["unit"])
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    notice = Notice.objects.filter(department=who["unit"]).first()
    alert = alert_services.alert_raise(
        kind="fee_anomaly",
        severity="warning",
        department=who["unit"],
        subject_ref="FEE-1",
        subject_url="",
        message="收费异常",
        dedup_key="matrix:fee-1",
    )
    person = roster_services.person_save(
        actor=who["admin"],
        person=RatedPersonFactory.build(department=who["unit"]),
        photo=SimpleUploadedFile("照片.png", png_file((4, 4)), content_type="image/png"),
    )
    vote = vote_services.vote_cast(
        person=person,
        voter=who["owner"],
        attitude="dissatisfied",
        efficiency="fair",
        style="satisfied",
        reason="推诿扯皮",
    )
    warning = RatingWarning.objects.create(person=person, tier=1, vote=vote)
    message = InboxMessage.objects.create(recipient=who["owner"], subject="通知", body="正文")
    brief = brief_services.brief_generate(
        month=at("2026-10-01 00:00").date(), at=at("2026-11-02 07:00")
    )
    return {
        "supervision:notice": [notice.pk],
        "supervision:notice_pdf": [notice.pk],
        "supervision:alert": [alert.pk],
        "supervision:brief_detail": [brief.pk],
        "supervision:brief_pdf": [brief.pk],
        "evaluation:unit": [who["unit"].code],
        "evaluation:person": [person.pk],
        "evaluation:photo": [person.pk],
        "evaluation:staff_person_edit": [person.pk],
        "evaluation:staff_moderate": [vote.pk],
        "evaluation:staff_warning": [warning.pk],
        "portal:password_reset_confirm": ["MQ", "set-password"],
        "portal:inbox_message": [message.pk],
    }


def participation_objects(who: dict) -> dict:
    """A passed suggestion of the owner to the unit; an open consultation of the unit with a file
    and the owner's comment."""
    suggestion = suggestion_services.suggestion_submit(
        actor=who["owner"], department=who["unit"], title="建议", content="建议内容"
    )
    moderation.moderation_pass(
        item=ModerationItem.objects.get(suggestion=suggestion), actor=who["operator"]
    )
    today = timezone.localdate()
    consultation = consultation_services.consultation_save_draft(
        actor=who["clerk"],
        draft=consultation_services.Draft(
            kind="policy",
            title="征求意见稿",
            text="正文",
            opens_on=today,
            closes_on=today + timedelta(days=30),
        ),
    )
    consultation = consultation_services.consultation_publish(
        actor=who["clerk"], consultation=consultation
    )
    attachment = ConsultationAttachment.objects.create(
        consultation=consultation,
        file=ContentFile(pdf_file(), name="草案.pdf"),
        original_name="草案.pdf",
        content_type="application/pdf",
        size=len(pdf_file()),
    )
    comment = consultation_services.consultation_comment(
        actor=who["owner"], consultation=consultation, content="意见"
    )
    monitor = monitor_services.monitor_appoint(
        actor=who["admin"],
        user=who["owner"],
        term_start=today - timedelta(days=60),
        term_end=today + timedelta(days=300),
    )
    return {
        "petitions:monitor_staff_end": [monitor.pk],
        "petitions:suggestion_detail": [suggestion.pk],
        "petitions:suggestion_staff_detail": [suggestion.pk],
        "petitions:suggestion_staff_answer": [suggestion.pk],
        "petitions:suggestion_staff_action": [suggestion.pk],
        "petitions:consultation_detail": [consultation.pk],
        "petitions:consultation_comment": [consultation.pk],
        "petitions:consultation_attachment": [attachment.pk],
        "petitions:consultation_staff_detail": [consultation.pk],
        "petitions:consultation_staff_edit": [consultation.pk],
        "petitions:consultation_staff_publish": [consultation.pk],
        "petitions:consultation_staff_assess": [consultation.pk, comment.pk],
        "petitions:consultation_staff_feedback": [consultation.pk],
    }


def appraisal_objects(who: dict) -> dict:
    """An open appraisal round of the unit, and a closed one the public cannot read yet."""
    now = timezone.now()
    rounds = []
    for year in (2030, 2031):
        appraisal_round = appraisal_services.appraisal_round_create(
            actor=who["inspector"],
            draft=appraisal_services.RoundDraft(
                title=f"{year}年度民主评议",
                period_kind="year",
                year=year,
                quarter=None,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=30),
                departments=[who["unit"]],
            ),
        )
        rounds.append(
            appraisal_services.appraisal_round_open(
                actor=who["inspector"], appraisal_round=appraisal_round
            )
        )
    open_round, closed = rounds
    appraisal_services.appraisal_round_close(actor=who["inspector"], appraisal_round=closed)
    return {
        "petitions:appraisal_answer": [open_round.pk],
        "petitions:appraisal_results": [closed.pk],
        "petitions:appraisal_staff_move": [open_round.pk, "close"],
    }


def interview_objects(who: dict) -> dict:
    """A live interview of the unit with an answered question and one pending; a held one in the
    archive with a file."""
    plan = interview_services.Plan(
        title="营商环境在线访谈",
        topic="个体工商户登记",
        guest_name="周建国",
        guest_position="局长",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    held = interview_services.interview_schedule(actor=who["clerk"], plan=plan)
    held = interview_services.interview_start(actor=who["clerk"], interview=held)
    held = interview_services.interview_end(actor=who["clerk"], interview=held)
    held = interview_services.interview_archive(
        actor=who["clerk"],
        interview=held,
        summary="访谈综述",
        attachments=[SimpleUploadedFile("实录.pdf", pdf_file(), content_type="application/pdf")],
    )
    live = interview_services.interview_schedule(actor=who["clerk"], plan=plan)
    live = interview_services.interview_start(actor=who["clerk"], interview=live)
    asked = interview_services.interview_ask(actor=who["owner"], interview=live, text="能网办吗")
    moderation.moderation_pass(
        item=ModerationItem.objects.get(question=asked), actor=who["operator"]
    )
    asked.refresh_from_db()
    interview_services.interview_answer(
        actor=who["clerk"], interview=live, question=asked, text="可以网办"
    )
    interview_services.interview_answer(actor=who["clerk"], interview=live, text="欢迎网友")
    pending = interview_services.interview_ask(actor=who["owner"], interview=live, text="待审核")
    return {
        "petitions:interview_detail": [live.pk],
        "petitions:interview_feed": [live.pk],
        "petitions:interview_ask": [live.pk],
        "petitions:interview_attachment": [held.attachments.get().pk],
        "petitions:interview_staff_console": [live.pk],
        "petitions:interview_staff_edit": [live.pk],
        "petitions:interview_staff_move": [live.pk],
        "petitions:interview_staff_question": [live.pk, pending.pk],
        "petitions:interview_staff_answer": [live.pk],
        "petitions:interview_staff_archive": [held.pk],
    }


def messages_objects(who: dict) -> dict:
    """The owner's message to the unit, published after moderation."""
    message, _code = message_writing.message_submit(
        author=who["owner"],
        mailbox=Message.Mailbox.DEPARTMENT,
        addressee=who["unit"],
        category=Message.Category.CONSULTATION,
        title="咨询",
        content="咨询内容",
        publish_consent=True,
    )
    item = moderation.moderation_pass(
        item=ModerationItem.objects.get(message=message), actor=who["operator"]
    )
    return {
        "petitions:message_track_detail": [message.number],
        "petitions:qa_detail": [message.number],
        "petitions:department_qa": [who["unit"].code],
        "petitions:message_staff_detail": [message.number],
        "petitions:message_staff_act": [message.number, "answer"],
        "petitions:moderation_detail": [item.pk],
    }


def build() -> tuple[dict, dict]:
    """Return (user by role, URL arguments by URL name)."""
    unit = DepartmentFactory(code=HANDLING_UNIT, name="县市场监督管理局")
    other_unit = DepartmentFactory(code="housing", name="县住房和城乡建设局")
    who = people(unit, other_unit)
    context = {**who, "unit": unit}
    args = {
        **approvals_objects(context),
        **petitions_objects(context),
        **participation_objects(context),
        **messages_objects(context),
        **interview_objects(context),
        **appraisal_objects(context),
        **survey_objects(context),
        **disclosure_objects(context),
        **other_objects(context),
    }
    return who, args
