"""Get-VMSwitch, New-VMSwitch, Get-VMNetworkAdapter, Connect-VMNetworkAdapter, Disconnect-VMNetworkAdapter."""

from __future__ import annotations

from ...lab.enums import VMSwitchType
from ...lab.model import Host, VirtualSwitch, VirtualMachine as LabVM
from ...runtime import errors as E
from ...runtime.params import ValidateSet, cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, has_wildcard, hv_error, name_matches, remote
from .objects import VMInternalNetworkAdapter, VMNetworkAdapter, VMSwitch, switch_id

ADAPTER = "Microsoft.HyperV.PowerShell.VMNetworkAdapter"
SWITCH = "Microsoft.HyperV.PowerShell.VMSwitch"


def switch_not_found(name: str) -> E.PSException:
    return hv_error(f'Hyper-V was unable to find a virtual switch with name "{name}".', "InvalidParameter",
                    "InvalidArgument", name)


class GetVMSwitch(HyperVCmdlet):
    spec = cmdlet("Get-VMSwitch", [
        p("Name", "System.String", aliases=["SwitchName"], sets={"Name": dict(position=0)}),
        p("Id", "System.Guid[]", aliases=["SwitchId"], sets={"Id": dict(position=0, pipeline=True, by_property_name=True)}),
        p("ResourcePoolName", "System.String[]", position=1),
        p("SwitchType", "Microsoft.HyperV.PowerShell.VMSwitchType[]"),
        *remote(),
    ], default_set="Name")
    dotnet_class = f"{COMMANDS}.GetVMSwitch"
    unsupported = ("ResourcePoolName",)

    def process(self) -> None:
        name, ids, kinds = self.params.get("Name"), self.params.get("Id"), self.params.get("SwitchType")
        found = False
        for host in self.target_hosts():
            for switch in host.switches:
                if name is not None and not name_matches(switch.name, name):
                    continue
                if ids is not None and switch_id(host.name, switch.name) not in ids:
                    continue
                if kinds is not None and switch.switch_type not in kinds:
                    continue
                found = True
                self.write(VMSwitch(host, switch))
        if name is not None and not found and not has_wildcard(name):
            self.error(switch_not_found(name))


class NewVMSwitch(HyperVCmdlet):
    spec = cmdlet("New-VMSwitch", [
        p("Name", "System.String", aliases=["SwitchName"], position=0, mandatory=True),
        p("AllowManagementOS", "System.Boolean", sets="NetAdapterName,NetAdapterInterfaceDescription"),
        p("NetAdapterName", "System.String[]", aliases=["InterfaceAlias"],
          sets={"NetAdapterName": dict(mandatory=True, by_property_name=True)}),
        p("NetAdapterInterfaceDescription", "System.String[]", aliases=["InterfaceDescription"],
          sets={"NetAdapterInterfaceDescription": dict(mandatory=True, by_property_name=True)}),
        p("SwitchType", "Microsoft.HyperV.PowerShell.VMSwitchType", sets={"SwitchType": dict(mandatory=True)},
          validate=[ValidateSet("Internal", "Private")]),
        p("Notes", "System.String"),
        p("MinimumBandwidthMode", "Microsoft.HyperV.PowerShell.VMSwitchBandwidthMode"),
        p("EnableIov", "System.Boolean"),
        p("EnablePacketDirect", "System.Boolean"),
        p("EnableEmbeddedTeaming", "System.Boolean"),
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession[]", by_property_name=True),
        p("ComputerName", "System.String[]", aliases=["PSComputerName"], by_property_name=True),
        p("Credential", "System.Management.Automation.PSCredential[]", by_property_name=True),
    ], default_set="NetAdapterName", should_process=True)
    dotnet_class = f"{COMMANDS}.NewVMSwitch"
    unsupported = ("Notes", "MinimumBandwidthMode", "EnableIov", "EnablePacketDirect", "EnableEmbeddedTeaming")

    def process(self) -> None:
        if self.params.get("AllowManagementOS") is False:
            self.refuse("AllowManagementOS", "external switches always share their adapter with the management OS")
        name = self.params["Name"]
        for host in self.target_hosts():
            if self.should_process(name):
                switch = self._create(host, name)
                if switch is not None:
                    self.write(VMSwitch(host, switch))

    def _fail(self, detail: str) -> None:
        self.error(hv_error(f"Failed while adding virtual Ethernet switch connections.\n{detail}", "OperationFailed",
                            "NotSpecified", self.params["Name"]))

    def _create(self, host: Host, name: str) -> VirtualSwitch | None:
        if host.switch(name) is not None:
            self._fail(f"A virtual switch named '{name}' already exists on host '{host.name}'.")
            return None
        if self.parameter_set == "SwitchType":
            switch = VirtualSwitch(name=name, switch_type=self.params["SwitchType"])
        else:
            nic = self._physical_adapter(host)
            if nic is None:
                return None
            bound = next((s for s in host.switches if s.net_adapter == nic), None)
            if bound is not None:
                self._fail(f"The external Ethernet adapter '{nic}' is already bound to the Microsoft Virtual Switch "
                           "protocol.")
                return None
            switch = VirtualSwitch(name=name, switch_type=VMSwitchType.External, net_adapter=nic)
        host.switches.append(switch)
        return switch

    def _physical_adapter(self, host: Host) -> str | None:
        from .objects import nic_description

        by_name = self.parameter_set == "NetAdapterName"
        wanted = self.params["NetAdapterName" if by_name else "NetAdapterInterfaceDescription"]
        if len(wanted) > 1:
            self.refuse("NetAdapterName", "switch-embedded teaming is not modelled")
        field = "Name" if by_name else "InterfaceDescription"
        nic = next((n for n in host.nics if (n.name if by_name else nic_description(n)).casefold()
                    == wanted[0].casefold()), None)
        if nic is None:
            self.error(hv_error(f"No MSFT_NetAdapter objects found with property '{field}' equal to '{wanted[0]}'. "
                                "Verify the value of the property and retry.", "ObjectNotFound", "ObjectNotFound",
                                wanted[0]))
            return None
        return nic.name


