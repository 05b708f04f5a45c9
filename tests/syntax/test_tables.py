"""The shipped LALR tables match the grammar, and changed grammars get fresh tables."""

import json
import subprocess
import sys

from pshv.syntax import tablegen, tables


def test_shipped_tables_are_lark_output_for_the_grammar():
    grammar = tables.GRAMMAR.read_text(encoding="utf-8")
    key = tables.grammar_key(grammar)
    shipped = json.loads(tables.ARTIFACT.read_text(encoding="utf-8"))
    assert shipped["key"] == key, "grammar changed: run python -m pshv.syntax.tablegen"
    assert json.loads(json.dumps(tablegen.compile_tables(grammar, key))) == shipped


def test_parsing_does_not_import_lark():
    code = "import sys, pshv.syntax as s; s.parse('1 + 2'); print('lark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def _changed_grammar(tmp_path, monkeypatch):
    grammar = tmp_path / "powershell.lark"
    grammar.write_text(tables.GRAMMAR.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    package = tmp_path / "package"
    package.mkdir()
    artifact = package / tables.ARTIFACT.name
    artifact.write_bytes(tables.ARTIFACT.read_bytes())
    monkeypatch.setattr(tables, "GRAMMAR", grammar)
    monkeypatch.setattr(tables, "ARTIFACT", artifact)
    monkeypatch.setattr(tables, "_HERE", package)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tables.grammar_key(grammar.read_text(encoding="utf-8")), artifact


def test_changed_grammar_is_recompiled_into_the_package(tmp_path, monkeypatch):
    key, artifact = _changed_grammar(tmp_path, monkeypatch)
    assert tables.load_tables()["key"] == key
    assert json.loads(artifact.read_text(encoding="utf-8"))["key"] == key


def test_read_only_package_uses_the_user_cache(tmp_path, monkeypatch):
    key, artifact = _changed_grammar(tmp_path, monkeypatch)
    monkeypatch.setattr(tables.os, "access", lambda path, mode: False)
    assert tables.load_tables()["key"] == key
    assert json.loads(artifact.read_text(encoding="utf-8"))["key"] != key
    cached = tmp_path / "cache" / "pshv" / artifact.name
    assert json.loads(cached.read_text(encoding="utf-8"))["key"] == key

    def no_compile(grammar, key):
        raise AssertionError("tables should come from the cache")

    monkeypatch.setattr(tablegen, "compile_tables", no_compile)
    assert tables.load_tables()["key"] == key
