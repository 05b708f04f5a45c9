"""The lab: the in-memory world of Hyper-V hosts that pshv's cmdlets act on.

Modules: `enums` (Hyper-V / cluster enums), `model` (pydantic state), `fstree` and `filesystem`
(virtual file systems), `ops` (state changes that keep the invariants), `storage` (storage-move
plans), `compat` (migration requirements), `invariants`, `files` (lab files), `default`
(the embedded default lab), `clock`, `events`, `versions`.  Nothing is imported here, so
importing a submodule stays cheap.
"""
