"""The scenario scripts under scripts/examples run to the end with `pshv -File`, without errors."""

from pathlib import Path

import pytest

from tests.conftest import cli

EXAMPLES = Path(__file__).resolve().parents[3] / "scripts" / "examples"

KEY_LINES = {
    "scenario01-shared-nothing.ps1": [
        "HV01                           True                                  Kerberos",
        "web01 moved to HV02 in 0.33 minutes",
        "web01 is back on HV01 in D:\\Hyper-V\\web01",
    ],
    "scenario04-drain-node.ps1": [
        "] Draining HV01: 4 virtual machines",
        "] Moved sql01 to HV02",
        "] HV01 is empty and ready for maintenance",
        "test01 Quick         HV02        Completed",
    ],
    "scenario07-compare-fix-move.ps1": [
        "    33012 Could not find Ethernet switch 'External'.",
        "Fixed: the network adapter will use switch 'Corp-External'",
        "web01 now runs on HV06 (Running)",
    ],
    "scenario08-evacuate-volume.ps1": [
        "sql01: E:\\Hyper-V\\sql01",
        "VMs with files left on D:\\: 0",
        "sql01  E:\\Hyper-V\\Virtual Hard Disks\\sql01-data.vhdx",
    ],
    "scenario09-consolidate-folders.ps1": [
        "app01: moved to E:\\VM\\app01",
        "test01     Off E:\\VM\\test01",
    ],
}


@pytest.mark.parametrize("script", sorted(KEY_LINES))
def test_scenario_script(script):
    done = cli("-NoProfile", "-File", str(EXAMPLES / script))
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    for expected in KEY_LINES[script]:
        assert any(expected in line for line in lines), expected


def test_scenario10_csv_batch_writes_its_report(tmp_path):
    done = cli("-NoProfile", "-OutputDirectory", str(tmp_path), "-File", str(EXAMPLES / "scenario10-csv-batch.ps1"))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[:3] == ["app01   -> HV02: Completed", "web01   -> HV02: Completed",
                                           "test01  -> HV02: Completed"]
    assert done.stdout.splitlines()[3].startswith(
        "sql01   -> HV04: Failed: The destination host is not configured for live migration.")
    report = (tmp_path / "scenario10-results.csv").read_text(encoding="utf-8-sig").splitlines()
    assert report[0] == '"VMName","Destination","Method","Start","End","Status"'
    assert len(report) == 5
