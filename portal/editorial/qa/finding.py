from dataclasses import asdict, dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    check: str  # numbers, dates, names, markup, punctuation, spaces, copy, length
    severity: str  # ERROR or WARNING
    message: str  # in the active language
    fragment: str  # what the message is about, as the text writes it
    segment: int | None = None  # the sentence's index; None for the whole field

    @property
    def is_error(self):
        return self.severity == ERROR

    def as_dict(self):
        return asdict(self)
