"""The sign-in steps after the password, and each person's two-factor page."""

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from portal.editorial.rules import must_use_two_factor
from portal.twofactor import devices, signin
from portal.twofactor.forms import CodeForm, PasswordForm

WAIT = gettext_lazy("Too many wrong codes in a row: wait a few seconds, then try again.")


def page(request, template, title, **context):
    context = {**admin.site.each_context(request), "title": title, **context}
    return TemplateResponse(request, f"admin/two_factor/{template}", context)


class PasswordStepView(LoginView):
    """The admin's sign-in page (admin.site.login's form, template and context); a right
    password leads on to the second step when the person owes one."""

    form_class = PasswordForm
    template_name = "admin/login.html"
    next_page = reverse_lazy("admin:index")

    def get(self, request, *args, **kwargs):
        if admin.site.has_permission(request):
            return redirect("admin:index")
        # The password was right a moment ago: back to the step still owed, not the form.
        user = signin.signing_in(request)
        step = signin.owed_step(user) if user is not None else None
        if step is not None:
            return redirect(f"two_factor:{step}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            admin.site.each_context(self.request),
            title=_("Log in"),
            subtitle=None,
            app_path=self.request.get_full_path(),
            username=self.request.user.get_username(),
        )
        if not context[REDIRECT_FIELD_NAME]:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index")
        return context

    def form_valid(self, form):
        user = form.get_user()
        step = signin.owed_step(user)
        if step is None:
            return super().form_valid(form)
        signin.begin(self.request, user, self.get_success_url())
        return redirect(f"two_factor:{step}")


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """The second step: a code from the app or a backup code. A wrong one counts against
    the user name and address with django-axes, as a wrong password does."""
    user = signin.signing_in(request)
    if user is None:
        return redirect("admin:login")
    if not devices.has_device(user):
        return redirect("two_factor:setup")
    if signin.locked_out(request, user):
        return signin.lockout(request, user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, waiting = devices.verify(user, form.cleaned_data["code"])
        if device is not None:
            if devices.is_backup(device):
                tell_backup_codes_left(request, user)
            return redirect(signin.finish(request, user, device))
        if signin.count_failure(request, user):
            return signin.lockout(request, user)
        form.add_error("code", WAIT if waiting else _("That code is not right. Try again."))
    return page(request, "verify.html", _("Second step"), form=form, person=user)


def tell_backup_codes_left(request, user):
    left = devices.backup_codes_left(user)
    message = ngettext(
        "You signed in with a backup code; %(count)d is left.",
        "You signed in with a backup code; %(count)d are left.",
        left,
    )
    messages.warning(request, message % {"count": left})


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), enter a code."""
    user = signin.signing_in(request)
    if user is None:
        return redirect("two_factor:account" if request.user.is_authenticated else "admin:login")
    if devices.has_device(user):
        return redirect("two_factor:verify")
    if signin.locked_out(request, user):
        return signin.lockout(request, user)
    device = devices.unconfirmed_app(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        accepted, waiting = devices.check(device, form.cleaned_data["code"])
        if accepted:
            codes = devices.confirm_app(device)
            next_url = signin.finish(request, user, device)
            return show_backup_codes(request, codes, next_url, _("Two-factor sign-in is on"))
        form.add_error("code", WAIT if waiting else _("That code is not right. Try again."))
    return page(
        request,
        "setup.html",
        _("Set up two-factor sign-in"),
        form=form,
        qr_code=devices.qr_code(device),
        secret=devices.secret(device),
        required=must_use_two_factor(user),
    )


def show_backup_codes(request, codes, next_url, title):
    """The only time the codes are shown: in the answer to the request that made them."""
    return page(request, "backup_codes.html", title, codes=codes, next_url=next_url)


def account(request):
    """A person's own two-factor page: turn it on, make new backup codes, turn it off."""
    user = request.user
    return page(
        request,
        "account.html",
        _("Two-factor sign-in"),
        enabled=devices.has_device(user),
        required=must_use_two_factor(user),
        backup_codes_left=devices.backup_codes_left(user),
    )


@require_POST
def backup_codes(request):
    if not request.user.is_verified():
        return redirect("two_factor:account")
    codes = devices.new_backup_codes(request.user)
    return show_backup_codes(request, codes, reverse("two_factor:account"), _("New backup codes"))


@require_POST
def turn_off(request):
    if must_use_two_factor(request.user):
        raise PermissionDenied
    devices.remove_devices(request.user)
    messages.success(request, _("Two-factor sign-in is off."))
    return redirect("two_factor:account")