class GetVMNetworkAdapter(HyperVCmdlet):
    spec = cmdlet("Get-VMNetworkAdapter", [
        p("VMName", "System.String[]", sets={"VMName": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("ManagementOS", "switch", sets={"ManagementOS": dict(mandatory=True)}),
        p("All", "switch", sets={"All": dict(mandatory=True)}),
        p("VMSnapshot", "Microsoft.HyperV.PowerShell.VMSnapshot", aliases=["VMCheckpoint"],
          sets={"VMSnapshot": dict(position=0, mandatory=True, pipeline=True)}),
        p("Name", "System.String", aliases=["VMNetworkAdapterName"], position=1),
        p("SwitchName", "System.String", sets="ManagementOS"),
        p("IsLegacy", "System.Boolean", sets="VMName,VMObject"),
        *remote("VMName,ManagementOS,All"),
    ], default_set="VMName")
    dotnet_class = f"{COMMANDS}.GetVMNetworkAdapter"

    def process(self) -> None:
        self.refuse_snapshot_set()
        name = self.params.get("Name")
        if self.params.get("IsLegacy"):
            return  # the lab's adapters are all synthetic
        if self.parameter_set in ("ManagementOS", "All"):
            for host in self.target_hosts():
                self._management_os(host, name)
                if self.parameter_set == "All":
                    self._vm_adapters(host.vms, name)
            return
        self._vm_adapters(self.selected_vms(name_param="VMName", by_vm_name=True), name)

    def _management_os(self, host: Host, name: str | None) -> None:
        wanted_switch = self.params.get("SwitchName")
        for switch in host.switches:
            if switch.switch_type == VMSwitchType.Private:
                continue
            if wanted_switch is not None and not name_matches(switch.name, wanted_switch):
                continue
            if name is None or name_matches(switch.name, name):
                self.write(VMInternalNetworkAdapter(host, switch))

    def _vm_adapters(self, vms: list[LabVM], name: str | None) -> None:
        for vm in vms:
            for adapter in vm.network_adapters:
                if name is None or name_matches(adapter.name, name):
                    self.write(VMNetworkAdapter(self.lab, vm, adapter))


def _adapter_sets(*, name_sets: str, object_sets: str) -> list:
    return [
        p("VMName", "System.String[]", sets=name_sets, position=0, mandatory=True),
        p("Name", "System.String[]", aliases=["VMNetworkAdapterName"], sets=name_sets, position=1),
        p("VMNetworkAdapter", f"{ADAPTER}[]", sets=object_sets, position=0, mandatory=True, pipeline=True),
        p("Passthru", "switch"),
    ]


class _AdapterCmdlet(HyperVCmdlet):
    def adapters(self) -> list[VMNetworkAdapter]:
        if self.params.get("VMNetworkAdapter") is not None:
            return list(self.params["VMNetworkAdapter"])
        names = self.params.get("Name")
        return [VMNetworkAdapter(self.lab, vm, a)
                for vm in self.vms_named(self.params["VMName"], self.target_hosts(), by_vm_name=True)
                for a in vm.network_adapters if names is None or any(name_matches(a.name, n) for n in names)]


class ConnectVMNetworkAdapter(_AdapterCmdlet):
    spec = cmdlet("Connect-VMNetworkAdapter", [
        *_adapter_sets(name_sets="Name_SwitchName,Name_SwitchObject,Name_UseAutomaticConnection",
                       object_sets="Object_SwitchName,Object_SwitchObject,Object_UseAutomaticConnection"),
        p("SwitchName", "System.String", sets={"Name_SwitchName": dict(position=2, mandatory=True),
                                               "Object_SwitchName": dict(position=1, mandatory=True)}),
        p("VMSwitch", SWITCH, sets="Name_SwitchObject,Object_SwitchObject", position=2, mandatory=True, pipeline=True),
        p("UseAutomaticConnection", "switch", sets="Name_UseAutomaticConnection,Object_UseAutomaticConnection",
          mandatory=True),
        *remote("Name_SwitchName,Name_UseAutomaticConnection"),
    ], default_set="Name_SwitchName", should_process=True)
    dotnet_class = f"{COMMANDS}.ConnectVMNetworkAdapter"
    unsupported = ("UseAutomaticConnection",)

    def process(self) -> None:
        switch_object: VMSwitch | None = self.params.get("VMSwitch")
        wanted = switch_object.switch.name if switch_object is not None else self.params["SwitchName"]
        for adapter in self.adapters():
            host = adapter.switch_host or self.host_of(adapter.vm)
            switch = host.switch(wanted)
            if switch is None:
                self.error(switch_not_found(wanted))
                continue
            if self.should_process(adapter.adapter.name):
                adapter.adapter.switch_name = switch.name
                if self.params.get("Passthru"):
                    self.write(adapter)


class DisconnectVMNetworkAdapter(_AdapterCmdlet):
    spec = cmdlet("Disconnect-VMNetworkAdapter", [
        *_adapter_sets(name_sets="VMName", object_sets="Object"),
        *remote("VMName"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{COMMANDS}.DisconnectVMNetworkAdapter"

    def process(self) -> None:
        for adapter in self.adapters():
            if self.should_process(adapter.adapter.name):
                adapter.adapter.switch_name = None
                if self.params.get("Passthru"):
                    self.write(adapter)
