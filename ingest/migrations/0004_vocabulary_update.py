from django.db import migrations

from ingest.reference_data import load_terms


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0003_extraction_vocabulary"),
    ]

    # Feminine titles and given names, more security bodies, workshop cues, possessive meeting nouns.
    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
