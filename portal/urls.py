from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal import sitemaps, views
from portal.editorial.matrix_view import completeness_matrix
from portal.editorial.qa_view import qa_check
from portal.editorial.views import translation_queue, workbench
from portal.editorial.xliff_views import xliff_export, xliff_import, xliff_import_job
from portal.operations.health import healthz
from portal.pictures import views as pictures_views
from portal.selfcheck.view import self_check
from portal.twofactor.views import PasswordStepView

urlpatterns = [
    path(
        "admin/translations/",
        admin.site.admin_view(translation_queue),
        name="translation_queue",
    ),
    # The admin's sign-in page with a second step after the password: before
    # admin.site.urls, so that it answers /admin/login/ (admin:login) in its place.
    path("admin/login/", PasswordStepView.as_view()),
    path("admin/two-factor/", include("portal.twofactor.urls")),
    path(
        "admin/translations/xliff/export/",
        admin.site.admin_view(xliff_export),
        name="xliff_export",
    ),
    path(
        "admin/translations/xliff/import/",
        admin.site.admin_view(xliff_import),
        name="xliff_import",
    ),
    path(
        "admin/translations/xliff/import/<int:pk>/",
        admin.site.admin_view(xliff_import_job),
        name="xliff_import_job",
    ),
    path(
        "admin/translations/matrix/",
        admin.site.admin_view(completeness_matrix),
        name="translation_matrix",
    ),
    path("admin/self-check/", admin.site.admin_view(self_check), name="self_check"),
    path("admin/translate/qa/", admin.site.admin_view(qa_check), name="translation_qa"),
    path(
        "admin/translate/<str:model_label>/<int:pk>/<str:language>/",
        admin.site.admin_view(workbench),
        name="translation_workbench",
    ),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/<str:language>/", views.switch_language, name="switch_language"),
    path("care/<str:mode>/", views.switch_care, name="switch_care"),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("sitemap/", views.site_map, name="site_map"),
    path("cities/", include("cities.urls")),
    path("news/", include("news.urls")),
    path("office/", include("office.urls")),
    path("report-a-problem/", include("portal.problems.urls")),
)

if settings.MEDIA_URL == "/media/":
    # Served here unless a proxy or object storage takes MEDIA_URL over (README).
    urlpatterns += [path("media/<path:name>", pictures_views.rendition, name="rendition")]

if settings.BENCH_FLOOR:
    urlpatterns += [path("", include("portal.operations.bench.urls"))]
