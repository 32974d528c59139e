"""The translation memory, filled from the portal's own approved translations.

A translation is approved when a version of a published record is saved by one
who may publish it (the change form, the workbench, a pending change applied, an
XLIFF import applied directly): then each of its complete translated fields goes
in, pair by pair (`approve`, on simple-history's signal for each new version:
`memory_approval`). `rebuild` does the same for every record already approved.

The memory holds plain text. Rich text is split at its blocks (paragraphs,
headings, list items) and its inline tags are dropped; each block is split into
sentences (`portal.formatting.segments`). When original and translation have
as many sentences, they pair one to one; otherwise the block is one pair (and
when the blocks do not correspond, the whole field, if short enough).
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import rules
from portal.editorial.memory_models import MemoryEntry, MemoryGram, MemoryGramCount
from portal.editorial.models import Status, Translatable
from portal.editorial.record_kinds import is_public, kinds, owner_field
from portal.editorial.translation_state import field_states, text_fields
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.richtext import RichTextField, plain_text
from portal.formatting.segments import sentences

# A field whose blocks do not correspond goes in whole up to this length; no
# segment longer than `LONGEST` goes in (a long block whose sentences do not pair):
# scoring it against a lookup would cost too much.
WHOLE_FIELD = LONGEST = 1000
BATCH = 2000
PERMISSIONS = "django.contrib.auth.backends.ModelBackend"  # who holds a permission
_BLOCK = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|blockquote|div)\b[^>]*>|<br\s*/?>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\u3400-\u9fff\uf900-\ufaff]+")


def clean(text):
    return _SPACE.sub(" ", text or "").strip()


def blocks(value, rich):
    """A field's text as plain-text blocks (a plain field is one block)."""
    parts = _BLOCK.split(value or "") if rich else [value or ""]
    return [text for text in (clean(plain_text(part) if rich else part) for part in parts) if text]


def segments(value, language, rich=False):
    """The sentences of a field, block by block, as the memory stores them."""
    found = []
    for block in blocks(value, rich):
        found += [text for text in map(clean, sentences(block, language)) if text]
    return found


def pairs(original, translation, source_language, target_language, rich=False):
    """`[(source segment, target segment)]` of a field and its translation."""
    source_blocks, target_blocks = blocks(original, rich), blocks(translation, rich)
    if len(source_blocks) != len(target_blocks):
        whole = " ".join(source_blocks), " ".join(target_blocks)
        return [whole] if all(whole) and len(whole[0]) <= WHOLE_FIELD else []
    found = []
    for source, target in zip(source_blocks, target_blocks, strict=True):
        source_sentences = [clean(text) for text in sentences(source, source_language)]
        target_sentences = [clean(text) for text in sentences(target, target_language)]
        if len(source_sentences) == len(target_sentences):
            found += zip(source_sentences, target_sentences, strict=True)
        else:
            found.append((source, target))
    return [
        (source, target)
        for source, target in found
        if source and target and max(len(source), len(target)) <= LONGEST
    ]


def grams(text):
    """The n-grams a lookup matches on without pg_trgm: words (lower case) and pairs
    of Chinese characters (a lone character alone)."""
    text = text.lower()
    found = {word[:40] for word in _WORD.findall(text)}
    for run in _CJK.findall(text):
        found.update([run] if len(run) == 1 else (run[i : i + 2] for i in range(len(run) - 1)))
    return found


def uses_trigrams():
    return connection.vendor == "postgresql"


def add(entries):
    """Store the entries (keys filled) not yet in the memory: `[entries added]`.
    A pair already there keeps its first approval."""
    unique = {entry.key: entry for entry in entries}
    added = []
    keys = list(unique)
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        known = set(MemoryEntry.objects.filter(key__in=chunk).values_list("key", flat=True))
        fresh = [unique[key] for key in chunk if key not in known]
        try:
            with transaction.atomic():
                added += _create(fresh)
        except IntegrityError:  # a pair approved at the same moment elsewhere: one by one
            for entry in fresh:
                try:
                    with transaction.atomic():
                        added += _create([entry])
                except IntegrityError:
                    entry.pk = None
    return added


def _create(entries):
    created = MemoryEntry.objects.bulk_create(entries, batch_size=500)
    if not uses_trigrams():
        _index(created)
    return created


