"""One account per kind of visitor, and a test client signed in as it."""

from django.contrib.auth.models import Group
from django.test import Client

from shop.security import staff

ROLES = ("anonymous", "customer", "editor", "manager", "superuser")
GROUPS = {"editor": staff.CONTENT_EDITORS, "manager": staff.SHOP_MANAGERS}


def make_accounts(user_model):
    """Role → user (None for the anonymous visitor)."""
    accounts = {"anonymous": None}
    for role in ROLES[1:]:
        user = user_model.objects.create_user(
            username=role,
            email=f"{role}@skinome.example",
            password="x",
            is_staff=role != "customer",
            is_superuser=role == "superuser",
        )
        if role in GROUPS:
            user.groups.add(Group.objects.get(name=GROUPS[role]))
        accounts[role] = user
    return accounts


def client_for(user):
    # A view that crashes is one an account got into: reported, not raised.
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client
