import pytest

from pshv.lab.default import default_lab


@pytest.fixture
def lab():
    return default_lab()
