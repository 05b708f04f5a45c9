"""The migration about_ topics load through Get-Help and point at the commands that show each stage."""

from __future__ import annotations

import pytest

from tests.conftest import ps

TOPICS = {
    "about_Live_Migration": ("Stop-and-copy", "Get-LabMigrationTrace", "Show-LabMigration", "Move-VM -Verbose"),
    "about_Storage_Migration": ("Mirror", "StorageSwitch", "Show-LabMigration", "Export-LabReport"),
    "about_Shared_Nothing_Migration": ("-IncludeStorage", "Compare-VM", "Show-LabMigration"),
    "about_Migration_Performance_Options": ("TCPIP", "Compression", "SMB Direct",
                                            "-VirtualMachineMigrationPerformanceOption", "Export-LabReport"),
}


@pytest.mark.parametrize("name", TOPICS)
def test_topic_loads_and_names_its_commands(name):
    text = ps(f"Get-Help {name} | Out-String").output[0]
    assert text.lstrip().startswith(f"TOPIC\n    {name}\n")
    for word in TOPICS[name]:
        assert word in text
