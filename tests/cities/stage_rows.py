"""The city export's rows and the stages they write, for the stage import tests."""

from cities.models import Stage
from cities.transfer import CityResource


def rows():
    return {row["slug"]: row for row in CityResource().export().dict}


def import_rows(changes, user, dry_run=False):
    dataset = CityResource().export()
    dataset.dict = [dict(row, **changes.get(row["slug"], {})) for row in dataset.dict]
    return CityResource().import_data(dataset, dry_run=dry_run, user=user)


def stages_of(slug):
    return {s.stage: s.when.machine for s in Stage.objects.filter(city__slug=slug).order_by("pk")}


def row_errors(result):
    return {
        row.values[0]: {
            name: [str(e) for e in errors] for name, errors in row.field_specific_errors.items()
        }
        for row in result.invalid_rows
    }
