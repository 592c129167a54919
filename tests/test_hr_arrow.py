"""The optional pandas / Arrow / Parquet forms of the tidy tables (the ``arrow`` extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillprofiles.export.tables import matrix_rows, to_arrow, to_dataframe, write_parquet
from skillprofiles.hr import ProfileCollection
from tests.hr_helpers import WSP_003

pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install 'skillprofiles[arrow]')")
pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'skillprofiles[arrow]')")


def rows() -> list[dict[str, object]]:
    return matrix_rows(ProfileCollection.from_paths([WSP_003]).matrix())


def test_dataframe_and_arrow_table() -> None:
    frame = to_dataframe(rows())
    assert list(frame.columns)[:3] == ["file", "profile", "title"]
    assert frame["level"].tolist() == [2, 5, 4, 3, 4]
    table = to_arrow(rows())
    assert table.num_rows == 5
    assert table.column("code").to_pylist() == ["B.1", "D.7", "D.8", "E.1", "E.4"]


def test_parquet_file(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "m.parquet"
    write_parquet(rows(), str(path))
    assert pq.read_table(path).to_pylist() == rows()
