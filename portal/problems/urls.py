from django.urls import path

from portal.problems import views

app_name = "problems"

urlpatterns = [
    path("", views.report, name="report"),
    path("thanks/", views.thanks, name="thanks"),
]
