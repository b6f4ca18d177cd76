from django.urls import path

from evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("", views.index, name="index"),
    path("units/<slug:code>/", views.unit, name="unit"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/photo/", views.photo, name="photo"),
    path("staff/roster/", views.staff_roster, name="staff_roster"),
    path("staff/roster/new/", views.staff_person_edit, name="staff_person_new"),
    path("staff/roster/<int:pk>/", views.staff_person_edit, name="staff_person_edit"),
    path("staff/roster/import/", views.staff_import, name="staff_import"),
    path("staff/moderation/", views.staff_moderation, name="staff_moderation"),
    path("staff/moderation/<int:pk>/", views.staff_moderate, name="staff_moderate"),
    path("staff/review/", views.staff_review, name="staff_review"),
    path("staff/warnings/", views.staff_warnings, name="staff_warnings"),
    path("staff/warnings/<int:pk>/", views.staff_warning, name="staff_warning"),
    path("staff/statistics/", views.staff_statistics, name="staff_statistics"),
    path("staff/statistics/export/", views.staff_export, name="staff_export"),
]
