"""Which move an article may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from disclosure.transitions.publication import PUBLICATION_MOVES
from portal.transitions import TransitionTable

ARTICLE_MOVES = TransitionTable(
    PUBLICATION_MOVES,
    {
        "edit": _("只有草稿可以修改；已发布的信息请先“修订”。"),
        "submit": _("只有草稿可以提交审核。"),
        "return": _("只有待审核的信息可以退回。"),
        "publish": _("只有待审核的信息可以发布。"),
        "withdraw": _("只有已发布的信息可以撤回。"),
        "revise": _("只有已发布或已撤回的信息可以修订。"),
        "discard": _("只有尚未发布的修订稿可以放弃。"),
    },
)
