"""The clerk workbench and the process-definition pages (mounted under staff/)."""

from django.urls import path

from approvals import views_staff as views

urlpatterns = [
    path("", views.queue, name="queue"),
    path("cases/<int:pk>/", views.case_detail, name="staff_case"),
    path("cases/<int:pk>/act/<slug:action>/", views.case_act, name="staff_act"),
    path("cases/<int:pk>/history/", views.case_history, name="staff_history"),
    path("processes/", views.process_list, name="process_list"),
    path("processes/<int:pk>/", views.process_detail, name="process_detail"),
    path("processes/new/<int:item_pk>/", views.process_create, name="process_create"),
    path("processes/<int:pk>/steps/", views.process_step_add, name="process_step_add"),
    path("processes/steps/<int:pk>/remove/", views.process_step_remove, name="process_step_remove"),
    path("processes/<int:pk>/activate/", views.process_activate, name="process_activate"),
    path("processes/<int:pk>/retire/", views.process_retire, name="process_retire"),
]
