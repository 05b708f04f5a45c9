"""scripts/examples/host-inventory.ps1 runs cleanly and shows migration settings before and after."""

from pathlib import Path

from tests.conftest import cli

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "examples" / "host-inventory.ps1"


def test_host_inventory_script_runs_without_errors():
    result = cli("-NoProfile", "-File", str(SCRIPT))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    before, after = result.stdout.split("=== Live migration after ===")
    assert "=== HV01: 4 VMs (3 running), 28 of 256 GB memory assigned ===" in before
    assert "VirtualMachineMigrationEnabled            : False" in before
    assert "VirtualMachineMigrationAuthenticationType : Kerberos" in after
    assert "HV02         192.168.10.0/24        1" in after
