"""The statuses each move of the publication workflow starts from (草稿 → 待审核 → 已发布 → 已撤回).

Catalogue items and articles share the workflow: a published or withdrawn record is changed only
through "revise", which opens a revision beside it (`models/publication.py`); the revision then
makes the draft moves (edit, submit, return, publish) from its own status, and may be discarded. Each area builds its own table from these statuses
with its own refusal messages (`transitions/catalogue.py`, `transitions/columns.py`).
"""

# The status values are the same in `CatalogueItem.Status` and `Article.Status`.
PUBLICATION_MOVES: dict[str, set[str]] = {
    "edit": {"draft"},
    "submit": {"draft"},
    "return": {"review"},
    "publish": {"review"},
    "withdraw": {"published"},
    "revise": {"published", "withdrawn"},
    "discard": {"draft", "review"},
}
