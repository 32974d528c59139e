"""Renditions for visitors, in the default set-up (no proxy or object storage)."""

import mimetypes
import re

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from portal.pictures.storage import renditions_storage

# Exactly the names `renditions.rendition_name` makes: nothing else is served
# from here, originals least of all.
RENDITION_NAME = re.compile(r"renditions/[0-9a-f]{2}/[0-9a-f]{32}-[1-9][0-9]{0,4}\.(?:webp|jpg)\Z")
YEAR = 365 * 24 * 60 * 60


@require_safe
def rendition(request, name):
    if not RENDITION_NAME.match(name):
        raise Http404
    try:
        stream = renditions_storage().open(name)
    except FileNotFoundError:
        raise Http404 from None
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(stream, content_type=content_type)
    # A rendition's name is unique to its content: it never changes.
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
