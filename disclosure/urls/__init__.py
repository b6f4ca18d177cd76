"""The URLs of the disclosure pillar, all in the one `disclosure` namespace, one module per area."""

from disclosure.urls import catalogue, columns, reporting, requests, search

app_name = "disclosure"
urlpatterns = [
    *columns.urlpatterns,
    *reporting.urlpatterns,
    *requests.urlpatterns,
    *catalogue.urlpatterns,
    *search.urlpatterns,
]