def _index(entries):
    rows, counts = [], {}
    for entry in entries:
        for gram in grams(entry.source):
            rows.append(MemoryGram(gram=gram, entry_id=entry.pk))
            counts[gram] = counts.get(gram, 0) + 1
    MemoryGram.objects.bulk_create(rows, batch_size=2000)
    table = connection.ops.quote_name(MemoryGramCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (gram, entries) VALUES (%s, %s) "
            "ON CONFLICT (gram) DO UPDATE SET entries = entries + excluded.entries",
            list(counts.items()),
        )


def _recount():
    """The n-gram counts again from the entries left (after a rebuild's deletion)."""
    counts = MemoryGramCount._meta.db_table
    table = MemoryGram._meta.db_table
    MemoryGramCount.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {counts} (gram, entries) SELECT gram, COUNT(*) FROM {table} GROUP BY gram"
        )


def publishing_model(model):
    """The model whose publish permission approves `model`'s text: a part's owner's."""
    owner = owner_field(model)
    return model if owner is None else owner.related_model


def record_entries(record, when, user=None, over=frozenset()):
    """The memory's entries for `record`'s complete translations, approved `when`; those
    of the localized fields `over` approved over QA errors (`qa_gate.overridden`)."""
    if not isinstance(record, Translatable) or not is_public(record, owner_field(type(record))):
        return []
    model = type(record)
    content_type = ContentType.objects.get_for_model(model)
    source_language = record.original_language
    entries = []
    for language in LANGUAGE_CODES:
        if language == source_language:
            continue
        unfinished = field_states(record, language)
        for name in text_fields(model):
            if name in unfinished:
                continue
            rich = isinstance(model._meta.get_field(name), RichTextField)
            original = getattr(record, build_localized_fieldname(name, source_language)) or ""
            translated = getattr(record, build_localized_fieldname(name, language)) or ""
            for source, target in pairs(original, translated, source_language, language, rich):
                entry = MemoryEntry(
                    source_language=source_language,
                    target_language=language,
                    source=source,
                    target=target,
                    content_type=content_type,
                    object_id=record.pk,
                    field=name,
                    approved_at=when,
                    approved_by=user,
                    over_qa_errors=build_localized_fieldname(name, language) in over,
                )
                entries.append(entry.fill_keys())
    return entries


def approve(record, user, when=None, over=frozenset()):
    """Add `record`'s approved translations, approved by `user` (a publisher); those of
    the localized fields `over` approved over QA errors."""
    return add(record_entries(record, when or timezone.now(), user, over))


def rebuild(progress=None):
    """The memory again from every approved translation: the pairs from records go
    (imported ones, `imported`, stay) and come back, each with its record's latest
    version by a publisher (author and date, or its last change), and a pair that was
    flagged as approved over QA errors flagged again. Each model is one transaction,
    so the database is never locked for the whole rebuild.
    Returns the number of entries added."""
    models = [model for model in kinds() if issubclass(model, Translatable)]
    types = ContentType.objects.get_for_models(*models)
    made = MemoryEntry.objects.filter(imported=False)
    made.exclude(content_type__in=types.values()).delete()  # of no model rebuilt
    count = 0
    for model in models:
        with transaction.atomic():
            old = made.filter(content_type=types[model])
            flagged = set(old.filter(over_qa_errors=True).values_list("key", flat=True))
            old.delete()
            count += _rebuild_model(model, flagged)
        if progress is not None:
            progress(model, count)
    if not uses_trigrams():
        with transaction.atomic():
            _recount()
    return count


def _rebuild_model(model, flagged):
    queryset = model._base_manager.order_by("pk")
    owner = owner_field(model)
    if hasattr(model, "status"):
        queryset = queryset.filter(status=Status.PUBLISHED)
    elif owner is not None:
        queryset = queryset.select_related(owner.name)
    history = getattr(model, "history", None)
    if history is not None:
        publishers = get_user_model().objects.with_perm(
            rules.perm_name(publishing_model(model), "publish"), backend=PERMISSIONS
        )
        latest = history.filter(id=OuterRef("pk"), history_user__in=publishers)
        latest = latest.order_by("-history_date")
        queryset = queryset.annotate(
            _approver=Subquery(latest.values("history_user")[:1]),
            _approved=Subquery(latest.values("history_date")[:1]),
        )
    count, entries = 0, []
    for record in queryset.iterator(chunk_size=BATCH):
        when = getattr(record, "_approved", None) or getattr(record, "updated_at", None)
        for entry in record_entries(record, when or timezone.now()):
            entry.approved_by_id = getattr(record, "_approver", None)
            entry.over_qa_errors = entry.key in flagged
            entries.append(entry)
        if len(entries) >= BATCH * 5:
            count += len(add(entries))
            entries = []
    return count + len(add(entries))
