"""Which move a message may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from petitions.models import Message
from portal.transitions import TransitionTable

MESSAGE_MOVES = TransitionTable(
    {
        "assign": {Message.Status.RECEIVED},
        "forward": {Message.Status.ASSIGNED},
        "answer": {Message.Status.ASSIGNED},
        "mark_invalid": {Message.Status.RECEIVED, Message.Status.ASSIGNED},
        "convert": {Message.Status.RECEIVED, Message.Status.ASSIGNED},
    },
    {
        "assign": _("该留言已分办，请使用转办。"),
        "forward": _("只有办理中的留言可以转办。"),
        "answer": _("该留言当前不能答复（尚未分办，或已答复、已处理）。"),
        "mark_invalid": _("该留言已处理，不能再标记为无效。"),
        "convert": _("该留言已处理，不能再转为投诉。"),
    },
)
