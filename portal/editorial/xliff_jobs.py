"""A large XLIFF file imported off the request, by the job worker (django-tasks'
database backend, `manage.py db_worker`): `start` keeps the file and queues the
job; `run_import` imports it as the uploader, in their interface language,
noting its progress as it checks the units, then the report's lines."""

import logging

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal.editorial.import_jobs import XliffImport
from portal.editorial.xliff_import import UnreadableFile, import_file

logger = logging.getLogger(__name__)

# Refusals listed one by one on the job's page; the rest are counted by reason.
LISTED = 1000


def start(data, filename, user, qa_reason=""):
    """Keep the file, queue its import; the job, whose page shows how it goes."""
    job = XliffImport.objects.create(
        user=user,
        filename=filename,
        language=translation.get_language(),
        data=data,
        qa_reason=qa_reason,
    )
    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


def _note(job_id, **fields):
    XliffImport.objects.filter(pk=job_id).update(**fields)


@task()
def run_import(job_id):
    job = XliffImport.objects.select_related("user").get(pk=job_id)
    _note(job_id, phase=XliffImport.Phase.CHECKING)

    def progress(checked, units):
        phase = XliffImport.Phase.SAVING if checked >= units else XliffImport.Phase.CHECKING
        _note(job_id, checked=checked, units=units, phase=phase)

    with translation.override(job.language):
        try:
            report = import_file(
                bytes(job.data), job.filename, job.user, progress=progress, qa_reason=job.qa_reason
            )
        except UnreadableFile as error:
            lines, refused, phase = [str(error)], 0, XliffImport.Phase.FAILED
        except Exception:
            logger.exception("The XLIFF import %s failed", job_id)
            lines = [_("The import failed and nothing was saved; the error is in the server log.")]
            _note(job_id, phase=XliffImport.Phase.FAILED, report=lines, finished_at=timezone.now())
            raise
        else:
            lines, refused = report.lines(limit=LISTED), len(report.refused)
            phase = XliffImport.Phase.DONE
    _note(job_id, phase=phase, report=lines, refused=refused, data=b"", finished_at=timezone.now())
