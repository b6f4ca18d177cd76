from django.urls import path

from disclosure.views import columns as views

urlpatterns = [
    path("", views.index, name="index"),
    path("columns/<slug:slug>/", views.column, name="column"),
    path("columns/<slug:slug>/feed/", views.ColumnFeed(), name="column_feed"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("attachments/<int:pk>/", views.attachment, name="article_attachment"),
    path("staff/articles/", views.staff_list, name="staff_articles"),
    path("staff/articles/new/", views.staff_new, name="staff_article_new"),
    path("staff/articles/<int:pk>/", views.staff_detail, name="staff_article"),
    path("staff/articles/<int:pk>/edit/", views.staff_edit, name="staff_article_edit"),
    path("staff/articles/<int:pk>/<slug:action>/", views.staff_act, name="staff_article_act"),
]
