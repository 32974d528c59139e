"""The pieces the test PDFs are built of, over pypdf's objects: dictionaries whose keys
are written without their slash, streams, rectangles, a JavaScript action, and the
file's bytes."""

import io

from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)


def write(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def javascript_action():
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        }
    )


def name(value):
    return NameObject(value)


def dictionary(**entries):
    """A PDF dictionary from keyword arguments, each key written without its slash."""
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def stream(data, **entries):
    made = DecodedStreamObject()
    made.set_data(data)
    made.update(dictionary(**entries))
    return made


def rect(*numbers):
    return ArrayObject(FloatObject(number) for number in numbers)


def with_annotation(writer, page, annotation):
    reference = writer._add_object(annotation)
    page[NameObject("/Annots")] = ArrayObject([reference])
    return reference
