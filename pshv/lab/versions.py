"""VM configuration versions each Windows Server release of Hyper-V can run.

From Microsoft's "Supported VM configuration versions for long-term servicing hosts" table
(windowsserverdocs, Upgrade virtual machine version).  Windows Server 2012 is not in that table;
its only configuration version is 4.0.
"""

from __future__ import annotations

from pshv.lab.enums import WindowsServerVersion

SUPPORTED_VM_VERSIONS: dict[WindowsServerVersion, tuple[str, ...]] = {
    WindowsServerVersion.WS2012: ("4.0",),
    WindowsServerVersion.WS2012R2: ("5.0",),
    WindowsServerVersion.WS2016: ("8.0", "7.1", "7.0", "6.2", "5.0"),
    WindowsServerVersion.WS2019: ("9.0", "8.3", "8.2", "8.1", "8.0", "7.1", "7.0", "6.2", "5.0"),
    WindowsServerVersion.WS2022: ("10.0", "9.3", "9.2", "9.1", "9.0", "8.3", "8.2", "8.1", "8.0"),
    WindowsServerVersion.WS2025: (
        "12.0", "11.0", "10.0", "9.3", "9.2", "9.1", "9.0", "8.3", "8.2", "8.1", "8.0",
    ),
}


def supported_vm_versions(os: WindowsServerVersion) -> tuple[str, ...]:
    """Configuration versions the host can run, newest first (Get-VMHostSupportedVersion)."""
    return SUPPORTED_VM_VERSIONS[os]


def default_vm_version(os: WindowsServerVersion) -> str:
    """Version New-VM gives a VM on this host (Get-VMHostSupportedVersion -Default)."""
    return SUPPORTED_VM_VERSIONS[os][0]


def supports_vm_version(os: WindowsServerVersion, version: str) -> bool:
    return version in SUPPORTED_VM_VERSIONS[os]
