"""Use cases of the complaint platform: the only place here that writes.

Every function takes the acting member of staff (or none, for the complainant's own moves, whose
identity must not show in events or history), locks the complaint row, checks the move against
`transitions`, writes one event row, moves the supervision clock and notifies on commit.
"""

from petitions.services.common import (
    IdentityData,
    hotline_department,
    query_code_digest,
    query_code_matches,
)
from petitions.services.filing import complaint_file
from petitions.services.handling import (
    complaint_object,
    complaint_rate,
    complaint_reply,
    complaint_return_visit,
    complaint_sign,
    extension_decide,
    extension_request,
)
from petitions.services.identity import identity_read
from petitions.services.reviews import review_decide, review_request, review_window_opens_at
from petitions.services.routing import (
    REFERRAL_ADVICE,
    complaint_dispatch,
    complaint_instruct,
    complaint_merge,
    complaint_redirect,
    complaint_refer,
    complaint_transfer_emergency,
    route,
)

__all__ = [
    "REFERRAL_ADVICE",
    "IdentityData",
    "complaint_dispatch",
    "complaint_file",
    "complaint_instruct",
    "complaint_merge",
    "complaint_object",
    "complaint_rate",
    "complaint_redirect",
    "complaint_refer",
    "complaint_reply",
    "complaint_return_visit",
    "complaint_sign",
    "complaint_transfer_emergency",
    "extension_decide",
    "extension_request",
    "hotline_department",
    "identity_read",
    "query_code_digest",
    "query_code_matches",
    "review_decide",
    "review_request",
    "review_window_opens_at",
    "route",
]
