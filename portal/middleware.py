"""The staff workbench (内网) can be limited to internal hosts."""

from django.conf import settings
from django.http import Http404

# The staff side: these prefixes, and every pillar's pages under `<pillar>/staff/`.
STAFF_PATH_PREFIXES = ("/admin/", "/workbench/", "/supervision/")


def is_staff_path(path: str) -> bool:
    return path.startswith(STAFF_PATH_PREFIXES) or "/staff/" in path


class StaffHostMiddleware:
    """Answer staff pages only on STAFF_HOSTS (when set), as 404 elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = settings.STAFF_HOSTS
        if (
            allowed
            and is_staff_path(request.path)
            and request.get_host().split(":")[0] not in allowed
        ):
            raise Http404
        return self.get_response(request)
