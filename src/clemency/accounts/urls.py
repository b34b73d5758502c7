from django.urls import path

from clemency.accounts import views

app_name = "accounts"
urlpatterns = [
    path("api-token/", views.api_token, name="api-token"),
    path("teams/", views.team_list, name="teams"),
    path("teams/create/", views.team_create, name="team-create"),
    path("teams/move-case/", views.case_transfer, name="case-transfer"),
    path("teams/<int:pk>/", views.team_detail, name="team"),
    path("teams/<int:pk>/invite/", views.team_invite, name="team-invite"),
    path("teams/<int:pk>/settings/", views.team_settings, name="team-settings"),
    path("teams/<int:pk>/attorneys/add/", views.attorney_add, name="attorney-add"),
    path("attorneys/<int:pk>/remove/", views.attorney_remove, name="attorney-remove"),
    path("members/<int:pk>/role/", views.member_role, name="member-role"),
    path("members/<int:pk>/active/", views.member_active, name="member-active"),
    path("members/<int:pk>/authenticator-reset/", views.member_authenticator_reset,
         name="member-authenticator-reset"),
    path("invitations/<int:pk>/withdraw/", views.invitation_withdraw, name="invitation-withdraw"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
