"""Get-Date (lab clock, -Format, -UFormat, component overrides) and New-TimeSpan."""

from __future__ import annotations

import datetime as _dt

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import ValidateRange, ValidateSet, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _hour12(value: _dt.datetime) -> int:
    return value.hour % 12 or 12


def _ufield(value: _dt.datetime, letter: str) -> str:
    """One `%x` field of -UFormat (5.1's Unix-like specifiers)."""
    fields = {
        "a": lambda: _DAYS[value.weekday()][:3],
        "A": lambda: _DAYS[value.weekday()],
        "b": lambda: _MONTHS[value.month - 1][:3],
        "B": lambda: _MONTHS[value.month - 1],
        "h": lambda: _MONTHS[value.month - 1][:3],
        "C": lambda: f"{value.year // 100:02d}",
        "c": lambda: f"{_DAYS[value.weekday()][:3]} {_MONTHS[value.month - 1][:3]} {value.day:2d} "
                     f"{value:%H:%M:%S} {value.year}",
        "D": lambda: f"{value:%m/%d/%y}",
        "d": lambda: f"{value.day:02d}",
        "e": lambda: f"{value.day:2d}",
        "F": lambda: f"{value:%Y-%m-%d}",
        "G": lambda: str(value.isocalendar()[0]),
        "g": lambda: f"{value.isocalendar()[0] % 100:02d}",
        "H": lambda: f"{value.hour:02d}",
        "I": lambda: f"{_hour12(value):02d}",
        "j": lambda: f"{value.timetuple().tm_yday:03d}",
        "k": lambda: f"{value.hour:2d}",
        "l": lambda: f"{_hour12(value):2d}",
        "M": lambda: f"{value.minute:02d}",
        "m": lambda: f"{value.month:02d}",
        "n": lambda: "\n",
        "p": lambda: "AM" if value.hour < 12 else "PM",
        "R": lambda: f"{value:%H:%M}",
        "r": lambda: f"{_hour12(value):02d}:{value:%M:%S} {'AM' if value.hour < 12 else 'PM'}",
        "S": lambda: f"{value.second:02d}",
        "s": lambda: str(int((value - _dt.datetime(1970, 1, 1)).total_seconds())),
        "T": lambda: f"{value:%H:%M:%S}",
        "t": lambda: "\t",
        "U": lambda: f"{value:%U}",
        "u": lambda: str(value.isoweekday()),
        "V": lambda: f"{value.isocalendar()[1]:02d}",
        "W": lambda: f"{value:%W}",
        "w": lambda: str(value.isoweekday() % 7),
        "X": lambda: f"{value:%H:%M:%S}",
        "x": lambda: f"{value:%m/%d/%y}",
        "Y": lambda: str(value.year),
        "y": lambda: f"{value.year % 100:02d}",
        "Z": lambda: "+00",
        "%": lambda: "%",
    }
    field = fields.get(letter)
    return field() if field is not None else letter


def uformat(value: _dt.datetime, spec: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(spec):
        if spec[index] == "%" and index + 1 < len(spec):
            out.append(_ufield(value, spec[index + 1]))
            index += 2
        else:
            out.append(spec[index])
            index += 1
    return "".join(out)


class GetDate(Cmdlet):
    spec = cmdlet("Get-Date", [
        p("Date", "System.DateTime", aliases=["LastWriteTime"], position=0, pipeline=True, by_property_name=True),
        p("Year", "System.Int32", validate=[ValidateRange(1, 9999)]),
        p("Month", "System.Int32", validate=[ValidateRange(1, 12)]),
        p("Day", "System.Int32", validate=[ValidateRange(1, 31)]),
        p("Hour", "System.Int32", validate=[ValidateRange(0, 23)]),
        p("Minute", "System.Int32", validate=[ValidateRange(0, 59)]),
        p("Second", "System.Int32", validate=[ValidateRange(0, 59)]),
        p("Millisecond", "System.Int32", validate=[ValidateRange(0, 999)]),
        p("DisplayHint", "System.String", validate=[ValidateSet("Date", "Time", "DateTime")]),
        p("Format", "System.String", sets="net"),
        p("UFormat", "System.String", sets="UFormat"),
    ], default_set="net")
    dotnet_class = f"{UTILITY}.GetDateCommand"

    def process(self) -> None:
        hint = self.params.get("DisplayHint")
        if hint is not None and str(hint).casefold() != "datetime":
            raise self.fail(E.PSNotSupportedException(
                f"Get-Date -DisplayHint {hint} is not supported by the emulator; use -Format instead.",
                error_id="DisplayHintNotSupported", category="NotImplemented"))
        value = self.params.get("Date") if self.given("Date") or self.has_input else None
        if value is None:
            value = self.ctx.now()
        value = self._adjusted(value)
        if self.params.get("UFormat") is not None:
            self.write(uformat(value, str(self.params["UFormat"])))
        elif self.params.get("Format") is not None:
            from ...runtime.dotnet_format import format_datetime

            self.write(format_datetime(value, str(self.params["Format"])))
        else:
            self.write(value)

    def _adjusted(self, value: _dt.datetime) -> _dt.datetime:
        """Each given component moves the date by the difference, as 5.1 does (AddYears, AddMonths, ...)."""
        year, month = self.params.get("Year"), self.params.get("Month")
        if year is not None:
            value = _add_months(value, (year - value.year) * 12)
        if month is not None:
            value = _add_months(value, month - value.month)
        for name, unit in (("Day", "days"), ("Hour", "hours"), ("Minute", "minutes"), ("Second", "seconds")):
            wanted = self.params.get(name)
            if wanted is not None:
                current = {"days": value.day, "hours": value.hour, "minutes": value.minute,
                           "seconds": value.second}[unit]
                value += _dt.timedelta(**{unit: wanted - current})
        if self.params.get("Millisecond") is not None:
            value += _dt.timedelta(milliseconds=int(self.params["Millisecond"]) - value.microsecond // 1000)
        return value


def _add_months(value: _dt.datetime, months: int) -> _dt.datetime:
    """DateTime.AddMonths: the day is clamped to the length of the target month."""
    import calendar

    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


class NewTimeSpan(Cmdlet):
    spec = cmdlet("New-TimeSpan", [
        p("Start", "System.DateTime", aliases=["LastWriteTime"], sets={"Date": dict(position=0, by_property_name=True)}),
        p("End", "System.DateTime", sets={"Date": dict(position=1, by_property_name=True)}),
        p("Days", "System.Int32", sets="Time"),
        p("Hours", "System.Int32", sets="Time"),
        p("Minutes", "System.Int32", sets="Time"),
        p("Seconds", "System.Int32", sets="Time"),
    ], default_set="Date")
    dotnet_class = f"{UTILITY}.NewTimeSpanCommand"

    def process(self) -> None:
        if self.parameter_set == "Time":
            self.write(_dt.timedelta(days=self.param("Days", 0), hours=self.param("Hours", 0),
                                     minutes=self.param("Minutes", 0), seconds=self.param("Seconds", 0)))
            return
        now = self.ctx.now()
        start = self.params.get("Start") if self.params.get("Start") is not None else now
        end = self.params.get("End") if self.params.get("End") is not None else now
        self.write(end - start)
