from django.urls import path

from disclosure.views import requests as views

urlpatterns = [
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/mine/", views.requests_mine, name="requests_mine"),
    path("requests/documents/<int:pk>/", views.request_document, name="request_document"),
    path("requests/<str:number>/", views.request_detail, name="request_detail"),
    path("requests/<str:number>/supplement/", views.request_supplement, name="request_supplement"),
    # Office actions live under staff/ so that STAFF_HOSTS keeps them off the public site.
    path("staff/requests/<str:number>/<slug:action>/", views.request_act, name="request_act"),
    path("staff/requests/", views.request_queue, name="request_queue"),
]
