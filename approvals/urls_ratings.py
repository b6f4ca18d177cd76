"""好差评 pages: the applicant's rating, and the unit's rectification tickets and appeals (staff)."""

from django.urls import path

from approvals import views_ratings

urlpatterns = [
    path("cases/<int:pk>/rate/", views_ratings.rate, name="rate"),
    path("staff/tickets/", views_ratings.tickets, name="rectifications"),
    path("staff/tickets/<int:pk>/", views_ratings.ticket_detail, name="staff_rectification"),
    path("staff/tickets/<int:pk>/answer/", views_ratings.ticket_answer, name="ticket_answer"),
    path("staff/tickets/<int:pk>/appeal/", views_ratings.appeal_file, name="appeal_file"),
    path("staff/tickets/<int:pk>/decide/", views_ratings.appeal_decide, name="appeal_decide"),
]
