"""What the public pages ask of cities: partners, the home city, cards with photos."""

from django.db.models import Prefetch

from portal.editorial.models import LINK_FIELDS, PublishableQuerySet, fields_for


class CityQuerySet(PublishableQuerySet):
    long_texts = ("summary", "basic_info", "geography", "climate", "pillar_industries")

    def partners(self):
        return self.filter(is_home=False)

    def for_cards(self):
        """Reading what a city card (cities/includes/city_card.html) shows, and nothing
        more; with `with_gallery()` for its cover photo."""
        return self.select_related("country").only(
            *fields_for(
                "name",
                "province",
                plain=(
                    *LINK_FIELDS,
                    "country",
                    "relationship",
                    "ordinal",
                    "latitude",
                    "longitude",
                    "sister_since",
                    "sister_since_precision",
                    "friendly_since",
                    "friendly_since_precision",
                ),
            ),
            *fields_for("name", via="country__"),
        )

    def with_gallery(self):
        """Each city's photos, in order, as `city.gallery` (a list)."""
        from cities.models.photos import CityPhoto

        photos = CityPhoto.objects.order_by("position", "pk")
        return self.prefetch_related(Prefetch("photos", queryset=photos, to_attr="gallery"))

    def home(self):
        return self.filter(is_home=True)
