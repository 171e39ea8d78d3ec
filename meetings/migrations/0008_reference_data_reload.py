from django.db import migrations

from meetings.reference_data import load_reference_data


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0007_topic_signals_update"),
    ]

    # Topic signals changed after 0007 (securing a city, not bare «تأمين»); curators' additions are kept.
    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
