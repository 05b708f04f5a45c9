"""Binder tests run against fakes of the type registry and conversions (see binder_fakes)."""

import pytest

from binder_fakes import FakeContext, _convert, _dotnet_text, _resolve, _truthy, _type_name
from pshv.runtime import binder, params


@pytest.fixture(autouse=True)
def fake_runtime(monkeypatch):
    monkeypatch.setattr(binder, "_resolve_type_name", _resolve)
    monkeypatch.setattr(binder, "_convert_to", _convert)
    monkeypatch.setattr(binder, "_value_type_name", _type_name)
    monkeypatch.setattr(params, "_is_true", _truthy)
    monkeypatch.setattr(params, "_dotnet_text", _dotnet_text)
    monkeypatch.setattr(binder, "_dotnet_text", _dotnet_text)



@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()
