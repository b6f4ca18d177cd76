"""Staff roles, kept as auth groups named by these values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    WINDOW_CLERK = "window_clerk", _("窗口工作人员")
    DEPARTMENT_HEAD = "department_head", _("承办单位负责人")
    HOTLINE_OPERATOR = "hotline_operator", _("热线办值班人员")
    LEADER = "leader", _("主管领导")
    DISCIPLINE_INSPECTOR = "discipline_inspector", _("纪委/效能办")
    ADMIN = "admin", _("管理员")
    VILLAGE_AGENT = "village_agent", _("村级代办员")
