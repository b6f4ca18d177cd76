from django.urls import path

from disclosure.views import search as views

urlpatterns = [
    path("search/", views.search, name="search"),
]
