"""Citizen pages of 网上审批: apply, follow, query, the results board."""

from django.urls import path

from approvals.views import applying as views

urlpatterns = [
    path("apply/<int:item_pk>/", views.apply, name="apply"),
    path("cases/<int:pk>/edit/", views.draft, name="draft"),
    path("cases/<int:pk>/submitted/", views.submitted, name="submitted"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/supply/", views.supply, name="supply"),
    path("cases/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("cases/<int:pk>/result/", views.result_document, name="result_document"),
    path(
        "cases/<int:pk>/materials/<int:material_pk>/remove/",
        views.material_remove,
        name="material_remove",
    ),
    path("materials/<int:pk>/", views.material, name="material"),
    path("mine/", views.mine, name="mine"),
    path("track/", views.track, name="track"),
    path("results/", views.results, name="results"),
]
