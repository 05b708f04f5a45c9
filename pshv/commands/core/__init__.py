"""The core cmdlets: Microsoft.PowerShell.Core, Utility and Management."""
