import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_pending_change")]

    operations = [
        migrations.AddField(
            model_name="office",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="created"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="office",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="historicaloffice",
            name="created_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="created"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicaloffice",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="updated"
            ),
            preserve_default=False,
        ),
    ]
