"""The three editorial roles as groups, with what each job needs.

Administrators are superusers; the README's table says who may do what, and
`portal/editorial/rules.py` holds the rules these permissions feed.
"""

from django.db import migrations

from portal.editorial.roles import ROLES, ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps=apps)


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
