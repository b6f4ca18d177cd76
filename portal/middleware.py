"""The portal's own middleware: the language rule and the staff workbench's hosts."""

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Chinese unless the visitor chose English with the language switcher (its cookie).

    A county portal answers in Chinese: a browser's Accept-Language is not a choice made on this
    site, and what the pages carry (articles, replies, names) stays Chinese anyway.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        translation.activate(
            chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        )
        request.LANGUAGE_CODE = translation.get_language()
