"""Get-Date, New-TimeSpan, Start-Sleep, Measure-Command and Get-Random on the lab clock."""

import datetime

from tests.conftest import ps


def out(text):
    result = ps(text)
    assert not result.errors, [e.message for e in result.errors]
    return result.output


def test_get_date_is_the_lab_clock():
    now = out("Get-Date")[0]
    assert isinstance(now, datetime.datetime)
    assert out("(Get-Date) -eq (Get-Date)") == [True]  # simulated time stands still between commands


def test_get_date_format_uformat_and_components():
    assert out("Get-Date -Date '2024-03-05 14:07:09' -Format 'yyyy-MM-dd HH:mm:ss'") == ["2024-03-05 14:07:09"]
    assert out("Get-Date -Date '2024-03-05 14:07:09' -UFormat '%Y/%m/%d %H:%M:%S %A %j'") == [
        "2024/03/05 14:07:09 Tuesday 065"]
    assert out("Get-Date -Date '2024-01-31' -Month 2 -Format d") == ["2/29/2024"]  # AddMonths clamps the day
    assert out("Get-Date -Date '2024-02-10' -Day 30 -Format d") == ["3/1/2024"]  # AddDays overflows


def test_get_date_display_hint_is_refused_clearly():
    result = ps("Get-Date -DisplayHint Date")
    assert "not supported by the emulator" in result.errors[0].message


def test_start_sleep_advances_the_lab_clock():
    assert out("$t = Get-Date; Start-Sleep -Seconds 30; sleep -Milliseconds 500; ((Get-Date) - $t).TotalSeconds") == [
        30.5]


def test_new_timespan():
    assert out("(New-TimeSpan -Days 1 -Hours 2).TotalHours") == [26.0]
    assert out("(New-TimeSpan -Start '2024-01-01' -End '2024-01-02 06:00').TotalHours") == [30.0]


def test_measure_command_uses_the_lab_clock_and_current_scope():
    assert out("(Measure-Command { Start-Sleep 5; $inside = 1 }).TotalSeconds; $inside") == [5.0, 1]


def test_get_random_is_reproducible():
    first = out("Get-Random; Get-Random -Maximum 10; Get-Random -InputObject a,b,c -Count 2")
    assert first == out("Get-Random; Get-Random -Maximum 10; Get-Random -InputObject a,b,c -Count 2")
    assert out("Get-Random -SetSeed 7 -Maximum 100") == out("Get-Random -SetSeed 7 -Maximum 100")
    value = out("Get-Random -Minimum 5 -Maximum 6")
    assert value == [5]
    assert isinstance(out("Get-Random -Minimum 1.5 -Maximum 2")[0], float)


def test_get_random_bounds_error():
    result = ps("Get-Random -Minimum 10 -Maximum 5")
    assert result.errors[0].message == "The Minimum value (10) cannot be greater than or equal to the Maximum value (5)."
    assert result.errors[0].fully_qualified_error_id == (
        "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand")
