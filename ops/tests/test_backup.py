import pytest
from django.conf import settings
from django.core.management import call_command

from accounts.models import User
from ops.backup import backup_create, backup_restore
from states.models import State


def _snapshot():
    return (State.objects.count(), User.objects.count(), sorted(State.objects.values_list("iso3", "region")))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_the_demo_data_and_uploads(tmp_path):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    media = settings.MEDIA_ROOT
    (media / "uploads").mkdir(parents=True, exist_ok=True)
    (media / "uploads" / "agenda.pdf").write_bytes(b"%PDF-1.4 agenda")
    before = _snapshot()

    target = backup_create(target_dir=tmp_path / "backup")

    State.objects.update(region="")
    User.objects.filter(email__startswith="delegate").delete()
    (media / "uploads" / "agenda.pdf").unlink()
    assert _snapshot() != before

    backup_restore(source_dir=target)
    assert _snapshot() == before
    assert (media / "uploads" / "agenda.pdf").read_bytes() == b"%PDF-1.4 agenda"
