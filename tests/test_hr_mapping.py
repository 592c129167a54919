"""The packaged mappings between e-CF versions are derived from the packaged catalogue."""

from __future__ import annotations

from importlib.resources import files

import pytest

from skillprofiles.hr.versions import PACKAGED_PAIRS, mapping_file_name, mapping_text, packaged_mapping


@pytest.mark.parametrize(("source", "target"), PACKAGED_PAIRS)
def test_the_packaged_file_is_what_the_catalogue_derives(source: str, target: str) -> None:
    packaged = (
        files("skillprofiles.hr").joinpath("data", mapping_file_name(source, target)).read_text("utf-8")
    )
    assert packaged == mapping_text(source, target)


def test_reused_codes_have_no_counterpart() -> None:
    mapping = packaged_mapping("2.0", "4.0")
    assert mapping is not None
    assert mapping.codes["D.7"] is None
    assert mapping.codes["E.4"] == "E.4"
    assert packaged_mapping("1.0", "4.0") is None
