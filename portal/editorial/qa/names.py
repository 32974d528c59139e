"""Official names (`portal.editorial.glossary`): a forbidden rendering is an error, a
required rendering the translation lacks a warning (grammar may change its form)."""

from django.utils.translation import gettext as _

from portal.editorial.qa.finding import ERROR, WARNING, Finding


def check_names(source, target, languages, glossary, lacking=True):
    source_language, target_language = languages
    findings = [
        Finding(
            "names",
            ERROR,
            _("“%(used)s” is not the official form of %(name)s; write “%(official)s”.")
            % {"used": misuse.used, "name": misuse.term.chinese, "official": misuse.official},
            misuse.used,
        )
        for misuse in glossary.misuses(target, target_language)
    ]
    if not lacking:
        return findings
    required = glossary.check(source, source_language, target, target_language)[1]
    findings += [
        Finding(
            "names",
            WARNING,
            _("The official name “%(name)s” is missing here.") % {"name": name},
            name,
        )
        for name in required
    ]
    return findings
