"""After a change to the glossary: the stored summaries of the records it can affect.

A summary counts, per language, the official names a translation lacks
(`summaries.summarise`, `glossary.record_warnings`): a term counts only in a
record whose text contains its Chinese or its English. So a change to a term
can change only the summaries of records holding one of its forms, before or
after the change (a new term, a corrected rendering, a deleted term). Those are
found by the database (`icontains` over the translated fields, in every
language) and summarised again, rather than every record (2 min 40 s at
100,000 articles) on every edit.

A change writes its forms as `SummaryRefresh` rows and queues one job;
several edits in a row queue one job, not one each: an edit whose rows find an
earlier one still waiting for a job that has not started leaves its rows to
that job (`_enqueue_once`). The job takes every waiting row when it starts,
and again until none is left.
"""

from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.html import escape
from django_tasks import TaskResultStatus, task
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.glossary import Glossary, Term
from portal.editorial.summaries import BATCH, kinds, owner_field, store, summarise
from portal.editorial.translation_state import text_fields
from portal.formatting.i18n import LANGUAGE_CODES


class SummaryRefresh(models.Model):
    """A form of a term (Chinese or English) whose records await a new summary."""

    text = models.CharField(max_length=300)
    job = models.CharField(max_length=64, blank=True)  # the job queued to take it
    taken = models.BooleanField(default=False)  # by a job that has started

    class Meta:
        app_label = "portal"

    def __str__(self):
        return self.text


def forms_of(term):
    return {term.chinese, term.english} - {""}


def remember_before(sender, instance, raw=False, **kwargs):
    """Before a term is saved: its forms as they were (a rendering corrected no longer
    names the records it was found in)."""
    if not raw and instance.pk is not None:
        before = Term.objects.filter(pk=instance.pk).values_list("chinese", "english").first()
        instance._forms_before = set(before or ()) - {""}


def on_term_saved(sender, instance, raw=False, **kwargs):
    # A restore (loaddata: `raw`) brings the summaries back with the terms.
    if not raw:
        queue(forms_of(instance) | getattr(instance, "_forms_before", set()))


def on_term_deleted(sender, instance, **kwargs):
    queue(forms_of(instance))


def queue(texts):
    """Have the summaries of the records holding any of `texts` refreshed, by one job."""
    rows = SummaryRefresh.objects.bulk_create(SummaryRefresh(text=text) for text in texts)
    if rows:
        first = min(row.pk for row in rows)
        transaction.on_commit(lambda: _enqueue_once(first))


def _waiting_job(before):
    """The id of a job queued for rows older than `before` that has not started, or
    None. A job whose state the backend cannot tell counts as started."""
    for job in (
        SummaryRefresh.objects.filter(pk__lt=before, taken=False)
        .exclude(job="")
        .values_list("job", flat=True)
        .distinct()
    ):
        try:
            if refresh_in_background.get_result(job).status == TaskResultStatus.READY:
                return job
        except Exception:  # any backend's "no such result" or "cannot tell": queue anew
            continue
    return None


def _enqueue_once(first):
    """Leave the rows from `first` on to a job already waiting, or queue one for them."""
    job = _waiting_job(first)
    if job is None:
        job = refresh_in_background.enqueue().id
    SummaryRefresh.objects.filter(pk__gte=first, taken=False, job="").update(job=job)


def affected(model, texts):
    """The records of `model` whose translated text, in any language, holds one of
    `texts` (as written, or as HTML escapes it: "&" is "&amp;" in rich text)."""
    variants = set(texts) | {escape(text) for text in texts}
    condition = Q(pk__in=[])
    for name in text_fields(model):
        for code in LANGUAGE_CODES:
            field = build_localized_fieldname(name, code)
            for text in variants:
                condition |= Q(**{f"{field}__icontains": text})
    queryset = model._base_manager.filter(condition).order_by("pk")
    owner = owner_field(model)
    return queryset.select_related(owner.name) if owner is not None else queryset


# The conditions one query may hold: SQLite refuses an expression over 1,000 deep.
CONDITIONS_PER_QUERY = 400


def refresh_affected(texts, batch=BATCH):
    """Summarise again every record holding one of `texts`; how many there were."""
    if not texts:
        return 0
    glossary = Glossary()
    count = 0
    texts = sorted(texts)
    for model in kinds():
        summaries, seen = [], set()
        # A few texts a query (a glossary import names thousands): each is two
        # conditions (as written, HTML-escaped) a field and a language.
        per_text = 2 * len(text_fields(model)) * len(LANGUAGE_CODES)
        step = max(1, CONDITIONS_PER_QUERY // per_text)
        records = (
            record
            for start in range(0, len(texts), step)
            for record in affected(model, texts[start : start + step]).iterator(chunk_size=batch)
        )
        for record in records:
            if record.pk in seen:
                continue
            seen.add(record.pk)
            summaries.append(summarise(record, glossary))
            if len(summaries) == batch:
                store(summaries)
                count += len(summaries)
                summaries = []
        store(summaries)
        count += len(summaries)
    return count


def _take():
    """Claim every waiting row: `(their ids, their texts)`."""
    with transaction.atomic():
        rows = list(
            SummaryRefresh.objects.select_for_update().filter(taken=False).values_list("pk", "text")
        )
        SummaryRefresh.objects.filter(pk__in=[pk for pk, _text in rows]).update(taken=True)
    return [pk for pk, _text in rows], {text for _pk, text in rows}


@task()
def refresh_in_background():
    """Every waiting row's records, until none is left (edits made meanwhile included)."""
    while True:
        pks, texts = _take()
        if not pks:
            return
        refresh_affected(texts)
        SummaryRefresh.objects.filter(pk__in=pks).delete()


def connect():
    """Keep the summaries current after glossary changes (from the app's `ready`)."""
    pre_save.connect(remember_before, sender=Term, dispatch_uid="summary-refresh-before")
    post_save.connect(on_term_saved, sender=Term, dispatch_uid="summary-refresh-saved")
    post_delete.connect(on_term_deleted, sender=Term, dispatch_uid="summary-refresh-deleted")
