from django.urls import path

from petitions.views import identity

urlpatterns = [
    path("staff/<str:number>/identity/", identity.identity, name="staff_identity"),
]
