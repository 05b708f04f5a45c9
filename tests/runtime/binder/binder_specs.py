"""Command specs shaped like real cmdlets, declared the way command modules declare them."""

from pshv.runtime.params import ValidateSet, cmdlet, p

GET_VM = cmdlet("Get-VM", default_set="Name", parameters=[
    p("Name", "string[]", aliases=["VMName"], sets="Name", position=0, by_property_name=True),
    p("Id", "int", sets="Id", position=0, mandatory=True, by_property_name=True),
    p("ClusterObject", "object", sets="ClusterObject", position=0, mandatory=True),
    p("ComputerName", "string[]", aliases=["PSComputerName"], sets="Name,Id", by_property_name=True),
])

_NAME_SINGLE = ["NameSingleDestination", "NameSingleDestinationAndCimSession", "NameSingleDestinationAndCredential"]
_NAME_MULTI = ["NameMultipleDestinations", "NameMultipleDestinationsAndCimSession",
               "NameMultipleDestinationsAndCredential"]
_NAME_SETS = _NAME_SINGLE + _NAME_MULTI
_SINGLE = _NAME_SINGLE + ["VMSingleDestination"]
_MULTI = _NAME_MULTI + ["VMMultipleDestinations"]

MOVE_VM = cmdlet("Move-VM", default_set="NameSingleDestination", should_process=True, parameters=[
    p("CimSession", "object[]", sets="NameSingleDestinationAndCimSession,NameMultipleDestinationsAndCimSession",
      mandatory=True),
    p("ComputerName", "string[]", sets="NameSingleDestination,NameMultipleDestinations,"
      "NameSingleDestinationAndCredential,NameMultipleDestinationsAndCredential"),
    p("Credential", "object[]", sets="NameSingleDestinationAndCredential,NameMultipleDestinationsAndCredential",
      mandatory=True),
    p("Name", "string", aliases=["VMName"], sets=",".join(_NAME_SETS), position=0, mandatory=True),
    p("VM", "VirtualMachine", sets="VMSingleDestination,VMMultipleDestinations", position=0, mandatory=True,
      pipeline=True),
    p("CompatibilityReport", "object", sets="CompatibilityReport", position=0, mandatory=True, pipeline=True),
    p("DestinationHost", "string", sets=",".join(_SINGLE + _MULTI), position=1, mandatory=True),
    p("DestinationCredential", "object", sets=",".join(_SINGLE + _MULTI)),
    p("IncludeStorage", "switch", sets=",".join(_SINGLE)),
    p("DestinationStoragePath", "string", sets=",".join(_SINGLE)),
    p("VirtualMachinePath", "string", sets=",".join(_MULTI)),
    p("Vhds", "object[]", sets=",".join(_MULTI), mandatory=True),
    p("ResourcePoolName", "string"),
    p("RetainVhdCopiesOnSource", "switch"),
    p("AsJob", "switch"),
    p("Passthru", "switch"),
])

_COMPARISONS = [("EQ", "EqualSet"), ("CEQ", "CaseSensitiveEqualSet"), ("NE", "NotEqualSet"),
                ("GT", "GreaterThanSet"), ("LT", "LessThanSet"), ("Like", "LikeSet"), ("Match", "MatchSet"),
                ("Contains", "ContainsSet"), ("In", "InSet"), ("Is", "IsSet")]
_COMPARISON_SETS = ",".join(set_name for _, set_name in _COMPARISONS)

WHERE_OBJECT = cmdlet("Where-Object", default_set="EqualSet", parameters=[
    p("InputObject", "psobject", pipeline=True),
    p("FilterScript", "scriptblock", sets="ScriptBlockSet", position=0, mandatory=True),
    p("Property", "string", sets=_COMPARISON_SETS, position=0, mandatory=True),
    p("Value", "object", sets=_COMPARISON_SETS, position=1),
    *[p(switch, "switch", aliases=[f"I{switch}"] if switch in ("EQ", "NE", "GT", "LT") else [], sets=set_name,
        mandatory=True) for switch, set_name in _COMPARISONS],
])

STOP_VM = cmdlet("Stop-VM", default_set="Name", should_process=True, parameters=[
    p("Name", "string[]", aliases=["VMName"], sets="Name", position=0, mandatory=True),
    p("VM", "VirtualMachine[]", sets="VMObject", position=0, mandatory=True, pipeline=True),
    p("ComputerName", "string[]", sets="Name"),
    p("Force", "switch"),
    p("TurnOff", "switch"),
])

RENAME_VM = cmdlet("Rename-VM", default_set="Name", should_process=True, parameters=[
    p("Name", "string[]", sets="Name", position=0, mandatory=True),
    p("VM", "VirtualMachine[]", sets="VMObject", position=0, mandatory=True, pipeline=True),
    p("NewName", "string", position=1, mandatory=True, by_property_name=True),
])

SET_VM_STATE = cmdlet("Set-LabState", parameters=[
    p("State", "color", position=0, validate=[ValidateSet("Red", "Green", "Blue")]),
    p("Count", "int", position=1),
    p("Tags", "string[]"),
    p("Enabled", "bool"),
])
