"""The glossary as TBX (ISO 30042), through translate-toolkit's `tbxfile`.

One `<termEntry>` per official name, one `<langSet>` per language of the portal.
A language's terms are `<tig>`s whose `<termNote type="administrativeStatus">`
says what each is: the official form (`preferredTerm-admn-sts`), an accepted
variant (`admittedTerm-admn-sts`) or a forbidden rendering
(`deprecatedTerm-admn-sts`), as Trados (MultiTerm), memoQ and OmegaT read them.
The domain is the entry's `<descrip type="subjectField">`, the note its `<note>`,
the source `<admin type="source">` and the portal's kind of name
`<admin type="x-kind">` (a tool that does not know it ignores it).

translate-toolkit reads and writes the terms of a language but neither their
status nor an entry's descriptions: `GlossaryUnit` adds them, through its
public element (`xmlelement`), in the order TBX's core structure requires
(an entry's descriptions before its language sets; a term before its notes).
"""

from lxml import etree
from translate.misc.xml_helpers import getXMLlang, safely_set_text
from translate.storage import tbx

from portal.editorial.glossary_entries import Entry
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.language_tags import canonical, portal_language

STATUS = "administrativeStatus"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
# A status as other tools may write it (TBX-Basic's short forms, any case).
STATUS_ALIASES = {
    "preferredterm-admn-sts": PREFERRED,
    "preferred": PREFERRED,
    "admittedterm-admn-sts": ADMITTED,
    "admitted": ADMITTED,
    "deprecatedterm-admn-sts": DEPRECATED,
    "deprecated": DEPRECATED,
    "supersededterm-admn-sts": DEPRECATED,
}


class UnknownLanguage(ValueError):
    """A `<langSet>` in a language the portal does not have."""


class GlossaryUnit(tbx.tbxunit):
    """A `<termEntry>` whose terms carry their status, with its descriptions."""

    def set_terms_with_status(self, language, terms):
        """Write `[(text, status)]` as the terms of `language` (a BCP 47 tag)."""
        self.set_target_terms([text for text, _status in terms], language)
        node = self.get_target_dom(language)
        for tig, (_text, status) in zip(node.findall(self.namespaced("tig")), terms, strict=True):
            note = etree.SubElement(tig, self.namespaced("termNote"), type=STATUS)
            safely_set_text(note, status)

    def terms_by_language(self):
        """`{xml:lang: [(text, status or None)]}`, in the file's order."""
        found = {}
        for node in self.getlanguageNodes():
            language = getXMLlang(node)
            found[language] = [
                (term.text, term.administrative_status)
                for term in self.get_target_terms(language)
                if term.text
            ]
        return found

    def add_description(self, element, kind, text):
        """An entry-level `<descrip>`, `<admin>` or `<note>` (with `type` `kind`),
        before the language sets."""
        if not text:
            return
        node = etree.Element(self.namespaced(element))
        if kind:
            node.set("type", kind)
        safely_set_text(node, text)
        first = self.xmlelement.find(self.namespaced("langSet"))
        if first is None:
            self.xmlelement.append(node)
        else:
            first.addprevious(node)

    def description(self, element, kind=None):
        """The text of the entry's first `<element type="kind">` (not inside a
        language set), or ""."""
        for node in self.xmlelement.iterchildren(self.namespaced(element)):
            if kind is None or node.get("type") == kind:
                return "".join(node.itertext()).strip()
        return ""


class GlossaryFile(tbx.tbxfile):
    UnitClass = GlossaryUnit
    XMLskeleton = tbx.tbxfile.XMLskeleton.replace("Translate Toolkit", "Foreign Affairs Portal")


def write(entries):
    """TBX bytes of `entries`."""
    store = GlossaryFile(sourcelanguage=canonical(LANGUAGE_CODES[0]))
    for entry in entries:
        unit = GlossaryUnit(None)
        for language in LANGUAGE_CODES:
            terms = [(entry.forms[language], PREFERRED)]
            terms += [(text, ADMITTED) for text in entry.variants.get(language, [])]
            terms += [(text, DEPRECATED) for text in entry.forbidden.get(language, [])]
            unit.set_terms_with_status(canonical(language), terms)
        unit.add_description("descrip", "subjectField", entry.domain)
        unit.add_description("admin", "x-kind", entry.kind)
        unit.add_description("admin", "source", entry.source)
        unit.add_description("note", None, entry.note)
        store.addunit(unit)
    return bytes(store)


def read(data):
    """`[Entry]` of a TBX file parsed safely; UnknownLanguage for a language set in
    another language. An entry's first term of a language without a status (or
    the preferred one) is its official form."""
    store = GlossaryFile.parsestring(data)
    return [_entry(unit) for unit in store.units]


def _entry(unit):
    forms, variants, forbidden = {}, {}, {}
    for tag, terms in unit.terms_by_language().items():
        language = portal_language(tag)
        if language is None:
            raise UnknownLanguage(tag)
        for text, status in terms:
            status = STATUS_ALIASES.get((status or "").strip().lower())
            if status == DEPRECATED:
                forbidden.setdefault(language, []).append(text)
            elif status == PREFERRED or (status is None and language not in forms):
                if language in forms:
                    variants.setdefault(language, []).append(forms[language])
                forms[language] = text
            else:
                variants.setdefault(language, []).append(text)
    return Entry(
        forms=forms,
        variants=variants,
        forbidden=forbidden,
        domain=unit.description("descrip", "subjectField"),
        kind=unit.description("admin", "x-kind"),
        source=unit.description("admin", "source"),
        note=unit.description("note"),
    )
