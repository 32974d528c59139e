"""The three editorial roles as groups, with what each job needs.

Administrators are superusers; the README's table says who may do what, and
`portal/workflow.py` holds the rules these permissions feed.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = [
    "cities.add_city", "cities.change_city", "cities.view_city",
    "cities.add_exchange", "cities.change_exchange", "cities.view_exchange",
    "cities.delete_exchange",
    "cities.add_country", "cities.change_country", "cities.view_country",
    "news.add_article", "news.change_article", "news.view_article",
    "news.add_category", "news.change_category", "news.view_category",
    "portal.view_office",
]
TRANSLATORS = [
    "cities.change_city", "cities.view_city",
    "cities.change_exchange", "cities.view_exchange",
    "cities.change_country", "cities.view_country",
    "news.change_article", "news.view_article",
    "news.change_category", "news.view_category",
    "portal.view_office",
]
PUBLISHERS = [
    *EDITORS,
    "cities.delete_city", "cities.publish_city", "cities.delete_country",
    "news.delete_article", "news.publish_article", "news.delete_category",
    "portal.change_office",
]
ROLES = {"Editors": EDITORS, "Translators": TRANSLATORS, "Publishers": PUBLISHERS}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0003_search_engine"),
        ("cities", "0003_alter_city_options"),
        ("news", "0002_alter_article_options"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
