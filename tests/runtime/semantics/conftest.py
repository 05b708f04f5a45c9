import pytest

from semantics_support import FakeContext


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()
