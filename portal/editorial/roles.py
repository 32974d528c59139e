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
    # A profile's sourced figures and its relationship's stages, kept by the staff
    # who write it (a published city's by its publishers: `rules.locked_for`), and
    # their sources (one cited on a published page, by publishers only).
    "cities.add_fact", "cities.change_fact", "cities.view_fact", "cities.delete_fact",
    "cities.add_stage", "cities.change_stage", "cities.view_stage", "cities.delete_stage",
    "cities.add_source", "cities.change_source", "cities.view_source",
    "cities.view_statedtotal",
    "news.add_article", "news.change_article", "news.view_article",
    "news.add_category", "news.change_category", "news.view_category",
    "cities.add_cityphoto", "cities.change_cityphoto", "cities.view_cityphoto",
    "cities.delete_cityphoto",
    "news.add_leadimage", "news.change_leadimage", "news.view_leadimage",
    "news.delete_leadimage",
    "portal.view_office",
    # Official names are the publishers' to keep: everyone else reads them.
    "portal.view_term", "portal.view_historicalterm", "portal.view_memoryentry",
    "office.add_officepage", "office.change_officepage", "office.view_officepage",
    "office.add_serviceguide", "office.change_serviceguide", "office.view_serviceguide",
    "office.add_websitereport", "office.change_websitereport", "office.view_websitereport",
    "office.add_reportrow", "office.change_reportrow", "office.view_reportrow",
    "office.delete_reportrow",
    "office.add_guideform", "office.change_guideform", "office.view_guideform",
    "office.delete_guideform",
    # Visitors' reports of a problem with a page: read, worked on, answered.
    "problems.view_problemreport", "problems.change_problemreport",
]  # fmt: skip
TRANSLATORS = [
    # The translated text of every record, through translate_<model>; every
    # other field is read-only for them (portal.editorial.rules).
    "cities.translate_city", "cities.view_city",
    "cities.translate_exchange", "cities.view_exchange",
    "cities.translate_country", "cities.view_country",
    "cities.translate_stage", "cities.view_stage", "cities.view_fact",
    "cities.translate_source", "cities.view_source", "cities.view_statedtotal",
    "news.translate_article", "news.view_article",
    "news.translate_category", "news.view_category",
    # Alt text, captions and credits; the picture itself is read-only for them.
    "cities.translate_cityphoto", "cities.view_cityphoto",
    "news.translate_leadimage", "news.view_leadimage",
    "portal.view_office",
    # The official names they follow (a publisher adds and corrects them).
    "portal.view_term", "portal.view_historicalterm", "portal.view_memoryentry",
    "office.translate_officepage", "office.view_officepage",
    "office.translate_serviceguide", "office.view_serviceguide",
    "office.translate_websitereport", "office.view_websitereport",
    "office.translate_reportrow", "office.view_reportrow",
    "office.translate_guideform", "office.view_guideform",
]  # fmt: skip
PUBLISHERS = [
    *EDITORS,
    "cities.delete_city", "cities.publish_city", "cities.delete_country",
    "cities.publish_country", "cities.delete_source",
    # The office's stated totals head the directory the moment they are saved.
    "cities.add_statedtotal", "cities.change_statedtotal", "cities.delete_statedtotal",
    "news.delete_article", "news.publish_article", "news.delete_category",
    "news.publish_category",
    "portal.change_office",
    "portal.add_term", "portal.change_term", "portal.delete_term", "portal.delete_memoryentry",
    "portal.add_governmentmark", "portal.change_governmentmark", "portal.view_governmentmark",
    "portal.delete_governmentmark",
    "portal.add_securitymark", "portal.change_securitymark", "portal.view_securitymark",
    "portal.delete_securitymark",
    "portal.add_standardmap", "portal.change_standardmap", "portal.view_standardmap",
    "portal.delete_standardmap",
    "office.delete_officepage", "office.publish_officepage",
    "office.delete_serviceguide", "office.publish_serviceguide",
    "office.delete_websitereport", "office.publish_websitereport",
    "problems.delete_problemreport",
]  # fmt: skip
ROLES = {"Editors": EDITORS, "Translators": TRANSLATORS, "Publishers": PUBLISHERS}
# Permissions a role once had and has no longer: taken back from its group.
WITHDRAWN = {
    "Editors": ["portal.add_term", "portal.change_term", "portal.delete_term"],
    "Translators": ["portal.add_term", "portal.change_term", "portal.delete_term"],
}


def ensure_roles(apps=global_apps, **kwargs):
    """Create the groups, give them their permissions and take back those `WITHDRAWN`;
    changes nothing already right."""
    # Permissions are normally made after all migrations; the roles need them now.
    for label in ("auth", "contenttypes", "cities", "news", "office", "portal", "problems"):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [code.split(".") for code in codes]
        # A migration runs this with the models of its time: a permission of a
        # later model does not exist yet, and post_migrate grants it at the end.
        permissions = [
            permission
            for label, codename in wanted
            for permission in Permission.objects.filter(
                content_type__app_label=label, codename=codename
            )
        ]
        group.permissions.add(*permissions)
        for label, codename in (code.split(".") for code in WITHDRAWN.get(name, [])):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=label, codename=codename)
            )


def post_migrate_roles(sender, apps=global_apps, **kwargs):
    ensure_roles(apps=apps)
