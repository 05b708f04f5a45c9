"""Save-Lab, Import-Lab, Reset-Lab: lab files inside the sandbox, validation, replacing the lab."""

import json

from pshv.lab.files import parse_lab
from tests.commands.lab.lab_helpers import fails, fqid, run_with_lab
from tests.conftest import cli


def test_save_lab_writes_a_valid_lab_file_on_x(tmp_path):
    result, _ = run_with_lab("New-LabHost HV05; Save-Lab X:\\lab.json", str(tmp_path))
    assert not result.errors
    lab = parse_lab(json.loads((tmp_path / "lab.json").read_text(encoding="utf-8")))
    assert lab.find_host("HV05") is not None
    assert [p.name for p in tmp_path.iterdir()] == ["lab.json"]  # no temporary file left behind


def test_reset_and_import_replace_the_lab(tmp_path):
    text = ("Set-LabClock -Advance 3600; New-LabHost HV05; Save-Lab X:\\saved.json; Reset-Lab; "
            "(Get-LabClock).ToString(); [bool](Get-VMHost HV05 -ErrorAction SilentlyContinue); "
            "Import-Lab X:\\saved.json; (Get-LabClock).ToString(); (Get-VMHost HV05).Name")
    result, lab = run_with_lab(text, str(tmp_path))
    assert [str(v) for v in result.output] == ["3/10/2025 9:00:00 AM", "False", "3/10/2025 10:00:00 AM", "HV05"]
    assert lab.find_host("HV05") is not None


def test_reset_lab_forgets_the_old_labs_faults_and_whatif_keeps_it():
    result, lab = run_with_lab("Set-LabFault HostFailure HV02 -Phase Setup; New-LabHost HV05; Reset-Lab -WhatIf; "
                               "@(Get-LabFault).Count; Reset-Lab; @(Get-LabFault).Count")
    assert result.stdout == 'What if: Performing the operation "Reset to the default lab" on target "the lab".\n1\n0\n'
    assert lab.find_host("HV05") is None


def test_lab_files_stay_inside_the_sandbox(tmp_path):
    record = fails("Save-Lab C:\\lab.json")
    assert (record.message, fqid(record)) == (
        ("Lab files are saved only to the folder given with pshv -OutputDirectory (drive X:); 'C:\\lab.json' is not "
         "on it."), "SaveLabUnauthorizedAccessError,Pshv.Lab.Commands.SaveLab")
    record = fails("Import-Lab C:\\lab.json")
    assert (record.message, fqid(record)) == (
        ("Lab files are read only from the folder given with pshv -OutputDirectory (drive X:) or the script's folder "
         "(drive S:); 'C:\\lab.json' is on neither."), "ImportLabUnauthorizedAccessError,Pshv.Lab.Commands.ImportLab")
    result, _ = run_with_lab("Save-Lab X:\\missing\\lab.json; Import-Lab X:\\nothing.json", str(tmp_path))
    assert [(e.message, fqid(e)) for e in result.errors] == [
        ("Cannot find path 'X:\\missing' because it does not exist.", "PathNotFound,Pshv.Lab.Commands.SaveLab"),
        ("Cannot find path 'X:\\nothing.json' because it does not exist.", "PathNotFound,Pshv.Lab.Commands.ImportLab")]


def test_import_lab_names_the_json_path_of_each_problem_and_keeps_the_lab(tmp_path):
    (tmp_path / "syntax.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "shape.json").write_text('{"console_host": "HV01", "hosts": 5}', encoding="utf-8")
    result, lab = run_with_lab("New-LabHost HV05; Save-Lab X:\\good.json", str(tmp_path))
    data = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))
    data["hosts"][0]["memory_bytes"] = -1
    (tmp_path / "memory.json").write_text(json.dumps(data), encoding="utf-8")
    result, lab = run_with_lab("New-LabHost HV07; Import-Lab X:\\syntax.json; Import-Lab X:\\shape.json; "
                               "Import-Lab X:\\memory.json", str(tmp_path))
    assert [(e.message, fqid(e)) for e in result.errors] == [
        (("'X:\\syntax.json' is not a valid lab file: line 1 column 2: Expecting property name enclosed in double "
          "quotes"), "InvalidLabFile,Pshv.Lab.Commands.ImportLab"),
        ("'X:\\shape.json' is not a valid lab file: hosts: Input should be a valid list",
         "InvalidLabFile,Pshv.Lab.Commands.ImportLab"),
        ("'X:\\memory.json' is not a valid lab file: hosts[0].memory_bytes: Input should be greater than 0",
         "InvalidLabFile,Pshv.Lab.Commands.ImportLab")]
    assert lab.find_host("HV07") is not None


def test_import_lab_reads_a_lab_file_beside_the_script(tmp_path):
    run_with_lab("New-LabHost HV05; Save-Lab X:\\lab.json", str(tmp_path))
    (tmp_path / "run.ps1").write_text("Import-Lab .\\lab.json\n(Get-VMHost HV05).Name\n", encoding="utf-8")
    done = cli("-NoProfile", "-File", str(tmp_path / "run.ps1"))
    assert (done.returncode, done.stdout, done.stderr) == (0, "HV05\n", "")
