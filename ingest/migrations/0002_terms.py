from django.db import migrations

from ingest.reference_data import load_terms


class Migration(migrations.Migration):
    dependencies = [("ingest", "0001_initial")]

    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
