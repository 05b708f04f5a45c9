import json
import multiprocessing
import os
import random
import signal
import time

import pytest

from pshv.lab.default import default_lab
from pshv.lab.files import LabFileError, lab_json_schema, load_lab, save_lab


def test_missing_file_is_created_from_the_default_lab(tmp_path):
    target = tmp_path / "lab.json"
    lab = load_lab(target)
    assert target.exists() and lab.model_dump() == default_lab().model_dump()
    assert json.loads(target.read_text())["format_version"] == 1


def test_round_trip(tmp_path, lab):
    lab.clock.advance(90)
    lab.log_event("HV01", "Microsoft-Windows-Hyper-V-VMMS-Admin", 20417, "done")
    target = tmp_path / "lab.json"
    save_lab(lab, target)
    assert load_lab(target) == lab
    assert [p.name for p in tmp_path.iterdir()] == ["lab.json"]


def test_schema_describes_saved_files(tmp_path, lab):
    jsonschema = pytest.importorskip("jsonschema")
    target = tmp_path / "lab.json"
    save_lab(lab, target)
    schema = lab_json_schema()
    jsonschema.validate(json.loads(target.read_text()), schema)
    state = schema["$defs"]["VirtualMachine"]["properties"]["state"]
    assert "Running" in state["enum"]


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d["hosts"][2].update(memory_bytes="lots"), "hosts[2].memory_bytes"),
        (lambda d: d["hosts"][0]["vms"][1].update(state="Flying"), "hosts[0].vms[1].state"),
        (lambda d: d["shares"][0].update(server="FS99"), "shares[0].server: unknown host 'FS99'"),
        (lambda d: d["clusters"][0]["nodes"][1].update(name="HV99"), "clusters[0].nodes[1].name"),
        (lambda d: d.update(format_version=7), "format_version"),
        (lambda d: d["hosts"][1].update(colour="blue"), "hosts[1].colour"),
    ],
)
def test_malformed_labs_name_the_json_path(tmp_path, change, expected):
    target = tmp_path / "lab.json"
    save_lab(default_lab(), target)
    data = json.loads(target.read_text())
    change(data)
    text = json.dumps(data)
    target.write_text(text)
    with pytest.raises(LabFileError) as error:
        load_lab(target)
    assert expected in str(error.value)
    assert error.value.__cause__ is None
    assert target.read_text() == text


def test_files_without_touched_memory_or_host_state_still_load(tmp_path):
    target = tmp_path / "lab.json"
    save_lab(default_lab(), target)
    data = json.loads(target.read_text())
    for host in data["hosts"]:
        del host["state"]
        for vm in host["vms"]:
            del vm["memory"]["touched_bytes"]
    target.write_text(json.dumps(data))
    lab = load_lab(target)
    assert all(h.state.name == "Up" for h in lab.hosts)
    assert all(vm.memory.touched_bytes == vm.memory.assigned_bytes for _, vm in lab.iter_vms())
    assert lab.vm("web01").memory.touched_bytes == 4 * 1024**3


def test_bad_json_is_reported_with_its_position(tmp_path):
    target = tmp_path / "lab.json"
    target.write_text('{"format_version": 1,\n "hosts": [}')
    with pytest.raises(LabFileError, match="line 2 column"):
        load_lab(target)
    assert target.read_text() == '{"format_version": 1,\n "hosts": [}'


def _save_forever(path, labs):
    index = 0
    while True:
        save_lab(labs[index % 2], path)
        index += 1


def test_save_survives_being_killed(tmp_path):
    target = tmp_path / "lab.json"
    old, new = default_lab(), default_lab()
    new.clock.advance(1)
    save_lab(old, target)
    allowed = {old.clock.seconds, new.clock.seconds}
    context = multiprocessing.get_context("fork")
    rng = random.Random(1234)
    deadline = time.monotonic() + 6
    kills = 0
    while time.monotonic() < deadline and kills < 40:
        child = context.Process(target=_save_forever, args=(target, (new, old)))
        child.start()
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        kills += 1
        assert load_lab(target).clock.seconds in allowed
    assert kills >= 10
