from django.urls import path

from petitions.views import interviews

urlpatterns = [
    path("interviews/", interviews.public_list, name="interviews"),
    path("interviews/archive/", interviews.archive, name="interview_archive"),
    path("interviews/<int:pk>/", interviews.detail, name="interview_detail"),
    path("interviews/<int:pk>/record/", interviews.feed, name="interview_feed"),
    path("interviews/<int:pk>/ask/", interviews.ask, name="interview_ask"),
    path("interviews/files/<int:pk>/", interviews.attachment, name="interview_attachment"),
    path("staff/interviews/", interviews.staff_list, name="interview_staff_list"),
    path("staff/interviews/new/", interviews.staff_new, name="interview_staff_new"),
    path("staff/interviews/<int:pk>/", interviews.staff_console, name="interview_staff_console"),
    path("staff/interviews/<int:pk>/edit/", interviews.staff_edit, name="interview_staff_edit"),
    path("staff/interviews/<int:pk>/move/", interviews.staff_move, name="interview_staff_move"),
    path(
        "staff/interviews/<int:pk>/questions/<int:question>/",
        interviews.staff_question,
        name="interview_staff_question",
    ),
    path(
        "staff/interviews/<int:pk>/answer/", interviews.staff_answer, name="interview_staff_answer"
    ),
    path(
        "staff/interviews/<int:pk>/archive/",
        interviews.staff_archive,
        name="interview_staff_archive",
    ),
]
