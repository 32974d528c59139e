"""Read an admin form as a browser would submit it, so tests can change a few values."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea, self._in_form = {}, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and "id" in attrs:
            self._in_form = attrs["id"].endswith("_form") and "login" not in attrs["id"]
        if not self._in_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(attrs["name"], []).append(attrs.get("value", "on"))
                return
            self.data[attrs["name"]] = [attrs.get("value", "")]
        elif tag == "select":
            self._select = attrs["name"]
            self.data.setdefault(self._select, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def admin_form_data(response, **changes):
    """The change form's current values, as a dict of lists for client.post, with changes."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = reader.data
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return data
