"""The REPL driven as a person would, in a real terminal: `pshv` in a tmux pane (120x40,
xterm-256color, HOME in a temporary folder), keys sent with send-keys, the screen read with
capture-pane. One shell serves every step below, in order; each step starts at an empty prompt.

Needs tmux (CI: `apt-get install -y tmux`); skipped when it is missing.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (install it with: apt-get install -y tmux)")

PROMPT = "PS C:\\Users\\Administrator>"  # capture-pane drops the trailing space
WAIT = 10.0  # seconds before a step gives up waiting for the screen


class Pane:
    """A tmux server of our own (its own socket) running pshv in one 120x40 pane."""

    def __init__(self, home: str) -> None:
        self.socket = f"pshv-test-{os.getpid()}"
        self.exit_file = os.path.join(home, "exit-code")
        environment = f"HOME={shlex.quote(home)} TERM=xterm-256color PSHV_PACE=0"
        command = (f"env -u XDG_DATA_HOME {environment} {shlex.quote(sys.executable)} -m pshv.cli; "
                   f"echo $? > {shlex.quote(self.exit_file)}")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "repl", "-x", "120", "-y", "40", command)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10,
                              check=False)
        return done.stdout

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "repl", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "repl", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "repl")

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if condition(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen}")
            time.sleep(0.05)

    def input_line(self, screen: str | None = None) -> str:
        """The text after the last prompt on the screen."""
        lines = [line for line in (screen or self.screen()).splitlines() if line.startswith(PROMPT)]
        return lines[-1][len(PROMPT) + 1:].rstrip() if lines else ""

    def wait_for_input(self, expected: str) -> str:
        return self.wait_for(lambda screen: self.input_line(screen) == expected, f"the input line {expected!r}")

    def fresh_prompt(self) -> None:
        """Clear the screen and wait for an empty prompt on the first line."""
        self.send("C-c")
        self.type("Clear-Host")
        self.send("Enter")
        self.wait_for(lambda screen: screen.splitlines()[:1] == [PROMPT], "a cleared screen")

    def run(self, command: str, until: Callable[[str], bool], what: str) -> str:
        self.type(command)
        self.send("Enter")
        return self.wait_for(until, what)

    def exit_code(self) -> str | None:
        """pshv's exit code, once it has ended (written by the pane's shell)."""
        try:
            with open(self.exit_file, encoding="utf-8") as handle:
                return handle.read().strip() or None
        except FileNotFoundError:
            return None

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture(scope="module")
def pane(tmp_path_factory):
    shell = Pane(str(tmp_path_factory.mktemp("home")))
    try:
        shell.wait_for(lambda screen: PROMPT in screen, "the first prompt", timeout=30)
        yield shell
    finally:
        shell.close()


@pytest.fixture
def prompt(pane: Pane) -> Pane:
    pane.fresh_prompt()
    return pane


def has_command(pane: Pane, name: str) -> bool:
    screen = pane.run(f"if (Get-Command {name} -ErrorAction SilentlyContinue) {{ 'HAS-' + 'YES' }} "
                      "else { 'HAS-' + 'NO' }", lambda s: "HAS-YES" in s or "HAS-NO" in s, f"Get-Command {name}")
    found = "HAS-YES" in screen
    pane.fresh_prompt()
    return found


def test_banner_and_prompt(pane: Pane):
    screen = pane.screen()
    assert "Windows PowerShell 5.1 compatible shell" in screen
    assert "Lab: the built-in default lab" in screen
    assert "Start-LabLesson" in screen
    assert PROMPT in screen


def test_tab_completes_a_cmdlet_and_ctrl_c_clears_the_line(prompt: Pane):
    prompt.type("Get-Chi")
    prompt.send("Tab")
    prompt.wait_for_input("Get-ChildItem")
    prompt.send("C-c")
    prompt.wait_for(lambda screen: screen.count(PROMPT) == 2 and prompt.input_line(screen) == "",
                    "a new, empty prompt")


def test_tab_completes_a_parameter(prompt: Pane):
    prompt.type("Get-ChildItem -Rec")
    prompt.send("Tab")
    prompt.wait_for_input("Get-ChildItem -Recurse")


def test_tab_completes_a_vm_name(prompt: Pane):
    if not has_command(prompt, "Get-VM"):
        pytest.skip("Get-VM is not available yet")
    prompt.type("Get-VM -Name we")
    prompt.send("Tab")
    prompt.wait_for_input("Get-VM -Name web01")


def test_tab_completes_an_enum_value(prompt: Pane):
    if not has_command(prompt, "Set-VMHost"):
        pytest.skip("Set-VMHost is not available yet")
    prompt.type("Set-VMHost -VirtualMachineMigrationPerformanceOption S")
    prompt.send("Tab")
    prompt.wait_for_input("Set-VMHost -VirtualMachineMigrationPerformanceOption SMB")


def test_a_table(prompt: Pane):
    screen = prompt.run("[pscustomobject]@{a=1;b=2}", lambda s: s.count(PROMPT) == 2, "the table and a new prompt")
    lines = [line.rstrip() for line in screen.splitlines()]
    assert lines[1:6] == ["", "a b", "- -", "1 2", ""]


def test_history_suggestion_and_search(prompt: Pane):
    prompt.type("[pscustomobj")
    screen = prompt.wait_for(lambda s: "[pscustomobject]@{a=1;b=2}" in s, "the suggestion from history")
    assert prompt.input_line(screen) == "[pscustomobject]@{a=1;b=2}"
    prompt.send("C-c")
    prompt.wait_for(lambda s: s.count(PROMPT) == 2 and prompt.input_line(s) == "", "a new, empty prompt")
    prompt.send("C-r")
    prompt.type("pscustom")
    prompt.wait_for(lambda s: "I-search backward: pscustom" in s and "[pscustomobject]@{a=1;b=2}" in s,
                    "Ctrl+R finding the earlier command")
    prompt.send("C-g")


def test_multi_line_block_with_continuation_prompt(prompt: Pane):
    prompt.run("if ($true) {", lambda s: s.splitlines()[1:2] == [">>"], "the >> continuation prompt")
    screen = prompt.run("'yes' }", lambda s: s.count(PROMPT) == 2, "the block's output and a new prompt")
    lines = [line.rstrip() for line in screen.splitlines()]
    assert lines[:3] == [PROMPT + " if ($true) {", ">> 'yes' }", "yes"]


def test_ctrl_c_stops_a_running_command(prompt: Pane):
    prompt.type("while ($true) {}")
    prompt.send("Enter")
    time.sleep(0.5)
    assert prompt.screen().count(PROMPT) == 1  # still running
    prompt.send("C-c")
    screen = prompt.wait_for(lambda s: s.count(PROMPT) == 2, "the prompt after Ctrl+C")
    assert [line.rstrip() for line in screen.splitlines()][1] == "^C"


def test_progress_is_drawn_while_a_command_runs(prompt: Pane):
    prompt.type("$i = 0; while ($true) { $i = ($i + 1) % 100; "
                "Write-Progress -Activity Copying -Status Working -PercentComplete $i }")
    prompt.send("Enter")
    bar = re.compile(r"^    \[o+ *\] *$", re.MULTILINE)
    screen = prompt.wait_for(lambda s: bar.search(s) is not None, "the progress bar")
    assert re.search(r"^ Copying *$", screen, re.MULTILINE)
    assert re.search(r"^    Working *$", screen, re.MULTILINE)
    prompt.send("C-c")
    screen = prompt.wait_for(lambda s: s.count(PROMPT) == 2, "the prompt after Ctrl+C")
    assert bar.search(screen) is None and "    Working" not in screen  # the block is gone


def test_exit_ends_the_process(pane: Pane):
    pane.fresh_prompt()
    pane.type("exit")
    pane.send("Enter")
    pane.wait_for(lambda _: pane.exit_code() is not None, "pshv to exit")
    assert pane.exit_code() == "0"
