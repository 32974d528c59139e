"""The translation memory in and out as TMX 1.4 (translate-toolkit's `tmxfile`).

Each entry is a `<tu>` with its source language (`srclang`), its approval date and
approver (`creationdate`, `creationid`), and two properties of the portal's own
for its origin: `x-portal-record` ("news.article/12/title") and `x-portal-note`;
a pair published over QA errors (`MemoryEntry.over_qa_errors`) has
`<prop type="x-approved-over-qa">yes</prop>`, read back on import.
An import is checked whole first: a file that is not TMX, a unit with a language
the portal lacks, without two segments or with an empty or overlong one, or a bad
date refuses the whole file with the reasons (`TmxError`), and nothing is stored.
Imported entries are credited to the importer (the file's `creationid` goes in
`note`), and an origin is kept only when it names a translated field of a kind
with translated text; otherwise its text goes in `note` too.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import tmx

from portal.editorial import count_jobs
from portal.editorial.matrix import kinds
from portal.editorial.memory import LONGEST, add, clean
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.translation_state import text_fields
from portal.editorial.xml_entities import uses_entities
from portal.formatting.language_tags import canonical, portal_language

RECORD, NOTE = "x-portal-record", "x-portal-note"
OVER_QA = "x-approved-over-qa"  # "yes" when published over QA errors
DATE = "%Y%m%dT%H%M%SZ"
BIGGEST_ID = 2**63 - 1  # an origin's id must fit `object_id` (a bigint)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxError(ValueError):
    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def export(entries=None):
    """TMX bytes of `entries` (by default the whole memory)."""
    entries = MemoryEntry.objects.all() if entries is None else entries
    store = tmx.tmxfile(sourcelanguage="*all*")
    store.setsourcelanguage("*all*")
    header = store.document.getroot().find("header")
    header.attrib.update(
        {
            "creationtool": "portal",
            "creationtoolversion": "1",
            "datatype": "plaintext",
            "segtype": "sentence",
            "adminlang": "en",
            "o-tmf": "portal",
        }
    )
    entries = entries.select_related("approved_by", "content_type").order_by("pk")
    for entry in entries.iterator(chunk_size=2000):
        _add_unit(store, entry)
    return bytes(store)


def _add_unit(store, entry):
    source_tag, target_tag = canonical(entry.source_language), canonical(entry.target_language)
    unit = store.addsourceunit(entry.source, source_tag)
    unit.settarget(entry.target, target_tag)
    element = unit.xmlelement
    element.set("srclang", source_tag)
    element.set("creationdate", entry.approved_at.astimezone(datetime.UTC).strftime(DATE))
    if entry.approved_by is not None:
        element.set("creationid", entry.approved_by.get_username())
    props = []
    if entry.content_type_id:
        props.append(
            (
                RECORD,
                f"{entry.content_type.app_label}.{entry.content_type.model}"
                f"/{entry.object_id}/{entry.field}",
            )
        )
    if entry.note:
        props.append((NOTE, entry.note))
    if entry.over_qa_errors:
        props.append((OVER_QA, "yes"))
    for position, (kind, value) in enumerate(props):
        prop = etree.Element("prop", type=kind)
        prop.text = value
        element.insert(position, prop)


def read(data, user, filename):
    """The entries of TMX `data`, checked; `TmxError` with every problem found."""
    try:
        store = tmx.tmxfile.parsestring(data)
    except Exception as error:  # translate-toolkit raises lxml's and its own errors
        raise TmxError([_("This is not a TMX file: %(error)s") % {"error": error}]) from None
    if uses_entities(store.document.getroot()):
        raise TmxError(
            [_("This TMX file declares or uses entities, which the portal does not read.")]
        )
    if store.document.getroot().tag != "tmx":
        raise TmxError([_("This is not a TMX file.")])
    header = store.document.getroot().find("header")
    default_source = header.get("srclang") if header is not None else None
    origins = {model._meta.label_lower: model for model in kinds()}
    entries, problems = [], []
    for number, unit in enumerate(store.units, start=1):
        try:
            entries.append(_entry(unit, default_source, user, filename, origins))
        except ValueError as error:
            problems.append(
                _("unit %(number)s: %(problem)s") % {"number": number, "problem": error}
            )
    if not entries and not problems:
        problems.append(_("The file holds no translation units."))
    if problems:
        raise TmxError(problems)
    return entries


def _entry(unit, default_source, user, filename, origins):
    element = unit.xmlelement
    segments = {}
    for node in unit.getlanguageNodes():
        language = portal_language(node.get(XML_LANG) or node.get("lang") or "")
        if language is None:
            raise ValueError(
                _("the language %(tag)s is not one of the site's")
                % {"tag": node.get(XML_LANG) or "?"}
            )
        segments[language] = clean(unit.getNodeText(node) or "")
    source_language = portal_language(element.get("srclang") or default_source or "")
    if len(segments) != 2 or source_language not in segments:
        raise ValueError(_("it needs one segment in its source language and one in another"))
    (target_language,) = set(segments) - {source_language}
    source, target = segments[source_language], segments[target_language]
    if not source or not target or max(len(source), len(target)) > LONGEST:
        raise ValueError(_("a segment is empty or longer than %(n)s characters") % {"n": LONGEST})
    entry = MemoryEntry(
        source_language=source_language,
        target_language=target_language,
        source=source,
        target=target,
        approved_at=_date(element.get("changedate") or element.get("creationdate")),
        approved_by=user,
        imported=True,
    )
    props = {prop.get("type"): (prop.text or "") for prop in element.iterchildren("prop")}
    entry.over_qa_errors = props.get(OVER_QA, "").strip().lower() in ("yes", "true", "1")
    notes = [props.get(NOTE, "")]
    origin = props.get(RECORD, "")
    if origin and not _origin(entry, origin, origins):
        notes.append(origin)
    approver = element.get("changeid") or element.get("creationid") or ""
    if approver and approver != user.get_username():
        notes.append(_("approved by %(name)s") % {"name": approver})
    entry.note = "; ".join(note for note in notes if note)[:200]
    if not entry.note and not entry.content_type_id:
        entry.note = (_("Imported from %(file)s") % {"file": filename})[:200]
    return entry.fill_keys()


def _date(value):
    if not value:
        return timezone.now()
    try:
        return datetime.datetime.strptime(value, DATE).replace(tzinfo=datetime.UTC)
    except ValueError:
        raise ValueError(_("the date %(date)s is not a TMX date") % {"date": value}) from None


def _origin(entry, value, origins):
    """Set `entry`'s record from "app.model/id/field" when the model has translated
    text, the field is one of its translated fields and the id fits; True if so."""
    label, _slash, rest = value.partition("/")
    object_id, _slash, field = rest.partition("/")
    model = origins.get(label)
    if model is None or field not in text_fields(model):
        return False
    if not (object_id.isascii() and object_id.isdigit() and 0 < int(object_id) <= BIGGEST_ID):
        return False
    entry.content_type = ContentType.objects.get_for_model(model)  # cached by Django
    entry.object_id, entry.field = int(object_id), field
    return True


def import_file(data, user, filename):
    """Check and store a TMX file: `(entries read, entries added)`; `TmxError` if refused.
    What waits for translation is then counted again against the new pairs."""
    entries = read(data, user, filename)
    with transaction.atomic():
        added = add(entries)
        if added:
            count_jobs.recount_later()
    return len(entries), len(added)
