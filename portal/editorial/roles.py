"""The editorial roles as groups, with what each job needs (see README: who may do what).

`ensure_roles` runs in a migration and again after every `migrate` or `flush`
(post_migrate), so the groups exist in every database, test databases included.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

EDITORS = [
    "cities.add_city", "cities.change_city", "cities.view_city",
    "cities.add_exchange", "cities.change_exchange", "cities.view_exchange",
    "cities.delete_exchange",
    "cities.add_country", "cities.change_country", "cities.view_country",
    "news.add_article", "news.change_article", "news.view_article",
    "news.add_category", "news.change_category", "news.view_category",
    "cities.add_cityphoto", "cities.change_cityphoto", "cities.view_cityphoto",
    "cities.delete_cityphoto",
    "news.add_leadimage", "news.change_leadimage", "news.view_leadimage",
    "news.delete_leadimage",
    "portal.view_office",
    "portal.add_term", "portal.change_term", "portal.view_term", "portal.delete_term",
]  # fmt: skip
TRANSLATORS = [
    # The translated text of every record, through translate_<model>; every
    # other field is read-only for them (portal.editorial.rules).
    "cities.translate_city", "cities.view_city",
    "cities.translate_exchange", "cities.view_exchange",
    "cities.translate_country", "cities.view_country",
    "news.translate_article", "news.view_article",
    "news.translate_category", "news.view_category",
    # Alt text, captions and credits; the picture itself is read-only for them.
    "cities.translate_cityphoto", "cities.view_cityphoto",
    "news.translate_leadimage", "news.view_leadimage",
    "portal.view_office",
    # The official names they follow, and add to as they meet new ones.
    "portal.add_term", "portal.change_term", "portal.view_term", "portal.delete_term",
]  # fmt: skip
PUBLISHERS = [
    *EDITORS,
    "cities.delete_city", "cities.publish_city", "cities.delete_country",
    "cities.publish_country",
    "news.delete_article", "news.publish_article", "news.delete_category",
    "news.publish_category",
    "portal.change_office",
]  # fmt: skip
ROLES = {"Editors": EDITORS, "Translators": TRANSLATORS, "Publishers": PUBLISHERS}


def ensure_roles(apps=global_apps, **kwargs):
    """Create the groups and give them their permissions; changes nothing already right."""
    # Permissions are normally made after all migrations; the roles need them now.
    for label in ("auth", "contenttypes", "cities", "news", "portal"):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        # A model that a later migration creates (the glossary's `Term` while an
        # early migration runs) gets its permissions then.
        wanted = [code.split(".") for code in codes if _model_exists(apps, code)]
        permissions = [
            Permission.objects.get(content_type__app_label=label, codename=codename)
            for label, codename in wanted
        ]
        group.permissions.add(*permissions)


def _model_exists(apps, code):
    label, codename = code.split(".")
    try:
        apps.get_model(label, codename.split("_", 1)[1])
    except LookupError:
        return False
    return True


def post_migrate_roles(sender, apps=global_apps, **kwargs):
    ensure_roles(apps=apps)
