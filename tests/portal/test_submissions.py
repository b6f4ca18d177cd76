"""One-time submission tokens: one object per token, the same receipt for every duplicate, and
a concurrent duplicate on PostgreSQL settled by the unique digest."""

import threading
import time

import pytest
from django.db import connection

from portal.errors import DomainError
from portal.models import InboxMessage, Submission
from portal.submissions import Submitted, new_token, submit_once
from tests.factories import CitizenFactory


def _inbox_message(user, *, secret="", pause=0.0):
    def create() -> Submitted:
        message = InboxMessage.objects.create(recipient=user, subject="回执", body="已收到")
        time.sleep(pause)
        return Submitted(subject=message, secret=secret)

    return create


@pytest.mark.django_db
def test_the_same_token_twice_stores_one_object_and_replays_its_secret():
    user = CitizenFactory()
    token = new_token()
    first = submit_once(token=token, account=user, create=_inbox_message(user, secret="K7M2QX9P"))
    second = submit_once(token=token, account=user, create=_inbox_message(user, secret="OTHER"))
    assert InboxMessage.objects.count() == 1
    assert second.subject == first.subject and second.replayed and not first.replayed
    assert second.secret == "K7M2QX9P"


@pytest.mark.django_db
def test_the_secret_and_the_token_are_not_stored_in_clear():
    user = CitizenFactory()
    token = new_token()
    submit_once(token=token, account=user, create=_inbox_message(user, secret="K7M2QX9P"))
    row = Submission.objects.get()
    stored = " ".join(str(value) for value in vars(row).values())
    assert token not in stored and "K7M2QX9P" not in stored
    assert b"K7M2QX9P".hex() not in stored


@pytest.mark.django_db
def test_another_account_with_the_token_sees_no_receipt():
    owner, other = CitizenFactory(), CitizenFactory()
    token = new_token()
    submit_once(token=token, account=owner, create=_inbox_message(owner, secret="K7M2QX9P"))
    with pytest.raises(DomainError) as refused:
        submit_once(token=token, account=other, create=_inbox_message(other))
    assert refused.value.code == "submission_spent"
    assert InboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_a_refused_submission_leaves_the_token_unused():
    user = CitizenFactory()
    token = new_token()

    def refuse() -> Submitted:
        InboxMessage.objects.create(recipient=user, subject="半途", body="")
        raise DomainError("请补全材料。")

    with pytest.raises(DomainError):
        submit_once(token=token, account=user, create=refuse)
    assert not Submission.objects.exists() and not InboxMessage.objects.exists()
    submit_once(token=token, account=user, create=_inbox_message(user))
    assert InboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_without_a_token_every_submission_is_stored():
    user = CitizenFactory()
    submit_once(token="", account=user, create=_inbox_message(user))
    submit_once(token="", account=user, create=_inbox_message(user))
    assert InboxMessage.objects.count() == 2
    assert not Submission.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_concurrent_duplicate_stores_one_object_and_gets_the_first_receipt():
    user = CitizenFactory()
    token = new_token()
    barrier = threading.Barrier(2)
    results = [None, None]

    def run(index):
        try:
            barrier.wait()
            # The first holds its transaction open a moment, so the second meets its token.
            results[index] = submit_once(
                token=token,
                account=user,
                create=_inbox_message(user, secret=f"CODE{index}", pause=0.5),
            )
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(result, Submitted) for result in results), results
    assert InboxMessage.objects.count() == 1 and Submission.objects.count() == 1
    assert results[0].subject.pk == results[1].subject.pk
    assert results[0].secret == results[1].secret
    assert sorted(result.replayed for result in results) == [False, True]
