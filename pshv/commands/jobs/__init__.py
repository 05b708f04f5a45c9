"""Background jobs on the lab clock: the job model, the per-shell job service
(`ctx.services['jobs']`) and the job cmdlets (Start-Job, Start-ThreadJob, Get-Job, Wait-Job,
Receive-Job, Stop-Job, Remove-Job)."""
