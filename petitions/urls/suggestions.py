from django.urls import path

from petitions.views import suggestions

urlpatterns = [
    path("suggestions/", suggestions.public_list, name="suggestions"),
    path("suggestions/new/", suggestions.new, name="suggestion_new"),
    path("suggestions/mine/", suggestions.mine, name="suggestion_mine"),
    path("suggestions/<int:pk>/", suggestions.detail, name="suggestion_detail"),
    path("staff/suggestions/", suggestions.staff_list, name="suggestion_staff_list"),
    path("staff/suggestions/<int:pk>/", suggestions.staff_detail, name="suggestion_staff_detail"),
    path(
        "staff/suggestions/<int:pk>/answer/",
        suggestions.staff_answer,
        name="suggestion_staff_answer",
    ),
    path(
        "staff/suggestions/<int:pk>/action/",
        suggestions.staff_action,
        name="suggestion_staff_action",
    ),
]
