"""Cmdlets that ask the user: Read-Host, pause, Get-Credential.

A script run non-interactively cannot be asked anything: Read-Host fails as 5.1 does under
-NonInteractive. Get-Credential, which scripts call to get something to pass on, returns
the lab's administrator instead.
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.builtin_types import PSCredential, SecureString
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
LAB_ADMINISTRATOR = "CONTOSO\\Administrator"
LAB_PASSWORD = "P@ssw0rd!"


def _non_interactive() -> E.PSException:
    return E.PSInvalidOperationException(
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        error_id="System.Management.Automation.PSInvalidOperationException", category="InvalidOperation")


def read_line(cmdlet_: Cmdlet, prompt: str) -> str:
    line = cmdlet_.ctx.host.read_line(prompt)
    if line is None:
        raise cmdlet_.fail(_non_interactive())
    return line


class ReadHost(Cmdlet):
    spec = cmdlet("Read-Host", [
        p("Prompt", "System.Object", position=0, remaining=True, allow_null=True),
        p("AsSecureString", "switch"),
    ])
    dotnet_class = f"{UTILITY}.ReadHostCommand"

    def end(self) -> None:
        prompt = self.params.get("Prompt")
        text = "" if prompt is None else " ".join(self.ctx.to_string(part) for part in
                                                  (prompt if isinstance(prompt, list) else [prompt]))
        line = read_line(self, f"{text}: " if text else "")
        self.write(SecureString(line) if self.params.get("AsSecureString") else line)


class Pause(Cmdlet):
    """`pause`: a function in 5.1 (`$null = Read-Host 'Press Enter to continue...'`)."""

    spec = cmdlet("pause", [])
    dotnet_class = f"{UTILITY}.ReadHostCommand"

    def end(self) -> None:
        read_line(self, "Press Enter to continue...: ")


class GetCredential(Cmdlet):
    spec = cmdlet("Get-Credential", [
        p("Credential", "System.Object", sets={"CredentialSet": dict(position=0, mandatory=True)}),
        p("UserName", "System.String", sets={"MessageSet": dict(position=0)}),
        p("Message", "System.String", sets="MessageSet"),
        p("Title", "System.String", sets="MessageSet"),
    ], default_set="MessageSet")
    dotnet_class = "Microsoft.PowerShell.Commands.GetCredentialCommand"

    def end(self) -> None:
        given = self.params.get("Credential")
        if isinstance(given, PSCredential):
            self.write(given)
            return
        user = self.params.get("UserName") if self.parameter_set == "MessageSet" else given
        name = self.ctx.to_string(user) if user else LAB_ADMINISTRATOR
        self.write(PSCredential(name, SecureString(LAB_PASSWORD)))
