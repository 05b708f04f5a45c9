"""The pickled snapshot of the default lab: identical to a fresh build, and independent copies."""

from __future__ import annotations

from pshv.lab import snapshot
from pshv.lab.default import default_lab


def test_snapshot_equals_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = snapshot.default_lab_snapshot()  # no snapshot yet: built and written
    written = list((tmp_path / "pshv").glob("default-lab-*.pickle"))
    assert len(written) == 1
    loaded = snapshot.default_lab_snapshot()  # read back
    assert loaded.model_dump() == built.model_dump() == default_lab().model_dump()
    loaded.hosts[0].memory_bytes += 1
    assert snapshot.default_lab_snapshot().hosts[0].memory_bytes == built.hosts[0].memory_bytes


def test_a_changed_source_makes_a_new_snapshot(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    snapshot.default_lab_snapshot()
    monkeypatch.setattr(snapshot, "_source_key", lambda: "changed")
    snapshot.default_lab_snapshot()
    names = sorted(path.name for path in (tmp_path / "pshv").glob("default-lab-*.pickle"))
    assert len(names) == 2 and "default-lab-changed.pickle" in names


def test_a_damaged_snapshot_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    snapshot.default_lab_snapshot()
    (path,) = (tmp_path / "pshv").glob("default-lab-*.pickle")
    path.write_bytes(b"not a pickle")
    assert snapshot.default_lab_snapshot().model_dump() == default_lab().model_dump()
