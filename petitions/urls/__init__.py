"""The URLs of petitions, gathered from its areas; every name and path is the area module's."""

from petitions.urls import complaints, identity

app_name = "petitions"
# Identity first: its `staff/access-log/`, `staff/identity-grants/` and `staff/<number>/identity/`
# would otherwise be taken by the complaints' `staff/<number>/` and `staff/<number>/<action>/`.
urlpatterns = [*identity.urlpatterns, *complaints.urlpatterns]
