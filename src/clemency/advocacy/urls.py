from django.urls import path

from clemency.advocacy import views

app_name = "advocacy"
urlpatterns = [
    path("directory/", views.directory, name="directory"),
    path("directory/new/", views.office_create, name="office-create"),
    path("directory/<int:pk>/", views.office_detail, name="office-detail"),
    path("directory/<int:pk>/edit/", views.office_edit, name="office-edit"),
    path("directory/<int:pk>/people/new/", views.member_add, name="member-add"),
    path("directory/people/<int:pk>/edit/", views.member_edit, name="member-edit"),
    path("outreach/", views.outreach_list, name="outreach-list"),
    path("outreach/export.csv", views.outreach_export, name="outreach-export"),
    path("outreach/case/<int:case_pk>/new/", views.outreach_create, name="outreach-create"),
    path("outreach/<int:pk>/", views.outreach_detail, name="outreach-detail"),
    path("outreach/<int:pk>/edit/", views.outreach_edit, name="outreach-edit"),
    path("case/<int:case_pk>/timeline/", views.timeline, name="timeline"),
]
