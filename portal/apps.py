from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Connect the signals that keep the search index and caches current.
        from django.db.models.signals import post_migrate

        from portal import context_processors
        from portal.editorial import parts, revision
        from portal.editorial.roles import post_migrate_roles
        from portal.operations import page_cache
        from portal.pictures.models import watch_deletions
        from portal.search import index

        post_migrate.connect(index.fill_if_empty, sender=self)
        # After migrate and after flush (which empties tables, groups included).
        post_migrate.connect(post_migrate_roles, sender=self)
        watch_deletions()
        page_cache.watch_content()
        revision.read_with(page_cache.current_revision)
        parts.every_page_shows(context_processors.every_page_shows)
