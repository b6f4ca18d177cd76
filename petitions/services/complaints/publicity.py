"""What the public board shows of a complaint is findable in the site-wide search (答复公开).

The one place petitions writes complaints to the search index (`portal.search`). A complaint is
public when a moderator passed its reply (`petitions.services.complaints.board`); the index then
holds what the board shows, the texts the moderator confirmed: the title, the complaint, the
passed replies, category and unit.
Call `complaint_publicity_changed` wherever a complaint's public text appears, changes or goes.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from petitions.models import Complaint
from petitions.selectors import complaints_public as public_complaints
from portal.search.index import SearchKind, search_index_remove, search_index_upsert

SEARCH_KIND = "petitions.complaint"

SEARCH_KINDS = {
    SEARCH_KIND: SearchKind(
        label=_("诉求答复"),
        rank=40,
        fields={
            "reply": _("答复"),
            "content": _("诉求内容"),
            "category": _("类别"),
            "department": _("承办单位"),
        },
    ),
}


def index_complaint(complaint: Complaint) -> None:
    """Index a row of `public_board` (its passed replies prefetched as `public_replies`)."""
    search_index_upsert(
        kind=SEARCH_KIND,
        obj_id=complaint.pk,
        title=complaint.public_title,
        fields={
            "reply": "\n".join(reply.public_content for reply in complaint.public_replies),
            "content": complaint.public_content,
            "category": complaint.category.name,
            "department": complaint.department.name if complaint.department else "",
        },
        department=complaint.department,
        url=reverse("petitions:board_detail", args=[complaint.number]),
        published_at=complaint.published_at,
    )


def complaint_publicity_changed(complaint: Complaint) -> None:
    """Index the complaint's public reply if the board shows it, else take it out of the index."""
    # The board's own query decides, so the index never shows what the board does not.
    public = public_complaints.public_board().filter(pk=complaint.pk).first()
    if public is not None:
        index_complaint(public)
    else:
        search_index_remove(kind=SEARCH_KIND, obj_id=complaint.pk)


def reindex_complaints() -> None:
    for complaint in public_complaints.public_board().order_by("pk").iterator(chunk_size=200):
        index_complaint(complaint)
