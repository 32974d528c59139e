"""Glossary entries as files carry them, checked against the glossary and applied
all or nothing (the formats: `glossary_tbx`, `glossary_csv`; the file as a
whole: `glossary_files`).

An entry is one official name: its form in every language of the portal, its
variants and forbidden renderings per language (`{language: [texts]}`), its
domain, note, source and kind. An entry is the term of the same Chinese form
(the glossary's key): `check` says which entries add a term, which change one
(and what), which change nothing, and what is wrong with the others, each
checked by the model's own rules (`Term.full_clean`). `apply` saves them in one
transaction, each change a version naming the importer and the file.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from portal.editorial.glossary import Term, TermKind
from portal.editorial.glossary_refresh import forms_of, queue
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS

MAX_ENTRIES = 50_000
BATCH = 500  # names a query
# What a file sets of a term, as the model holds it.
FIELDS = ("chinese", "english", "variants", "forbidden", "domain", "kind", "note", "source")


@dataclass
class Entry:
    forms: dict  # {language: official form}
    variants: dict = field(default_factory=dict)
    forbidden: dict = field(default_factory=dict)
    domain: str = ""
    kind: str = ""
    source: str = ""
    note: str = ""
    # What the file gives ("domain", "variants:en", …); None: everything. A CSV file
    # without a column leaves that part of an existing term as it is.
    given: frozenset | None = None

    @classmethod
    def of(cls, term):
        return cls(
            forms={language: term.form_in(language) for language in LANGUAGE_CODES},
            variants={k: v for k, v in (term.variants or {}).items() if v},
            forbidden={k: v for k, v in (term.forbidden or {}).items() if v},
            domain=term.domain,
            kind=term.kind,
            source=term.source,
            note=term.note,
        )

    @property
    def name(self):
        return " / ".join(self.forms.get(language) or "?" for language in LANGUAGE_CODES)


def all_entries():
    return [Entry.of(term) for term in Term.objects.order_by("chinese")]


def _texts(values):
    """The distinct non-empty stripped texts of a list, in their order."""
    return list(dict.fromkeys(text.strip() for text in values if text and text.strip()))


def _renderings(by_language):
    return {
        language: texts
        for language in LANGUAGE_CODES
        if (texts := _texts(by_language.get(language, [])))
    }


@dataclass
class Change:
    term: Term
    names: list  # the fields the entry changes

    @property
    def fields(self):
        """Their verbose names, as the preview lists them."""
        return [str(Term._meta.get_field(name).verbose_name) for name in self.names]


@dataclass
class Plan:
    added: list = field(default_factory=list)  # [Term], not saved yet
    changed: list = field(default_factory=list)  # [Change]
    unchanged: int = 0
    problems: list = field(default_factory=list)  # [message]

    @property
    def empty(self):
        return not (self.added or self.changed)


def check(entries):
    """The `Plan` for `entries` against the glossary as it is now."""
    plan = Plan()
    if len(entries) > MAX_ENTRIES:
        plan.problems.append(
            _("The file holds %(count)s entries; a glossary file may hold at most %(max)s.")
            % {"count": len(entries), "max": MAX_ENTRIES}
        )
        return plan
    existing = {term.chinese: term for term in Term.objects.all()}
    seen = set()
    for number, entry in enumerate(entries, start=1):
        term, problem = _term_for(entry, existing, seen)
        if problem:
            plan.problems.append(_("Entry %(number)s (%(name)s): %(problem)s") % {
                "number": number, "name": entry.name, "problem": problem
            })  # fmt: skip
        elif term.pk is None:
            plan.added.append(term)
        elif changed := _changed_fields(existing[term.chinese], term):
            plan.changed.append(Change(term, changed))
        else:
            plan.unchanged += 1
    return plan


def _term_for(entry, existing, seen):
    """`(Term with the entry's values, problem or None)`."""
    missing = [LANGUAGE_LABELS[code] for code in LANGUAGE_CODES if not entry.forms.get(code)]
    if missing:
        return None, _("no official form in %(languages)s") % {"languages": ", ".join(missing)}
    forms = {code: entry.forms[code].strip() for code in LANGUAGE_CODES}
    chinese = next(text for code, text in forms.items() if code.startswith("zh"))
    if chinese in seen:
        return None, _("the file holds this name twice")
    seen.add(chinese)
    before = existing.get(chinese)
    english = next(text for code, text in forms.items() if not code.startswith("zh"))
    term = Term(pk=before.pk if before else None, chinese=chinese, english=english)
    _fill(term, entry, before)
    try:
        term.full_clean(validate_unique=False)
    except ValidationError as error:
        return None, " ".join(error.messages)
    return term, None


def _fill(term, entry, before):
    """Give `term` the entry's renderings, descriptions and kind; what the file does
    not give is kept from `before` (the term as it is), if any."""
    for name in ("variants", "forbidden"):
        kept = (getattr(before, name) or {}) if before else {}
        given = _renderings(getattr(entry, name))
        setattr(term, name, _renderings({
            code: given.get(code, []) if _gives(entry, f"{name}:{code}") else kept.get(code, [])
            for code in LANGUAGE_CODES
        }))  # fmt: skip
    for name in ("domain", "note", "source"):
        given = _gives(entry, name) or before is None
        setattr(term, name, getattr(entry, name).strip() if given else getattr(before, name))
    term.kind = entry.kind.strip() or (before.kind if before else TermKind.OTHER)


def _gives(entry, name):
    return entry.given is None or name in entry.given


def _changed_fields(before, after):
    return [name for name in FIELDS if getattr(before, name) != getattr(after, name)]


def apply(plan, user, filename):
    """Save the plan's new and changed terms, all or nothing (only a plan without
    problems is applied), a version of each naming `user` and the file. In bulk: a
    glossary of thousands of names is saved in a few queries, and the translation
    summaries, which depend on the glossary, are refreshed once, not once a name."""
    if plan.problems:
        raise ValueError("a plan with problems is never applied")
    reason = _("Imported from %(file)s") % {"file": filename}
    changed = [change.term for change in plan.changed]
    history = {"batch_size": BATCH, "default_user": user, "default_change_reason": reason}
    with transaction.atomic():
        # The records holding a name's forms before and after: their summaries again.
        texts = set()
        for term in Term.objects.filter(pk__in=[term.pk for term in changed]):
            texts |= forms_of(term)
        if plan.added:
            bulk_create_with_history(plan.added, Term, **history)
        if changed:
            names = sorted({name for change in plan.changed for name in change.names})
            bulk_update_with_history(changed, Term, names, **history)
        for term in [*plan.added, *changed]:
            texts |= forms_of(term)
        queue(sorted(texts))
