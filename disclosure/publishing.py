"""The publication workflow shared by catalogue items and articles (草稿 → 待审核 → 已发布 → 已撤回).

Both keep every version: a published or withdrawn record is changed only through "revise", which
starts a new draft. Each user of the workflow supplies its own refusal messages.
"""

from portal.errors import DomainError

# The status values are the same in `CatalogueItem.Status` and `Article.Status`.
ALLOWED: dict[str, set[str]] = {
    "edit": {"draft"},
    "submit": {"draft"},
    "return": {"review"},
    "publish": {"review"},
    "withdraw": {"published"},
    "revise": {"published", "withdrawn"},
}


class Moves:
    """`check` refuses a move the record's status does not allow; `allowed` asks without raising."""

    def __init__(self, refusals: dict):
        assert refusals.keys() == ALLOWED.keys()
        self.refusals = refusals

    def check(self, record, move: str) -> None:
        if record.status not in ALLOWED[move]:
            raise DomainError(self.refusals[move], code=f"bad_transition:{move}")

    def allowed(self, record, move: str) -> bool:
        return record.status in ALLOWED[move]
