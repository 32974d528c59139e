from django.shortcuts import redirect
from django.urls import reverse

from portal.twofactor.signin import owed_step


class TwoFactorMiddleware:
    """On every /admin/ address, a signed-in member of staff who owes a second step
    (a code, or setting up an app) is sent to it; nothing else of the back office
    answers them until it is done. After django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")):
            step = self.step_owed(request)
            if step and request.path not in self.open_paths():
                return redirect(f"two_factor:{step}")
        return self.get_response(request)

    @staticmethod
    def step_owed(request):
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        return owed_step(user)

    @staticmethod
    def open_paths():
        names = ("two_factor:verify", "two_factor:setup", "admin:login", "admin:logout")
        return {reverse(name) for name in names}
