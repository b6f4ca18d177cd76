"""The model once called `Warning` (a builtin's name) is renamed in place: its rows stay."""

from importlib import import_module

from django.db import migrations


def test_the_warning_model_is_renamed_not_dropped_and_recreated():
    rename = import_module("evaluation.migrations.0003_rename_warning_to_ratingwarning")
    operations = rename.Migration.operations
    assert all(isinstance(operation, migrations.RenameModel) for operation in operations)
    assert {(operation.old_name, operation.new_name) for operation in operations} == {
        ("Warning", "RatingWarning"),
        ("HistoricalWarning", "HistoricalRatingWarning"),
    }
