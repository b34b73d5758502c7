from allauth.account import views as account_views
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from clemency.accounts import views as accounts_views
from clemency.web import outbox_views, security, views

api_patterns: list[URLPattern | URLResolver] = [
    path("", include("clemency.people.api.urls")),
    path("", include("clemency.cases.api.urls")),
    path("", include("clemency.petitions.api.urls")),
    path("", include("clemency.advocacy.api.urls")),
    path("", include("clemency.deadlines.api.urls")),
    path("", include("clemency.documents.api.urls")),
    path("", include("clemency.drafting.api.urls")),
    path("", include("clemency.accounts.api.urls")),
    path("", include("clemency.audit.api.urls")),
    path("", include("clemency.screenings.api.urls")),
    path("", include("clemency.transcripts.api.urls")),
    path("", include("clemency.dna.api.urls")),
    path("", include("clemency.campaigns.api.urls")),
    path("", include("clemency.outcomes.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.health, name="health"),
    path("login/", account_views.LoginView.as_view(), name="login"),
    path("logout/", account_views.LogoutView.as_view(), name="logout"),
    # allauth: two-factor set-up and sign-in, password change, re-authentication.
    path("auth/", include("allauth.urls")),
    path("accounts/", include("clemency.accounts.urls")),
    path("people/", include("clemency.people.urls")),
    path("cases/", include("clemency.cases.urls")),
    path("petitions/", include("clemency.petitions.urls")),
    path("advocacy/", include("clemency.advocacy.urls")),
    path("deadlines/", include("clemency.deadlines.urls")),
    path("documents/", include("clemency.documents.urls")),
    path("drafting/", include("clemency.drafting.urls")),
    path("audit/", include("clemency.audit.urls")),
    path("screenings/", include("clemency.screenings.urls")),
    path("transcripts/", include("clemency.transcripts.urls")),
    path("dna/", include("clemency.dna.urls")),
    path("", include("clemency.campaigns.urls")),
    path("mail/outbox/", outbox_views.outbox, name="outbox"),
    path("mail/outbox/<str:name>/", outbox_views.outbox_message, name="outbox-message"),
    path("outcomes/", include("clemency.outcomes.urls")),
    path("api/", include(api_patterns)),
    # Before the admin's own sign-in form, which would skip MFA and the lockout.
    path("admin/login/", security.admin_login, name="admin-login"),
    path("admin/", accounts_views.django_admin_index, name="admin-gate"),
    path("admin/", admin.site.urls),
]
