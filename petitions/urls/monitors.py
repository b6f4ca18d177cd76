from django.urls import path

from petitions.views import monitors

urlpatterns = [
    path("monitors/mine/", monitors.mine, name="monitor_mine"),
    path("monitors/new/", monitors.report_new, name="monitor_report_new"),
    path("staff/monitors/", monitors.staff_list, name="monitor_staff_list"),
    path("staff/monitors/appoint/", monitors.staff_appoint, name="monitor_staff_appoint"),
    path("staff/monitors/<int:pk>/end/", monitors.staff_end, name="monitor_staff_end"),
    path("staff/monitors/summary/", monitors.staff_summary, name="monitor_staff_summary"),
    path(
        "staff/monitors/summary/export/",
        monitors.staff_summary_export,
        name="monitor_staff_summary_export",
    ),
]
