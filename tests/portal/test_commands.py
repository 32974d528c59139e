from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def password_from(output):
    return next(line.split()[-1] for line in output.splitlines() if "Password:" in line)


def test_ensureadmin_creates_a_superuser_with_a_generated_password():
    first, second = StringIO(), StringIO()
    call_command("ensureadmin", stdout=first)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    password = password_from(first.getvalue())
    assert len(password) >= 16 and user.check_password(password)
    get_user_model().objects.filter(username="admin").delete()
    call_command("ensureadmin", stdout=second)
    assert password_from(second.getvalue()) != password, "never a fixed password"


def test_ensureadmin_never_changes_an_existing_account():
    call_command("ensureadmin", stdout=StringIO())
    before = get_user_model().objects.get(username="admin").password
    out = StringIO()
    call_command("ensureadmin", stdout=out)
    assert "already exists" in out.getvalue()
    assert get_user_model().objects.get(username="admin").password == before
