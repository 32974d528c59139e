from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Connect the signals that keep the search index and caches current.
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate, pre_migrate

        from portal.caching import revision
        from portal.caching.deploy import deploy_id
        from portal.editorial import glossary_refresh, memory_approval, summaries
        from portal.editorial.roles import post_migrate_roles
        from portal.operations import proxy
        from portal.pictures.models import watch_deletions
        from portal.search import index

        post_migrate.connect(index.fill_if_empty, sender=self)
        post_migrate.connect(summaries.fill_if_empty, sender=self)
        # After migrate and after flush (which empties tables, groups included).
        post_migrate.connect(post_migrate_roles, sender=self)
        watch_deletions()
        summaries.connect()
        memory_approval.connect()
        glossary_refresh.connect()
        revision.site_changed.connect(proxy.purge_on_change, dispatch_uid="proxy-purge")
        deploy_id()  # the files this process loaded, before a deployment replaces them
        connection_created.connect(revision.watch_writes, dispatch_uid="site-revision")
        pre_migrate.connect(revision.migrating, sender=self, dispatch_uid="site-revision")
        post_migrate.connect(revision.migrating, sender=self, dispatch_uid="site-revision")
