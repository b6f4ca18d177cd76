from django.urls import include, path

app_name = "approvals"
urlpatterns = [
    path("", include("approvals.urls_public")),
    path("staff/", include("approvals.urls_staff")),
]
