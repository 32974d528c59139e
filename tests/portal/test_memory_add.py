"""`memory.add` when a pair arrives in the memory between its check and its insert
(another approval at the same moment, made here by a database trigger): only that
pair is skipped, the rest of the batch goes in."""

import datetime

import pytest
from django.db import connection

from portal.editorial import memory
from portal.editorial.memory_models import MemoryEntry, MemoryGram

pytestmark = pytest.mark.django_db(transaction=True)

WHEN = datetime.datetime(2026, 3, 4, tzinfo=datetime.UTC)
COLUMNS = (
    'source_language, target_language, source, target, source_key, "key", field, note, '
    "approved_at, imported"
)


def entry(source):
    return MemoryEntry(
        source_language="zh-hans", target_language="en", source=source, target="T", approved_at=WHEN
    ).fill_keys()


@pytest.fixture
def race():
    """Inserting "first" also inserts "second" (as a concurrent approval would)."""
    second = entry("second")
    values = (
        f"NEW.source_language, NEW.target_language, 'second', NEW.target, "
        f"'{second.source_key}', '{second.key}', NEW.field, NEW.note, NEW.approved_at, "
        "NEW.imported"
    )
    insert = f"INSERT INTO portal_memoryentry ({COLUMNS}) VALUES ({values});"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION memory_race() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.source = 'first' THEN {insert} END IF; RETURN NEW; END $$ "
                "LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER memory_race BEFORE INSERT ON portal_memoryentry "
                "FOR EACH ROW EXECUTE FUNCTION memory_race()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER memory_race BEFORE INSERT ON portal_memoryentry "
                f"WHEN NEW.source = 'first' BEGIN {insert} END"
            )
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER memory_race ON portal_memoryentry")
            cursor.execute("DROP FUNCTION memory_race()")
        else:
            cursor.execute("DROP TRIGGER memory_race")


def test_a_pair_added_meanwhile_is_skipped_alone(race):
    added = memory.add([entry("first"), entry("second"), entry("third")])
    assert sorted(item.source for item in added) == ["first", "third"]
    assert sorted(MemoryEntry.objects.values_list("source", flat=True)) == [
        "first",
        "second",
        "third",
    ]
    # The lookup without pg_trgm finds what was added.
    if not memory.uses_trigrams():
        assert MemoryGram.objects.filter(gram="third").exists()
