"""The complaint's timeline: one event row per move, in the domain's words."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from petitions.models.complaints.complaint import Complaint
from portal.events import DomainEvent


class ComplaintEvent(DomainEvent):
    """What happened to a complaint. A complainant's own actions carry no actor (whistleblower rule)."""

    class Code(models.TextChoices):
        FILED = "filed", _("提交诉求")
        REGISTERED = "registered", _("热线登记")
        AWAITING_INSTRUCTION = "awaiting_instruction", _("呈领导批示")
        INSTRUCTED = "instructed", _("领导批示")
        DISPATCHED = "dispatched", _("分派")
        REDIRECTED = "redirected", _("改派")
        OBJECTED = "objected", _("承办单位退回（异议）")
        SIGNED = "signed", _("签收")
        EXTENSION_REQUESTED = "extension_requested", _("申请延期")
        EXTENSION_APPROVED = "extension_approved", _("批准延期")
        EXTENSION_REJECTED = "extension_rejected", _("不批准延期")
        REPLIED = "replied", _("答复")
        RATED = "rated", _("评价")
        REHANDLE = "rehandle", _("退回重办")
        RETURN_VISIT = "return_visit", _("回访")
        CLOSED = "closed", _("办结")
        TRANSFERRED = "transferred", _("紧急转办")
        REFERRED = "referred", _("告知其他渠道")
        MERGED = "merged", _("合并重复件")
        NOT_ACCEPTED = "not_accepted", _("不予受理")
        REVIEW_REQUESTED = "review_requested", _("申请复查/复核")
        REVIEW_DECIDED = "review_decided", _("复查/复核决定")
        CONVERTED_TO_MESSAGE = "converted_to_message", _("转为留言")
        PUBLISHED = "published", _("答复审核通过并公开")
        PUBLICATION_REFUSED = "publication_refused", _("答复审核未通过")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "complaint"
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("诉求事件")
        verbose_name_plural = _("诉求事件")

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.get_code_display()}"
