from django.urls import path

from clemency.campaigns import public_views, views

app_name = "campaigns"
urlpatterns = [
    # Public: the only pages a stranger sees.
    path("c/confirm/<str:token>/", public_views.confirm, name="public-confirm"),
    path("c/signature/<str:token>/", public_views.signature, name="public-signature"),
    path("c/unsubscribe/<str:token>/", public_views.unsubscribe, name="public-unsubscribe"),
    path("c/<slug:slug>/", public_views.page, name="public-page"),
    path("c/<slug:slug>/sign/", public_views.sign, name="public-sign"),
    path("c/<slug:slug>/thanks/", public_views.thanks, name="public-thanks"),
    path("c/<slug:slug>/challenge/", public_views.challenge, name="public-challenge"),
    path("c/<slug:slug>/share.png", public_views.share_image, name="public-share-image"),
    path("c/<slug:slug>/qr.<str:kind>", public_views.qr_code, name="public-qr"),
    path("c/<slug:slug>/photos/<int:pk>.jpg", public_views.photo, name="public-photo"),
    path("c/<slug:slug>/privacy/", public_views.privacy, name="public-privacy"),
    path("c/<slug:slug>/letter/", public_views.letter, name="public-letter"),
    # The team's pages.
    path("campaigns/", views.campaign_list, name="list"),
    path("campaigns/new/", views.campaign_start, name="start"),
    path("campaigns/case/<int:case_pk>/new/", views.campaign_create, name="create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="detail"),
    path("campaigns/<int:pk>/edit/", views.campaign_edit, name="edit"),
    path("campaigns/<int:pk>/consent/", views.campaign_consent, name="consent"),
    path("campaigns/<int:pk>/publish/", views.campaign_publish, name="publish"),
    path("campaigns/<int:pk>/close/", views.campaign_close, name="close"),
    path("campaigns/<int:pk>/outcome/", views.campaign_outcome, name="outcome"),
    path("campaigns/<int:pk>/update/", views.campaign_update, name="update"),
    path("campaigns/<int:pk>/photo/", views.campaign_photo, name="photo"),
    path("campaigns/<int:pk>/signatures/", views.campaign_signatures, name="signatures"),
    path("campaigns/<int:pk>/signatures.csv", views.campaign_export, name="export"),
    path("campaigns/<int:pk>/anonymise/", views.campaign_anonymise, name="anonymise"),
    path("campaigns/<int:pk>/deliver/", views.campaign_deliver, name="deliver"),
    path("campaigns/letters/<int:pk>/", views.letter_review, name="letter-review"),
    path("campaigns/deliveries/<int:pk>/packet.pdf", views.delivery_download, name="delivery-download"),
]
