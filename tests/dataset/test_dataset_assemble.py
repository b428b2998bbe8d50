"""Tables written in pieces and joined: the same files as written whole."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pugnlp.dataset.assemble import join_pieces, piece_path, write_piece
from pugnlp.dataset.files import FORMATS


@pytest.mark.parametrize("table", ["events", "mentions", "officials"])
def test_pieces_joined_are_the_file_written_whole(tables, tmp_path, table):
    frame = tables[table]
    cuts = [0, 5, 5, len(frame) // 2, len(frame)]  # an empty piece too
    for fmt in FORMATS:
        whole = tmp_path / "whole" / f"{table}.{fmt}"
        write_piece(frame, table, fmt, whole)  # the writer of write_dataset
        pieces = []
        for n, (start, stop) in enumerate(zip(cuts, cuts[1:])):
            pieces.append(piece_path(tmp_path / "work", table, fmt, n))
            write_piece(frame.iloc[start:stop].reset_index(drop=True), table, fmt, pieces[-1])
        target = tmp_path / f"{table}.{fmt}"
        join_pieces(pieces, fmt, target)
        if fmt == "parquet":
            assert pq.read_table(target).equals(pq.read_table(whole))
            assert pq.read_schema(target).metadata == pq.read_schema(whole).metadata
            assert pq.ParquetFile(target).metadata.num_row_groups == 3  # the empty one left out
        else:
            assert target.read_bytes() == whole.read_bytes()


def test_a_table_of_no_rows_joins_to_its_header(tables, tmp_path):
    empty = tables["events"].iloc[:0]
    pieces = [piece_path(tmp_path, "events", "csv", n) for n in range(2)]
    for piece in pieces:
        write_piece(empty, "events", "csv", piece)
    join_pieces(pieces, "csv", tmp_path / "events.csv")
    assert (tmp_path / "events.csv").read_bytes() == pieces[0].read_bytes()
    assert (tmp_path / "events.csv").read_text(encoding="utf-8-sig").count("\n") == 1
