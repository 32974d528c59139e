"""The demo guides' application forms: one-page fillable PDFs the portal makes itself.

Each form is bilingual (every label in Chinese and English, as the office's forms
are used by both), written with pypdf alone: the text is set in STSong-Light, one
of the standard Adobe Chinese fonts every PDF reader supplies (nothing embedded),
and each answer is an AcroForm text field. The file then goes through
`office.pdf.clean_pdf`, the same check and rewrite an upload gets.
"""

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

A4 = (595, 842)
MARGIN = 56
FONT = "/STSong-Light"
# Adobe-GB1 CIDs 1–95 are the printable ASCII characters, half as wide as a Chinese one.
ASCII_WIDTHS = ArrayObject([NumberObject(1), NumberObject(95), NumberObject(500)])


def _dictionary(**entries):
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def _name(value):
    return NameObject(value)


def _rect(*numbers):
    return ArrayObject(FloatObject(number) for number in numbers)


def _stream(data, **entries):
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream.update(_dictionary(**entries))
    return stream


def _chinese_font(writer):
    descriptor = _dictionary(
        Type=_name("/FontDescriptor"),
        FontName=_name(FONT),
        Flags=NumberObject(6),
        FontBBox=_rect(-25, -254, 1000, 880),
        ItalicAngle=NumberObject(0),
        Ascent=NumberObject(880),
        Descent=NumberObject(-120),
        CapHeight=NumberObject(880),
        StemV=NumberObject(93),
    )
    descendant = _dictionary(
        Type=_name("/Font"),
        Subtype=_name("/CIDFontType0"),
        BaseFont=_name(FONT),
        CIDSystemInfo=_dictionary(
            Registry=TextStringObject("Adobe"),
            Ordering=TextStringObject("GB1"),
            Supplement=NumberObject(2),
        ),
        FontDescriptor=writer._add_object(descriptor),
        DW=NumberObject(1000),
        W=ArrayObject([*ASCII_WIDTHS]),
    )
    return writer._add_object(
        _dictionary(
            Type=_name("/Font"),
            Subtype=_name("/Type0"),
            BaseFont=_name(FONT),
            Encoding=_name("/UniGB-UCS2-H"),
            DescendantFonts=ArrayObject([writer._add_object(descendant)]),
        )
    )


def _text(x, y, size, text):
    """One line at (x, y): UCS-2 codes, as the font's encoding reads them."""
    return f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET\n"


def _wrapped(text, size, width):
    """`text` in lines no wider than `width` (a Chinese character is `size` wide, an
    ASCII one half that), broken after a space or between Chinese characters."""
    lines, current, used, last_space = [], "", 0.0, -1
    for character in text:
        advance = size / 2 if character.isascii() else size
        if used + advance > width and current:
            cut = last_space + 1 if last_space >= 0 else len(current)
            lines.append(current[:cut].rstrip())
            current = current[cut:]
            used = sum(size / 2 if c.isascii() else size for c in current)
            last_space = -1
        current += character
        used += advance
        if character == " ":
            last_space = len(current) - 1
    lines.append(current)
    return lines


class FormPage:
    """A form being laid out top to bottom: headings, notes, and labelled fields."""

    def __init__(self, writer, page, font):
        self.writer, self.page, self.font = writer, page, font
        self.y = A4[1] - MARGIN
        self.content = []
        self.fields = []

    def line(self, text, size=10, gap=6):
        for part in _wrapped(text, size, A4[0] - 2 * MARGIN):
            self.y -= size
            self.content.append(_text(MARGIN, self.y, size, part))
            self.y -= 2
        self.y -= gap

    def rule(self):
        self.y -= 4
        self.content.append(f"0.6 G 0.5 w {MARGIN} {self.y} m {A4[0] - MARGIN} {self.y} l S\n")
        self.y -= 10

    def field(self, name, chinese, english, height=22):
        """A label in both languages, and a text box under it to write the answer in."""
        self.line(f"{chinese}  {english}", size=10, gap=4)
        width = A4[0] - 2 * MARGIN
        self.y -= height
        box = (MARGIN, self.y, MARGIN + width, self.y + height)
        self.content.append(f"0.4 G 0.6 w {MARGIN} {self.y} {width} {height} re S\n")
        multiline = height > 30
        appearance = self.writer._add_object(
            _stream(
                b"/Tx BMC EMC",
                Type=_name("/XObject"),
                Subtype=_name("/Form"),
                BBox=_rect(0, 0, width, height),
                Resources=_dictionary(Font=_dictionary(F1=self.font)),
            )
        )
        widget = self.writer._add_object(
            _dictionary(
                Type=_name("/Annot"),
                Subtype=_name("/Widget"),
                FT=_name("/Tx"),
                T=TextStringObject(name),
                TU=TextStringObject(f"{chinese} {english}"),
                Ff=NumberObject(1 << 12 if multiline else 0),
                Rect=_rect(*box),
                F=NumberObject(4),
                P=self.page.indirect_reference,
                DA=TextStringObject("/F1 10 Tf 0 g"),
                AP=_dictionary(N=appearance),
            )
        )
        self.fields.append(widget)
        self.y -= 10

    def finish(self, language):
        self.page[NameObject("/Resources")] = _dictionary(Font=_dictionary(F1=self.font))
        self.page[NameObject("/Contents")] = self.writer._add_object(
            _stream("".join(self.content).encode("ascii"))
        )
        self.page[NameObject("/Annots")] = ArrayObject(self.fields)
        self.writer._root_object[NameObject("/AcroForm")] = self.writer._add_object(
            _dictionary(
                Fields=ArrayObject(self.fields),
                DA=TextStringObject("/F1 10 Tf 0 g"),
                DR=_dictionary(Font=_dictionary(F1=self.font)),
                NeedAppearances=BooleanObject(True),
            )
        )
        self.writer._root_object[NameObject("/Lang")] = TextStringObject(language)


def application_form(spec, issuer):
    """The PDF bytes of the form `spec` describes (`title`, `fields`, `note`, each text a
    `{"zh-hans": …, "en": …}`); `issuer` is the office's name in both languages."""
    writer = PdfWriter()
    page = writer.add_blank_page(*A4)
    form = FormPage(writer, page, _chinese_font(writer))
    form.line(issuer["zh-hans"], size=11, gap=2)
    form.line(issuer["en"], size=9, gap=10)
    form.line(spec["title"]["zh-hans"], size=16, gap=4)
    form.line(spec["title"]["en"], size=12, gap=4)
    form.rule()
    for name, label, height in spec["fields"]:
        form.field(name, label["zh-hans"], label["en"], height)
    form.rule()
    for language in ("zh-hans", "en"):
        form.line(spec["note"][language], size=8, gap=3)
    form.finish("zh-Hans")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
