from django.urls import path

from office import views

app_name = "office"

urlpatterns = [
    path("", views.about, name="about"),
    path("contact/", views.contact, name="contact"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("guides/", views.GuideListView.as_view(), name="guides"),
    path("guides/<slug:slug>/", views.GuideDetailView.as_view(), name="guide"),
    path("reports/<slug:slug>/", views.ReportDetailView.as_view(), name="report"),
    path("forms/<int:pk>/", views.form, name="form"),
]
