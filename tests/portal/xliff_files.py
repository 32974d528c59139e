"""XLIFF files as the tests make and change them: exported by the command, filled in
as a CAT tool would, and the records they translate."""

from django.core.management import call_command

from portal.editorial.xliff_format import Xliff12
from tests.factories import make_article

NS = "{urn:oasis:names:tc:xliff:document:1.2}"


def chinese_original(**fields):
    fields.setdefault("title_zh_hans", "卡拉奇代表团访问沈阳")
    fields.setdefault("body_zh_hans", "<p>代表团会见了市长。</p>")
    fields.setdefault("title_en", "")
    fields.setdefault("body_en", "")
    fields.setdefault("original_language", "zh-hans")
    return make_article(**fields)


def import_as(username, path):
    call_command("xliff", "import", "--user", username, str(path))


def exported(tmp_path, *args):
    path = tmp_path / "queue.xlf"
    call_command("xliff", "export", "--language", "en", *args, str(path))
    return path


def translate_like_a_cat_tool(path, targets):
    """Fill targets by unit id, as a translator's tool would, and save the file."""
    store = Xliff12.parsefile(str(path))
    for unit in store.getunits():
        target = targets.get(unit.xmlelement.get("id"))
        if target is None:
            continue
        if isinstance(target, str):
            unit.target = target
        else:
            unit.rich_target = target
    path.write_bytes(bytes(store))


def fill(data, targets):
    """A CAT tool's work: targets set by unit id; the file's bytes."""
    store = Xliff12.parsestring(data)
    for unit in store.getunits():
        identity = unit.xmlelement.get("id")
        if identity in targets:
            unit.target = targets[identity]
    return bytes(store)


def many_units_for_records_that_do_not_exist(count, real):
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
        '<file original="portal" source-language="zh-Hans" target-language="en" '
        'datatype="plaintext"><body>',
        f'<trans-unit id="news.article/{real.pk}/title"><source>{real.title_zh_hans}</source>'
        "<target>Saved?</target></trans-unit>",
    ]
    lines += [
        f'<trans-unit id="news.article/{1_000_000 + n}/title"><source/>'
        f"<target>T{n}</target></trans-unit>"
        for n in range(count)
    ]
    lines.append("</body></file></xliff>")
    return "\n".join(lines).encode()
