"""The REPL's console host, progress block, history, pacing and prompt, on an in-memory terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.output.vt100 import Vt100_Output

from pshv.repl.basic import prompt_text
from pshv.repl.console_host import ConsoleHost
from pshv.repl.history import BoundedFileHistory, history_path
from pshv.repl.pacing import DEFAULT_PACE, pace_from_environment
from pshv.repl.progress import Activity, render
from pshv.shell import create_session

RED, BRIGHT_YELLOW, ON_DARK_CYAN = "91", "93", "46"


@pytest.fixture
def terminal():
    buffer = io.StringIO()
    output = Vt100_Output(buffer, lambda: Size(rows=40, columns=80), term="xterm")
    session = create_session()
    session.ctx.host = ConsoleHost(output)
    return session, buffer


def test_errors_are_red_and_warnings_yellow(terminal):
    session, buffer = terminal
    session.run_script("Write-Warning 'careful'; Write-Error 'bad'", new_scope=False)
    text = buffer.getvalue()
    assert f"{BRIGHT_YELLOW}mWARNING: careful" in text
    assert f"{RED}mWrite-Error : bad" in text


def test_write_host_colours(terminal):
    session, buffer = terminal
    session.run_script("Write-Host 'hi' -ForegroundColor Red -BackgroundColor DarkBlue", new_scope=False)
    assert "91;44mhi" in buffer.getvalue()


def test_width_follows_the_terminal(terminal):
    session, _ = terminal
    assert session.ctx.host.width == 80


def test_progress_is_drawn_then_erased_when_completed(terminal):
    session, buffer = terminal
    session.run_script("Write-Progress -Activity Copying -Status Half -PercentComplete 50", new_scope=False)
    drawn = buffer.getvalue()
    assert f"{BRIGHT_YELLOW};{ON_DARK_CYAN}m Copying " in drawn
    assert "[" + "o" * 33 + " " * 34 + "]" in drawn  # 80 columns: 67 cells, half full
    session.run_script("Write-Progress -Activity Copying -Completed", new_scope=False)
    assert buffer.getvalue()[len(drawn):].startswith("\x1b[5A\r\x1b[J")  # up over the 5 lines, erase
    assert session.ctx.host.pane.drawn == 0


def test_output_moves_the_progress_block_down(terminal):
    session, buffer = terminal
    session.run_script("Write-Progress -Activity Copying -PercentComplete 10; 'line'", new_scope=False)
    text = buffer.getvalue()
    assert text.index(" Copying ") < text.index("\x1b[5A") < text.index("line") < text.rindex(" Copying ")


def test_render_matches_the_console_host_layout():
    activity = Activity(id=1, parent=-1, activity="Moving web01", status="Copying memory", percent=100,
                        seconds=75, operation="pass 2")
    lines = render([activity], 40)
    assert [line.rstrip() for line in lines] == [
        "", " Moving web01", "    Copying memory", "    [" + "o" * 28 + "]", "    00:01:15 remaining.", "",
        "    pass 2", ""]
    assert {len(line) for line in lines} == {40}


def test_render_keeps_the_bar_short_of_full_before_100_percent():
    lines = render([Activity(1, -1, "A", "S", 99, -1, "")], 40)
    assert lines[3].rstrip() == "    [" + "o" * 27 + " ]"


def test_render_indents_children_and_draws_nothing_when_idle():
    parent, child = Activity(1, -1, "Parent", "P", -1, -1, ""), Activity(2, 1, "Child", "C", -1, -1, "")
    assert [line.rstrip() for line in render([parent, child], 30)][1:5] == [" Parent", "    P", "   Child", "      C"]
    assert render([], 30) == []


def test_history_keeps_the_newest_entries(tmp_path: Path):
    history = BoundedFileHistory(tmp_path / "pshv" / "history", lambda: 1000)
    for index in range(5):
        history.store_string(f"command {index}\nsecond line")
    reloaded = BoundedFileHistory(tmp_path / "pshv" / "history", lambda: 3)
    assert list(reloaded.load_history_strings()) == [f"command {i}\nsecond line" for i in (4, 3, 2)]
    assert list(BoundedFileHistory(tmp_path / "pshv" / "history", lambda: 10).load_history_strings()) == [
        f"command {i}\nsecond line" for i in (4, 3, 2)]


def test_history_lives_in_the_user_data_folder(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert history_path() == tmp_path / "pshv" / "history"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert history_path() == tmp_path / ".local" / "share" / "pshv" / "history"


@pytest.mark.parametrize("value, pace", [(None, DEFAULT_PACE), ("0", 0.0), ("0.5", 0.5), ("fast", DEFAULT_PACE),
                                         ("-1", DEFAULT_PACE), ("nan", DEFAULT_PACE)])
def test_pacing_from_the_environment(value, pace):
    assert pace_from_environment({} if value is None else {"PSHV_PACE": value}) == pace


def test_prompt_follows_location_and_remote_session():
    session = create_session()
    assert prompt_text(session) == "PS C:\\Users\\Administrator> "
    session.run_script("Set-Location C:\\Windows", new_scope=False)
    assert prompt_text(session) == "PS C:\\Windows> "
    session.ctx.services["remote_host"] = "HV02"
    assert prompt_text(session) == "[HV02]: PS C:\\Windows> "
