from django.urls import path

from petitions.views.surveys import public, staff

urlpatterns = [
    path("surveys/", public.survey_list, name="surveys"),
    path("surveys/<int:pk>/", public.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/answer/", public.survey_answer, name="survey_answer"),
    path("surveys/<int:pk>/results/", public.survey_results, name="survey_results"),
    path("staff/surveys/", staff.staff_list, name="survey_staff_list"),
    path("staff/surveys/new/", staff.staff_new, name="survey_staff_new"),
    path("staff/surveys/<int:pk>/", staff.staff_detail, name="survey_staff_detail"),
    path("staff/surveys/<int:pk>/edit/", staff.staff_edit, name="survey_staff_edit"),
    path(
        "staff/surveys/<int:pk>/build/<slug:action>/",
        staff.staff_build,
        name="survey_staff_build",
    ),
    path(
        "staff/surveys/<int:pk>/questions/<int:question>/",
        staff.staff_question,
        name="survey_staff_question",
    ),
    path("staff/surveys/<int:pk>/preview/", staff.staff_preview, name="survey_staff_preview"),
    path("staff/surveys/<int:pk>/publish/", staff.staff_publish, name="survey_staff_publish"),
    path("staff/surveys/<int:pk>/close/", staff.staff_close, name="survey_staff_close"),
    path("staff/surveys/<int:pk>/results/", staff.staff_results, name="survey_staff_results"),
    path("staff/surveys/<int:pk>/export/", staff.staff_export, name="survey_staff_export"),
    path(
        "staff/surveys/<int:pk>/moderation/",
        staff.staff_moderation,
        name="survey_staff_moderation",
    ),
    path(
        "staff/surveys/<int:pk>/moderation/<int:answer>/",
        staff.staff_moderate,
        name="survey_staff_moderate",
    ),
]
