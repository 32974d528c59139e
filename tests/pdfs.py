"""PDFs made with pypdf for the form tests: forms as a service guide holds them (hostile
ones: `tests.hostile_pdfs`)."""

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from tests.pdf_objects import dictionary, name, rect, stream, write


def form_pdf(author="Secret Author"):
    """A one-page PDF with document information and XMP metadata naming its author."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Author": author, "/Title": "Application form"})
    xmp = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Metadata")}))
    writer._root_object[NameObject("/Metadata")] = xmp
    return write(writer)


def fillable_form_pdf():
    """A one-page form as a service guide would hold it: a label drawn in the page's
    content, a text field (a widget with its appearance), links to a web page and
    an email address, and the language it is written in."""
    return write(_fillable_form())


def _fillable_form():
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = writer._add_object(
        dictionary(Type=name("/Font"), Subtype=name("/Type1"), BaseFont=name("/Helvetica"))
    )
    page[NameObject("/Resources")] = dictionary(Font=dictionary(Helv=font))
    page[NameObject("/Contents")] = writer._add_object(
        stream(b"BT /Helv 12 Tf 72 770 Td (Full name) Tj ET")
    )
    appearance = writer._add_object(
        stream(
            b"/Tx BMC EMC",
            Type=name("/XObject"),
            Subtype=name("/Form"),
            BBox=rect(0, 0, 280, 20),
            Resources=dictionary(Font=dictionary(Helv=font)),
        )
    )
    field = writer._add_object(
        dictionary(
            Type=name("/Annot"),
            Subtype=name("/Widget"),
            FT=name("/Tx"),
            T=TextStringObject("applicant_name"),
            TU=TextStringObject("Applicant's name"),
            Rect=rect(200, 760, 480, 780),
            F=NumberObject(4),
            P=page.indirect_reference,
            DA=TextStringObject("/Helv 0 Tf 0 g"),
            AP=dictionary(N=appearance),
        )
    )
    links = [
        _link(writer, "https://www.example.gov/guides/visa", (72, 700, 300, 715)),
        _link(writer, "mailto:consular@example.gov", (72, 680, 300, 695)),
    ]
    page[NameObject("/Annots")] = ArrayObject([field, *links])
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(
        dictionary(
            Fields=ArrayObject([field]),
            DA=TextStringObject("/Helv 0 Tf 0 g"),
            DR=dictionary(Font=dictionary(Helv=font)),
        )
    )
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    return writer


def _link(writer, uri, box):
    return writer._add_object(
        dictionary(
            Type=name("/Annot"),
            Subtype=name("/Link"),
            Rect=rect(*box),
            Border=ArrayObject([NumberObject(0)] * 3),
            A=dictionary(S=name("/URI"), URI=TextStringObject(uri)),
        )
    )


def form_with_unlisted_content_pdf():
    """The fillable form with what is harmless but no part of a form, each carrying a
    marker: an opening view, a bookmark, a comment, a reset button, a page's private
    data and a catalog entry no reader knows; and a second page the first links to,
    once directly and once by a name."""
    writer = _fillable_form()
    page = writer.pages[0]
    second = writer.add_blank_page(595, 842)
    root = writer._root_object
    root[NameObject("/OpenAction")] = ArrayObject([page.indirect_reference, name("/Fit")])
    root[NameObject("/Marker")] = writer._add_object(stream(b"unlisted-marker"))
    root[NameObject("/Outlines")] = writer._add_object(
        dictionary(Type=name("/Outlines"), Title=TextStringObject("bookmark-marker"))
    )
    page[NameObject("/PieceInfo")] = dictionary(
        Editor=dictionary(Private=TextStringObject("piece-marker"))
    )
    comment = dictionary(
        Type=name("/Annot"),
        Subtype=name("/Text"),
        Rect=rect(500, 800, 520, 820),
        Contents=TextStringObject("comment-marker"),
    )
    reset = dictionary(
        Type=name("/Annot"),
        Subtype=name("/Widget"),
        FT=name("/Btn"),
        Ff=NumberObject(1 << 16),
        T=TextStringObject("clear"),
        Rect=rect(72, 100, 172, 130),
        A=dictionary(S=name("/ResetForm"), Fields=ArrayObject([TextStringObject("reset-marker")])),
    )
    to_second = dictionary(
        Type=name("/Annot"),
        Subtype=name("/Link"),
        Rect=rect(72, 660, 300, 675),
        A=dictionary(S=name("/GoTo"), D=ArrayObject([second.indirect_reference, name("/Fit")])),
    )
    root[NameObject("/Dests")] = dictionary(
        second=ArrayObject([second.indirect_reference, name("/Fit")])
    )
    by_name = dictionary(
        Type=name("/Annot"),
        Subtype=name("/Link"),
        Rect=rect(72, 640, 300, 655),
        Dest=name("/second"),
    )
    added = [writer._add_object(annotation) for annotation in (comment, reset, to_second, by_name)]
    page["/Annots"].extend(added)
    root["/AcroForm"]["/Fields"].append(added[1])
    return write(writer)
