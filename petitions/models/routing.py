"""Categories and routing rules (分类流转): what a matter is about, its limits, which department gets it.

Shared by every area that sends a matter to a department (complaints today); its services are
`petitions.services.routing`.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LimitUnit(models.TextChoices):
    """The unit of a category's limits; the values are those of `supervision.models.Clock.Unit`."""

    WORKDAYS = "workdays", _("工作日")
    DAYS = "days", _("自然日")


class Category(models.Model):
    """A class of complaint (咨询, 求助, 投诉, 举报, 信访) with its handling limits.

    Defaults follow the statutory table (12345: consultation 3 WD, help 5 WD, complaint and
    report 15 WD; petitions: acceptance notice 15 calendar days, handling 60 calendar days);
    admins change them per category.
    """

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("咨询")
        HELP = "help", _("求助")
        COMPLAINT = "complaint", _("投诉")
        REPORT = "report", _("举报")
        PETITION = "petition", _("信访")

    # kind → (sign-for limit, reply limit, unit)
    DEFAULT_LIMITS = {
        Kind.CONSULTATION: (1, 3, LimitUnit.WORKDAYS),
        Kind.HELP: (1, 5, LimitUnit.WORKDAYS),
        Kind.COMPLAINT: (1, 15, LimitUnit.WORKDAYS),
        Kind.REPORT: (1, 15, LimitUnit.WORKDAYS),
        Kind.PETITION: (15, 60, LimitUnit.DAYS),
    }

    name = models.CharField(_("名称"), max_length=60)
    code = models.SlugField(_("代码"), max_length=40, unique=True)
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    description = models.CharField(_("说明"), max_length=200, blank=True)
    limit_unit = models.CharField(
        _("期限单位"), max_length=10, choices=LimitUnit.choices, default=LimitUnit.WORKDAYS
    )
    sign_limit = models.PositiveSmallIntegerField(_("签收（受理告知）期限"), default=1)
    reply_limit = models.PositiveSmallIntegerField(_("答复期限"), default=15)
    rehandle_limit = models.PositiveSmallIntegerField(_("重办期限"), default=5)
    dispatch_limit_minutes = models.PositiveSmallIntegerField(
        _("分派期限（分钟）"),
        default=30,
        help_text=_("登记到分派至承办单位的时限，目标为30分钟内。"),
    )
    needs_instruction = models.BooleanField(_("分派前需领导批示"), default=False)
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("诉求类别")
        verbose_name_plural = _("诉求类别")
        ordering = ["sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reply_limit__gt=0)
                & Q(sign_limit__gt=0)
                & Q(rehandle_limit__gt=0)
                & Q(dispatch_limit_minutes__gt=0),
                name="category_limits_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: the seeded categories' names are msgids, a
        category an admin added is shown as named."""
        return gettext(self.name) if self.name else ""

    @property
    def is_petition(self) -> bool:
        return self.kind == self.Kind.PETITION


class RoutingRule(models.Model):
    """分类流转: complaints of a category (optionally with a keyword or at a place) go to a department.

    The most specific matching rule wins: keyword and place rules before plain category rules,
    then the lower priority number.
    """

    category = models.ForeignKey(
        Category, verbose_name=_("类别"), on_delete=models.CASCADE, related_name="rules"
    )
    keywords = models.CharField(
        _("关键词"),
        max_length=200,
        blank=True,
        help_text=_("用空格或逗号分隔，内容包含任一关键词即匹配；留空表示不限。"),
    )
    place = models.CharField(
        _("地点"), max_length=60, blank=True, help_text=_("地点包含此文字即匹配；留空表示不限。")
    )
    department = models.ForeignKey(
        "portal.Department", verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="+"
    )
    priority = models.PositiveSmallIntegerField(
        _("优先级"), default=100, help_text=_("数字小的优先。")
    )
    is_active = models.BooleanField(_("启用"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("流转规则")
        verbose_name_plural = _("流转规则")
        ordering = ["category", "priority", "id"]

    def __str__(self) -> str:
        return f"{self.category} → {self.department}"

    def keyword_list(self) -> list[str]:
        return [word for word in self.keywords.replace("，", " ").replace(",", " ").split() if word]

    def matches(self, *, content: str, place: str) -> bool:
        words = self.keyword_list()
        if words and not any(word in content for word in words):
            return False
        return not (self.place and self.place not in (place or ""))

    @property
    def specificity(self) -> int:
        return (2 if self.keywords.strip() else 0) + (1 if self.place.strip() else 0)
