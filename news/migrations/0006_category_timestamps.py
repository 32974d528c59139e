import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0005_versions")]

    operations = [
        migrations.AddField(
            model_name="category",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="created"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="category",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="historicalcategory",
            name="created_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="created"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcategory",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="updated"
            ),
            preserve_default=False,
        ),
    ]
