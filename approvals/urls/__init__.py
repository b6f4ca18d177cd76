"""The URLs of approvals (mounted at /approvals/): the citizen's pages, then the staff pages."""

from approvals.urls import applying, handling, processes, ratings

app_name = "approvals"
urlpatterns = [
    *applying.urlpatterns,
    *ratings.urlpatterns,
    *handling.urlpatterns,
    *processes.urlpatterns,
]
