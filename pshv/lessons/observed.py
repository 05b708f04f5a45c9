"""What the picture cmdlets last drew, so a lesson step can check that the learner looked.

Show-LabMigration and Export-LabReport note the migrations they drew in
`ctx.services['lab.pictures']` (the command name -> the VM names, in order).
"""

from __future__ import annotations

SERVICE = "lab.pictures"


def note(ctx, command: str, vm_names: list[str]) -> None:
    ctx.services.setdefault(SERVICE, {})[command] = list(vm_names)


def drawn(ctx, command: str) -> list[str] | None:
    """The VM names `command` drew last, or None when it has not run."""
    return ctx.services.get(SERVICE, {}).get(command)


def forget(ctx) -> None:
    ctx.services.pop(SERVICE, None)
