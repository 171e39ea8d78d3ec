from django.db import migrations

from ingest.reference_data import load_terms


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0005_future_cues"),
    ]

    # Vocabulary added after 0005: ranks, participation and chair markers, foreign border places.
    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
