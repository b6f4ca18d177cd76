"""The URLs of petitions, gathered from its areas; every name and path is the area module's."""

from petitions.urls import complaints, identity

app_name = "petitions"
# Identity first: its `staff/<number>/identity/` would otherwise be taken by the complaints'
# catch-all `staff/<number>/<action>/`.
urlpatterns = [*identity.urlpatterns, *complaints.urlpatterns]
