from django.db import migrations

from meetings.reference_data import load_reference_data


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_participation_position_as_written"),
    ]

    # More topic signal words (smuggled goods, rescue, workshops, joint committees); curators' rows kept.
    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
