"""What an XLIFF import did (`portal.editorial.xliff_import`), as lines in the active
language: for the command's output, the upload page and a background job's page."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class Report:
    units: int = 0  # in the file
    applied: list = field(default_factory=list)  # records saved
    held: list = field(default_factory=list)  # records waiting as pending changes
    refused: list = field(default_factory=list)  # (unit id or record, reason)
    warnings: list = field(default_factory=list)  # (unit id, QA warning): imported all the same
    overridden: list = field(default_factory=list)  # (unit id, QA error): over a reason
    reason_would_help: bool = False  # a QA error refused where the importer publishes
    untranslated: int = 0
    unchanged: int = 0

    def lines(self, limit=None):
        """What the import did, in the active language; past `limit` refusals, the
        rest counted by reason."""
        if self.refused:
            lines = [
                _(
                    "Nothing was imported: %(count)d units were refused. Correct them and "
                    "import the file again."
                )
                % {"count": len(self.refused)}
            ]
        else:
            lines = [
                _("%(count)d records updated.") % {"count": len(self.applied)},
                _("%(count)d published records wait for a publisher.") % {"count": len(self.held)},
            ]
        if self.untranslated:
            lines.append(
                _("%(count)d units had no translation and were skipped.")
                % {"count": self.untranslated}
            )
        if self.unchanged:
            lines.append(
                _("%(count)d units changed nothing and were skipped.") % {"count": self.unchanged}
            )
        shown = self.refused if limit is None else self.refused[:limit]
        lines += [f"{where}: {reason}" for where, reason in shown]
        if len(shown) < len(self.refused):
            rest = Counter(reason for _where, reason in self.refused[len(shown) :])
            lines += [
                _("%(count)d more units: %(reason)s") % {"count": count, "reason": reason}
                for reason, count in rest.most_common()
            ]
        if self.refused and self.reason_would_help:
            lines.append(
                _(
                    "To import over the QA errors all the same, give the reason why; it is "
                    "kept in each version saved."
                )
            )
        return lines + self._overridden_lines(limit) + self._warning_lines(limit)

    def _warning_lines(self, limit):
        heading = _("QA warnings (imported all the same): %(count)d.")
        return _listed(self.warnings, heading, _("%(count)d more QA warnings."), limit)

    def _overridden_lines(self, limit):
        if self.refused:
            return []  # nothing was imported
        heading = _("QA errors imported over with the reason given: %(count)d.")
        return _listed(self.overridden, heading, _("%(count)d more QA errors."), limit)


def _listed(items, heading, more, limit):
    """`heading` with the count, the first `limit` items, then how many more."""
    if not items:
        return []
    shown = items if limit is None else items[:limit]
    lines = [heading % {"count": len(items)}]
    lines += [f"{where}: {message}" for where, message in shown]
    if len(shown) < len(items):
        lines.append(more % {"count": len(items) - len(shown)})
    return lines
