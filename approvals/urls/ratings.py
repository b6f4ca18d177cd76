"""好差评 pages: the applicant's rating, and the unit's rectification tickets and appeals (staff)."""

from django.urls import path

from approvals.views import ratings as views

urlpatterns = [
    path("ratings/cases/<int:pk>/rate/", views.rate, name="rate"),
    path("ratings/staff/tickets/", views.tickets, name="rectifications"),
    path("ratings/staff/tickets/<int:pk>/", views.ticket_detail, name="staff_rectification"),
    path("ratings/staff/tickets/<int:pk>/answer/", views.ticket_answer, name="ticket_answer"),
    path("ratings/staff/tickets/<int:pk>/appeal/", views.appeal_file, name="appeal_file"),
    path("ratings/staff/tickets/<int:pk>/decide/", views.appeal_decide, name="appeal_decide"),
]
