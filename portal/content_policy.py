"""The Content-Security-Policy of every response, relaxed in one place only: the admin.

The portal's own pages carry no inline script or style (scripts and styles are files under
`static/`, data reaches scripts through `data-*` attributes or `json_script`). Django's admin and
the admin pages of simple-history and guardian ship inline `<style>` blocks and `style="..."`
attributes, so under `/admin/` styles may also be inline; scripts stay strict there too.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"
ADMIN_STYLE = {"style-src": [UNSAFE_INLINE]}


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with inline styles allowed under the admin's prefix only."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), **ADMIN_STYLE}
        return parts
