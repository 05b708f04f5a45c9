"""Fixtures on the embedded default lab with live migration enabled everywhere."""

from __future__ import annotations

import pytest

from pshv.lab.default import default_lab
from pshv.lab.model import Lab
from pshv.migration.service import MigrationService


def enabled_lab() -> Lab:
    lab = default_lab()
    for host in lab.hosts:
        host.migration.enabled = True
    return lab


@pytest.fixture
def lab() -> Lab:
    return enabled_lab()


@pytest.fixture
def service(lab: Lab) -> MigrationService:
    return MigrationService(lab)
