"""The process-definition pages (under staff/processes/)."""

from django.urls import path

from approvals.views import processes as views

urlpatterns = [
    path("staff/processes/", views.process_list, name="process_list"),
    path("staff/processes/<int:pk>/", views.process_detail, name="process_detail"),
    path("staff/processes/new/<int:item_pk>/", views.process_create, name="process_create"),
    path("staff/processes/<int:pk>/steps/", views.process_step_add, name="process_step_add"),
    path(
        "staff/processes/steps/<int:pk>/remove/",
        views.process_step_remove,
        name="process_step_remove",
    ),
    path("staff/processes/<int:pk>/activate/", views.process_activate, name="process_activate"),
    path("staff/processes/<int:pk>/retire/", views.process_retire, name="process_retire"),
]
