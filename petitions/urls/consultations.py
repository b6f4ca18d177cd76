from django.urls import path

from petitions.views import consultations

urlpatterns = [
    path("consultations/", consultations.public_list, name="consultations"),
    path("consultations/<int:pk>/", consultations.detail, name="consultation_detail"),
    path("consultations/<int:pk>/comment/", consultations.comment, name="consultation_comment"),
    path(
        "consultations/files/<int:pk>/",
        consultations.attachment,
        name="consultation_attachment",
    ),
    path("staff/consultations/", consultations.staff_list, name="consultation_staff_list"),
    path("staff/consultations/new/", consultations.staff_new, name="consultation_staff_new"),
    path(
        "staff/consultations/<int:pk>/",
        consultations.staff_detail,
        name="consultation_staff_detail",
    ),
    path(
        "staff/consultations/<int:pk>/edit/",
        consultations.staff_edit,
        name="consultation_staff_edit",
    ),
    path(
        "staff/consultations/<int:pk>/publish/",
        consultations.staff_publish,
        name="consultation_staff_publish",
    ),
    path(
        "staff/consultations/<int:pk>/comments/<int:comment>/assess/",
        consultations.staff_assess,
        name="consultation_staff_assess",
    ),
    path(
        "staff/consultations/<int:pk>/feedback/",
        consultations.staff_feedback,
        name="consultation_staff_feedback",
    ),
]
