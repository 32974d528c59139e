from django.urls import reverse


def crumb(url_name, label, **kwargs):
    """One step of the breadcrumb trail: `(url or None, label)`; None marks this page."""
    return (reverse(url_name, kwargs=kwargs) if url_name else None, label)
