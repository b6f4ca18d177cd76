"""The clerk workbench and the statistics (under staff/)."""

from django.urls import path

from approvals.views import handling as views

urlpatterns = [
    path("staff/stats/", views.stats, name="stats"),
    path("staff/", views.queue, name="queue"),
    path("staff/cases/<int:pk>/", views.case_detail, name="staff_case"),
    path("staff/cases/<int:pk>/act/<slug:action>/", views.case_act, name="staff_act"),
    path("staff/cases/<int:pk>/history/", views.case_history, name="staff_history"),
]
