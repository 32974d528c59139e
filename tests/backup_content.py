"""Content with every kind of record a backup must keep: used in-process by the
backup tests and, through `manage.py shell`, by the SQLite-to-PostgreSQL test."""


def make_everything():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile

    from cities.models import City, CityPhoto
    from news.models import Article, LeadImage
    from portal.demo.loader import load_demo
    from tests.images import landscape, phone_photo

    load_demo()
    users = get_user_model().objects
    for name, role in (("editor", "Editors"), ("translator", "Translators"), ("chief", None)):
        user = users.create_user(name, f"{name}@example.org", f"{name}-pass-phrase", is_staff=True)
        if role:
            user.groups.add(Group.objects.get(name=role))
        else:
            user.is_superuser = True
            user.save()
    article = Article.objects.first()
    article.title_en = article.title_en + " (revised)"
    article._change_reason = "Corrected the title"
    article.save()  # a second version, with its reason
    karachi = City.objects.partners().first()
    photo = CityPhoto(city=karachi, alt_zh_hans="港口", alt_en="The harbour", caption_en="Port")
    photo.image = ContentFile(phone_photo(), name="harbour.jpg")
    photo.save()
    lead = LeadImage(article=article, alt_zh_hans="签约", alt_en="The signing")
    lead.image = ContentFile(landscape(1700, 1000), name="signing.jpg")
    lead.save()
    from office.models import GuideForm, ServiceGuide
    from tests.pdfs import form_pdf

    GuideForm.objects.create(
        guide=ServiceGuide.objects.order_by("pk").first(),
        title_en="Application form",
        title_zh_hans="申请表",
        file=ContentFile(form_pdf(), name="0123456789abcdef0123456789abcdef.pdf"),
    )
