"""The Hyper-V, FailoverClusters and CimCmdlets cmdlets, acting on the lab (`pshv.lab`).

Modules: `enums` and `objects` (the .NET types scripts see), `views` (their default views),
`common` (host and VM resolution, standard errors), `cim` (CIM sessions), and one module per
noun group.  Nothing is imported here: the command table imports a cmdlet's module on first use.
"""
