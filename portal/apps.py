from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Connect the signals that keep the search index and caches current.
        from portal import context_processors  # noqa: F401
        from portal.search import index  # noqa: F401
