from django.urls import include, path

app_name = "disclosure"
# One URL module per part of the pillar, all in the one `disclosure` namespace.
urlpatterns = [
    path("", include("disclosure.urls_columns")),
    path("", include("disclosure.urls_requests")),
    path("", include("disclosure.urls_catalogue")),
]
