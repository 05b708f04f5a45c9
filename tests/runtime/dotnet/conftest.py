from __future__ import annotations

import pytest

from dotnet_fakes import FakeContext


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()
