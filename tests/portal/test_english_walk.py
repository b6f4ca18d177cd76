"""English that stays English (issue 18): every page of every pillar, as each role, in English.

The data set is the permission matrix's (tests/security/matrix_objects.py): one object of each
kind, owned by one citizen and handled by one unit, with the people of every role. Every URL
pattern (object ids filled from that data) is requested as anonymous and as each role with the
language cookie set to English. A page that answers with HTML must show no Chinese character
outside data: a run of Han characters or full-width punctuation passes only when it is part of a
text the database holds (a name, a title, content that users or admins typed), or Chinese that
an English translation quotes on purpose (the values an import file must contain). Labels the
database holds for the portal (complaint categories, workflow step names) are not data: they
are translated on display, so their fields are left out of what is subtracted.
"""

import re

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.db import connection, models, transaction
from django.test import Client, override_settings
from django.urls import reverse

from disclosure.services.catalogue import table
from tests.catalogue import chinese_in_english
from tests.security.matrix_objects import HANDLING_UNIT, build
from tests.security.test_hostile_input import url_names

# Han characters, CJK punctuation (、。「」【】) and full-width forms (：（），！？).
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
# The language switcher names each language in its own script, as every bilingual site does;
# the catalogue import explains the marks its Chinese spreadsheet uses.
ON_PURPOSE = ("简体中文", table.MATERIAL_SEPARATOR, table.OPTIONAL_MARK)
# Fields whose values are labels of the portal, not what people typed: shown translated.
LABEL_FIELDS = {
    ("petitions", "category", "name"),
    ("approvals", "processstep", "name"),
}
# One role of each kind: the owner of the data, an agent acting for them, the handling unit's
# clerk and head, the hotline operator, and those who oversee every unit.
ROLES = (
    "anonymous",
    "owner",
    "agent_consent",
    "clerk",
    "head",
    "operator",
    "inspector",
    "leader",
    "admin",
)
NAMES = sorted(set(url_names()))


def database_texts() -> str:
    """Every text value the database holds, joined into one string to search in."""
    texts = []
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model._meta.db_table not in tables:
            continue  # a model whose migration is not written yet holds nothing
        # A history table holds its model's labels too.
        meta = getattr(model, "instance_type", model)._meta
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField))
            and not field.choices
            and (meta.app_label, meta.model_name, field.name) not in LABEL_FIELDS
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                texts.extend(value for value in row if value)
    return "\x00".join(texts)


def untranslated(body: str, data: str) -> list[str]:
    """The runs of Chinese in `body` that are not part of a text the database holds."""
    for text in ON_PURPOSE:
        body = body.replace(text, " ")
    quoted = chinese_in_english()
    return sorted({run for run in CHINESE.findall(body) if run not in data and run not in quoted})


def _around(body: str, run: str) -> str:
    """Where a run stands in the page, so a failure names the template that wrote it."""
    start = body.index(run)
    return " ".join(body[max(0, start - 80) : start + len(run) + 40].split())


def _client(user) -> Client:
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix objects and an English client per role, built once and rolled back after."""
    isolated = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("english-walk"),
        DISCLOSURE_REQUESTS_OFFICE=HANDLING_UNIT,
        STAFF_HOSTS=[],
        SMS_BACKEND="memory",
        STORAGES={
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    with django_db_blocker.unblock(), isolated:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            who, args = build()
            clients = {role: _client(who[role]) for role in ROLES}
            yield args, clients, database_texts()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_the_walk_covers_every_pillar():
    prefixes = {name.split(":")[0] for name in NAMES}
    assert {"portal", "approvals", "disclosure", "petitions", "evaluation", "supervision"} <= (
        prefixes
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAMES)
def test_every_page_is_english_for_every_role(site, settings, name):
    args, clients, data = site
    settings.DISCLOSURE_REQUESTS_OFFICE = HANDLING_UNIT
    url = reverse(name, args=args.get(name, ()))
    failures = {}
    for role, client in clients.items():
        # Each request in a savepoint: a page that records a read leaves the next one unchanged.
        with transaction.atomic():
            response = client.get(url)
            transaction.set_rollback(True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        found = untranslated(body, data)
        if found:
            failures[role] = {run: _around(body, run) for run in found}
    assert failures == {}, failures
