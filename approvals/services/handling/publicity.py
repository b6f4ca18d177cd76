"""办理结果公示 in the site-wide search: what the results board shows of a finished case.

The one place approvals writes to the search index (`portal.search`): the item, the case number,
the decision, the masked applicant and the handling unit, nothing more than the public board.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from approvals.models import Case
from approvals.selectors.applying import mask_name, results_board
from portal.search.index import SearchKind, search_index_upsert

SEARCH_KIND = "approvals.result"

SEARCH_KINDS = {
    SEARCH_KIND: SearchKind(
        label=_("办理结果公示"),
        rank=50,
        fields={
            "number": _("办件编号"),
            "decision": _("办理结果"),
            "applicant": _("申请人"),
            "department": _("承办单位"),
        },
    ),
}


def index_case_result(case: Case) -> None:
    """Put a finished case's public result into the index; call it when the case finishes."""
    search_index_upsert(
        kind=SEARCH_KIND,
        obj_id=case.pk,
        title=case.item.name,
        fields={
            "number": case.number,
            "decision": case.get_decision_display(),
            "applicant": mask_name(case.applicant_name),
            "department": case.department.name,
        },
        department=case.department,
        url=f"{reverse('approvals:results')}?{urlencode({'q': case.number})}",
        published_at=case.finished_at,
    )


def reindex_results() -> None:
    for case in results_board().order_by("pk").iterator(chunk_size=200):
        index_case_result(case)
