from django.db import migrations

# A copy (migrations must not change when the app's code does) of workplan/oslo.py at the time.
ACTIONS = {
    42: "Resource mobilisation plans and making needs known, including through Article 7 reports "
    "and the individualised approach",
    43: "Assistance from States Parties in a position to provide it",
    44: "National mine action platforms and regular dialogue with stakeholders",
    45: "Gender and the diverse needs of affected communities in cooperation and assistance",
    46: "Partnerships, South-South, regional and bilateral cooperation and exchange of good practices",
    47: "Coordination of assistance and reporting on cooperation and assistance, including gender and diversity",
}


def seed(apps, schema_editor):
    OsloAction = apps.get_model("workplan", "OsloAction")
    for number, title in ACTIONS.items():
        OsloAction.objects.get_or_create(number=number, defaults={"title_en": title})


class Migration(migrations.Migration):
    dependencies = [("workplan", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
