from django.urls import path

from disclosure.views import reporting as views

urlpatterns = [
    path("staff/reports/", views.report_list, name="reports"),
    path("staff/reports/new/", views.report_new, name="report_new"),
    path("staff/reports/ranking/", views.ranking, name="report_ranking"),
    path("staff/reports/<int:pk>/", views.report_detail, name="report"),
    path("annual-report/", views.annual_report_page, name="annual_report"),
    path(
        "annual-report/<int:year>.<slug:fmt>",
        views.annual_report_download,
        name="annual_report_download",
    ),
]
