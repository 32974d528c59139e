"""Photos posted through a city's change form as the admin page would, and the files
they leave in the media folders."""

from django.urls import reverse

from tests.admin_forms import admin_form_data


def stored_files(*folders):
    return sorted(str(path) for folder in folders for path in folder.rglob("*") if path.is_file())


def city_change(client, city):
    return reverse("admin:cities_city_change", args=[city.pk])


def post_photo(client, city, image, **fields):
    """Post the city's change form with one new photo, as the admin page would."""
    url = city_change(client, city)
    data = admin_form_data(client.get(url))
    data.update(
        {
            "photos-TOTAL_FORMS": [str(int(data["photos-TOTAL_FORMS"][0]) + 1)],
            f"photos-{data['photos-TOTAL_FORMS'][0]}-image": image,
            f"photos-{data['photos-TOTAL_FORMS'][0]}-alt_zh_hans": fields.get("alt_zh", "港口"),
            f"photos-{data['photos-TOTAL_FORMS'][0]}-alt_en": fields.get("alt_en", "The port"),
            f"photos-{data['photos-TOTAL_FORMS'][0]}-position": "0",
        }
    )
    return client.post(url, data)
