from django.urls import path

from petitions.views.complaints import public, staff

urlpatterns = [
    path("", public.index, name="index"),
    path("file/", public.file_complaint, name="file"),
    path("filed/", public.filed, name="filed"),
    path("track/", public.track, name="track"),
    path("track/<str:number>/", public.track_detail, name="track_detail"),
    path("track/<str:number>/rate/", public.rate, name="rate"),
    path("track/<str:number>/review/", public.review, name="review"),
    path("mine/", public.mine, name="mine"),
    path("attachments/<int:pk>/", public.attachment, name="attachment"),
    path("board/", public.board, name="board"),
    path("board/feed/", public.BoardFeed(), name="feed"),
    path("board/<str:number>/", public.board_detail, name="board_detail"),
    path("figures/", public.figures, name="figures"),
    path("staff/", staff.queue, name="staff_queue"),
    path("staff/export.csv", staff.export, name="staff_export"),
    path("staff/register/", staff.register, name="staff_register"),
    path("staff/<str:number>/", staff.detail, name="staff_detail"),
    path("staff/<str:number>/history/", staff.history, name="staff_history"),
    path("staff/<str:number>/reviews/<int:pk>/", staff.review_decide, name="staff_review_decide"),
    path("staff/<str:number>/<slug:action>/", staff.act, name="staff_act"),
]
