"""Staff preview: unpublished records at their public address, under a banner."""

from django.utils.cache import patch_cache_control


class StaffPreviewMixin:
    """Detail pages: staff may open unpublished records, under a preview banner.

    The view's `get_queryset` decides what is visible (`portal.editorial.rules.visible`);
    a preview is never cached and never indexed.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_live
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return mark_preview(response, context["preview"])


def mark_preview(response, preview):
    """A function view's preview: never cached, never indexed (as `StaffPreviewMixin`)."""
    if preview:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response
