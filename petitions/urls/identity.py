from django.urls import path

from petitions.views import identity

urlpatterns = [
    path("staff/access-log/", identity.access_log, name="staff_access_log"),
    path("staff/identity-grants/", identity.identity_grants, name="staff_identity_grants"),
    path(
        "staff/identity-grants/<int:user_id>/revoke/",
        identity.identity_revoke,
        name="staff_identity_revoke",
    ),
    path("staff/<str:number>/identity/", identity.identity, name="staff_identity"),
]
