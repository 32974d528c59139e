"""Two-factor sign-in for the back office (django-otp): after the password, a code
from an authenticator app (TOTP) or one of ten single-use backup codes.

- `devices`: a person's app and backup codes: setting up, checking, removing;
- `signin`: the state between the password and the second step, who owes
  which step, and the count of wrong codes kept by django-axes;
- `views`, `urls`, `forms`: the sign-in steps and each person's own page;
- `middleware`: every /admin/ address sends staff who owe a step to it.

Publishers and superusers must use it (`portal.editorial.rules.must_use_two_factor`);
other staff may. `manage.py resetotp NAME` removes someone's devices.

May import anything below it (`portal.editorial` for the rule).
"""
