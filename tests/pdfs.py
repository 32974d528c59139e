"""PDFs made with pypdf for the form tests: good ones and hostile ones."""

import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def _write(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def form_pdf(author="Secret Author"):
    """A one-page PDF with document information and XMP metadata naming its author."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Author": author, "/Title": "Application form"})
    xmp = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Metadata")}))
    writer._root_object[NameObject("/Metadata")] = xmp
    return _write(writer)


def _javascript_action():
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        }
    )


def pdf_with_open_action_script():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/OpenAction")] = _javascript_action()
    return _write(writer)


def pdf_with_named_script():
    """JavaScript in the document's name tree, run when it opens."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    names = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("init"), _javascript_action()])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(names)}
    )
    return _write(writer)


def pdf_with_page_action():
    """An additional action (/AA) on a page: it runs when the page opens."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): _javascript_action()})
    return _write(writer)
