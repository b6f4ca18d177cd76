"""Which move a catalogue item may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from disclosure.models import CatalogueItem
from portal.errors import DomainError

S = CatalogueItem.Status

ALLOWED: dict[str, set[str]] = {
    "edit": {S.DRAFT},
    "submit": {S.DRAFT},
    "return": {S.REVIEW},
    "publish": {S.REVIEW},
    "withdraw": {S.PUBLISHED},
    "revise": {S.PUBLISHED, S.WITHDRAWN},
}

REFUSALS = {
    "edit": _("只有草稿可以修改；已发布的事项请先“修订”。"),
    "submit": _("只有草稿可以提交审核。"),
    "return": _("只有待审核的事项可以退回。"),
    "publish": _("只有待审核的事项可以发布。"),
    "withdraw": _("只有已发布的事项可以撤回。"),
    "revise": _("只有已发布或已撤回的事项可以修订。"),
}


def check(item: CatalogueItem, move: str) -> None:
    if item.status not in ALLOWED[move]:
        raise DomainError(REFUSALS[move], code=f"bad_transition:{move}")


def allowed(item: CatalogueItem, move: str) -> bool:
    return item.status in ALLOWED[move]
