"""The counts' fuzzy lookups that a save leaves undone, and the counts after a TMX
import, made by background jobs.

A save looks up at most `analysis.LOOKUPS` segments (a quarter second at 100,000
articles); the rest of its count says "not looked up". One job a record then looks
them up (django-tasks: the job worker `make run` and `make stack` start), so the
queue and the matrix soon show the whole analysis, as a CAT tool's does, without
the translator's save waiting for it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task

from portal.editorial import analysis

# Fuzzy lookups one job makes for a record and its parts: 10-25 ms each at 100,000
# articles, so some 400 sentences not looked up take a job under 10 s.
LOOKUPS = 400


def unchecked(summary):
    """Whether a count of `summary` left segments not looked up."""
    return any((cell.get("count") or {}).get(analysis.UNCHECKED) for cell in summary.cells.values())


def queue(summary):
    """Have `summary`'s record counted again by a job once this transaction commits."""
    ids = (summary.content_type_id, summary.object_id)
    transaction.on_commit(lambda: finish.enqueue(*ids))


@task()
def finish(content_type_id, object_id):
    """Count the record's text to translate again with `LOOKUPS` fuzzy lookups, and
    store its summaries (a record deleted meanwhile needs none)."""
    from portal.editorial import summaries  # which queues this job

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    record = model._base_manager.filter(pk=object_id).first() if model else None
    if record is not None:
        summaries.refresh(record, allowance=[LOOKUPS], follow_up=False)


def recount_later():
    """Have every record waiting for translation counted again by a job, once this
    transaction commits: after a TMX import in the admin, which should not hold its
    request for thousands of records (at 100,000 articles, 2-250 ms each)."""
    transaction.on_commit(recount.enqueue)


@task()
def recount():
    """Count again every record waiting for translation, against the memory as it is."""
    from portal.editorial import summaries

    summaries.refresh_counts()
