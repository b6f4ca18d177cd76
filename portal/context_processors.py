from functools import cache

from django.conf import settings

from portal import shell
from portal.middleware import is_staff_path


def portal(request):
    """Give every page the portal's name, the user's unread count and which side it is on."""
    user = getattr(request, "user", None)

    @cache  # a page may show it twice (the badge, my account)
    def unread_count() -> int:
        # Called by the template only where the navigation shows it: no query on anonymous pages.
        if user is None or not user.is_authenticated:
            return 0
        return shell.unread_count(user)

    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "SEARCH_URL": settings.PORTAL_SEARCH_URL,
        "unread_count": unread_count,
        "on_staff_side": is_staff_path(request.path),
    }
