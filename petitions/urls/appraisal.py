from django.urls import path

from petitions.views import appraisal

urlpatterns = [
    path("appraisal/", appraisal.rounds, name="appraisal_rounds"),
    path("appraisal/<int:pk>/", appraisal.answer, name="appraisal_answer"),
    path("appraisal/<int:pk>/results/", appraisal.results, name="appraisal_results"),
    path("staff/appraisal/", appraisal.staff_list, name="appraisal_staff_list"),
    path(
        "staff/appraisal/<int:pk>/<slug:move>/",
        appraisal.staff_move,
        name="appraisal_staff_move",
    ),
]
