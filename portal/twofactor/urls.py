from django.contrib import admin
from django.urls import path

from portal.twofactor import views

app_name = "two_factor"

# The steps of signing in serve people not signed in yet; the rest are admin pages.
urlpatterns = [
    path("", admin.site.admin_view(views.account), name="account"),
    path("verify/", views.verify, name="verify"),
    path("setup/", views.setup, name="setup"),
    path("backup-codes/", admin.site.admin_view(views.backup_codes), name="backup_codes"),
    path("off/", admin.site.admin_view(views.turn_off), name="turn_off"),
]
