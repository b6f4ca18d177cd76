"""The URLs of approvals (mounted at /approvals/): the citizen's pages, then the staff pages."""

from approvals.urls import applying, consents, handling, processes, ratings

app_name = "approvals"
urlpatterns = [
    *applying.urlpatterns,
    *consents.urlpatterns,
    *ratings.urlpatterns,
    *handling.urlpatterns,
    *processes.urlpatterns,
]
