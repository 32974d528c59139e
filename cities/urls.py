from django.urls import path

from cities import ical, views

app_name = "cities"

urlpatterns = [
    path("", views.CityListView.as_view(), name="list"),
    path("anniversaries.ics", ical.anniversaries_ics, name="anniversaries_ics"),
    path("<slug:slug>/", views.CityDetailView.as_view(), name="detail"),
]
