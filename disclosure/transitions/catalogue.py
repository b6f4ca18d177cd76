"""Which move a catalogue item may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from disclosure.transitions.publication import PUBLICATION_MOVES
from portal.transitions import TransitionTable

ITEM_MOVES = TransitionTable(
    PUBLICATION_MOVES,
    {
        "edit": _("只有草稿可以修改；已发布的事项请先“修订”。"),
        "submit": _("只有草稿可以提交审核。"),
        "return": _("只有待审核的事项可以退回。"),
        "publish": _("只有待审核的事项可以发布。"),
        "withdraw": _("只有已发布的事项可以撤回。"),
        "revise": _("只有已发布或已撤回的事项可以修订。"),
        "discard": _("只有尚未发布的修订稿可以放弃。"),
    },
)
