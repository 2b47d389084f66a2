"""Seed file digests: remembered by size and time, recomputed on any change."""

import hashlib
import json
import os

from components.store.digests import file_digests


def _age(path, seconds=60):
    """Make the file look changed ``seconds`` ago (a settled file)."""
    stamp = path.stat().st_mtime_ns - seconds * 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_digest_is_the_files_sha256(tmp_path):
    data = tmp_path / "incidents.csv"
    data.write_bytes(b"id,place\nb1,Quetta\n")
    digests = file_digests([data], tmp_path / "memo.json")
    assert digests == {
        str(data.resolve()): hashlib.sha256(data.read_bytes()).hexdigest()
    }


def test_a_settled_file_is_not_read_again(tmp_path):
    data, memo = tmp_path / "incidents.csv", tmp_path / "memo.json"
    data.write_bytes(b"id,place\nb1,Quetta\n")
    _age(data)
    file_digests([data], memo)
    # The remembered digest is used as long as size and time are the same.
    remembered = json.loads(memo.read_text())
    remembered[str(data.resolve())][2] = "remembered"
    memo.write_text(json.dumps(remembered))
    assert file_digests([data], memo)[str(data.resolve())] == "remembered"


def test_a_changed_file_is_hashed_again(tmp_path):
    data, memo = tmp_path / "incidents.csv", tmp_path / "memo.json"
    data.write_bytes(b"id,place\nb1,Quetta\n")
    _age(data)
    first = file_digests([data], memo)[str(data.resolve())]
    data.write_bytes(b"id,place\nb1,Quetta\nb2,Kalat\n")
    _age(data, 30)
    second = file_digests([data], memo)[str(data.resolve())]
    assert second != first
    assert second == hashlib.sha256(data.read_bytes()).hexdigest()


def test_a_file_changed_just_now_is_not_remembered(tmp_path):
    data, memo = tmp_path / "incidents.csv", tmp_path / "memo.json"
    data.write_bytes(b"id,place\nb1,Quetta\n")
    file_digests([data], memo)
    assert not memo.exists() or str(data.resolve()) not in json.loads(memo.read_text())


def test_an_unreadable_memo_is_ignored(tmp_path):
    data, memo = tmp_path / "incidents.csv", tmp_path / "memo.json"
    data.write_bytes(b"x")
    memo.write_text("{not json")
    assert file_digests([data], memo) == {
        str(data.resolve()): hashlib.sha256(b"x").hexdigest()
    }
