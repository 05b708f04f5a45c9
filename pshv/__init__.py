"""pshv: a PowerShell-compatible shell over an in-memory Hyper-V lab."""
