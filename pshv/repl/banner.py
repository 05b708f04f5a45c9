"""The greeting: what the shell is, which lab it acts on, and where to start."""

from __future__ import annotations


def banner_text(ctx) -> str:
    """The banner, naming the -Lab file or the built-in lab without loading it."""
    path = getattr(ctx.services.get("lab"), "path", None)
    lab = f"the lab file {path}" if path else "the built-in default lab (contoso.local)"
    return ("pshv \u2014 Windows PowerShell 5.1 compatible shell for Hyper-V labs\n"
            f"Lab: {lab}\n"
            "Type Start-LabLesson to begin a lesson; exit to leave.\n")
