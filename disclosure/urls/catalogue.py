from django.urls import path

from disclosure.views import catalogue as views

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<str:code>/", views.catalogue_item, name="catalogue_item"),
    path(
        "catalogue/<str:code>/history/",
        views.catalogue_item_history,
        name="catalogue_item_history",
    ),
    path("staff/catalogue/", views.staff_list, name="staff_catalogue"),
    path("staff/catalogue/new/", views.staff_new, name="staff_catalogue_new"),
    path("staff/catalogue/import/", views.staff_import, name="staff_catalogue_import"),
    path(
        "staff/catalogue/export.csv",
        views.staff_export,
        {"fmt": "csv"},
        name="staff_catalogue_export",
    ),
    path(
        "staff/catalogue/export.xlsx",
        views.staff_export,
        {"fmt": "xlsx"},
        name="staff_catalogue_export_xlsx",
    ),
    path("staff/catalogue/<int:pk>/", views.staff_detail, name="staff_catalogue_detail"),
    path("staff/catalogue/<int:pk>/edit/", views.staff_edit, name="staff_catalogue_edit"),
    path("staff/catalogue/<int:pk>/<slug:action>/", views.staff_act, name="staff_catalogue_act"),
]
