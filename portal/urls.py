from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("supervision/", include("supervision.urls")),
    path("disclosure/", include("disclosure.urls")),
    path("approvals/", include("approvals.urls")),
    path("petitions/", include("petitions.urls")),
    path("evaluation/", include("evaluation.urls")),
    path("", include("portal.portal_urls")),
]

handler400 = "portal.views.errors.bad_request"
handler403 = "portal.views.errors.permission_denied"
handler404 = "portal.views.errors.page_not_found"
handler500 = "portal.views.errors.server_error"
