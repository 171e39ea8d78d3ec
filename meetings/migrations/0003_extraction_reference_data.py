from django.db import migrations

from meetings.reference_data import load_reference_data


class Migration(migrations.Migration):
    """More towns and the topic signal words the extractors were tuned with (upsert by slug and name)."""

    dependencies = [("meetings", "0002_reference_data")]

    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
