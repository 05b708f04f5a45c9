"""Get-, Add-, Set-, Remove-VMMigrationNetwork: the subnets a host accepts live migration on."""

from __future__ import annotations

import ipaddress

from ...lab.model import Host, MigrationNetwork
from ...runtime.params import cmdlet, p
from .common import COMMANDS, HyperVCmdlet, has_wildcard, hv_error, name_matches
from .objects import VMMigrationNetwork

CIM = "Microsoft.Management.Infrastructure.CimSession[]"
CREDENTIAL = "System.Management.Automation.PSCredential[]"


def _valid_subnet(text: str) -> bool:
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False
    return True


class _NetworkCmdlet(HyperVCmdlet):
    def matching(self, host: Host, pattern: str) -> list[MigrationNetwork]:
        return [n for n in host.migration.networks if name_matches(n.subnet, pattern)]

    def not_found(self, subnet: str) -> None:
        self.error(hv_error(f"Hyper-V was unable to find a migration network with subnet \"{subnet}\".",
                            "ObjectNotFound", "ObjectNotFound", subnet))


class GetVMMigrationNetwork(_NetworkCmdlet):
    spec = cmdlet("Get-VMMigrationNetwork", [
        p("CimSession", CIM, by_property_name=True),
        p("ComputerName", "System.String[]", pipeline=True),
        p("Credential", CREDENTIAL),
        p("Subnet", "System.String[]", position=0),
        p("Priority", "System.UInt32[]"),
    ])
    dotnet_class = f"{COMMANDS}.GetVMMigrationNetwork"

    def process(self) -> None:
        subnets, priorities = self.params.get("Subnet"), self.params.get("Priority")
        for host in self.target_hosts():
            for network in host.migration.networks:
                if subnets is not None and not any(name_matches(network.subnet, s) for s in subnets):
                    continue
                if priorities is not None and network.priority not in priorities:
                    continue
                self.write(VMMigrationNetwork(host, network))


class AddVMMigrationNetwork(_NetworkCmdlet):
    spec = cmdlet("Add-VMMigrationNetwork", [
        p("CimSession", CIM, by_property_name=True),
        p("Subnet", "System.String", position=0, mandatory=True, pipeline=True),
        p("Priority", "System.UInt32", position=1),
        p("Passthru", "switch"),
        p("ComputerName", "System.String[]"),
        p("Credential", CREDENTIAL),
    ], should_process=True)
    dotnet_class = f"{COMMANDS}.AddVMMigrationNetwork"

    def process(self) -> None:
        subnet = self.params["Subnet"]
        if not _valid_subnet(subnet):
            self.error(hv_error(f"Failed to add the migration network '{subnet}': it is not a valid IPv4 or IPv6 "
                                "address or subnet.", "InvalidParameter", "InvalidArgument", subnet))
            return
        for host in self.target_hosts():
            if any(n.subnet.casefold() == subnet.casefold() for n in host.migration.networks):
                self.error(hv_error(f"The migration network '{subnet}' already exists on host '{host.name}'.",
                                    "ObjectInUse", "ResourceExists", subnet))
                continue
            if not self.should_process(host.name, f"Add-VMMigrationNetwork {subnet}"):
                continue
            network = MigrationNetwork(subnet=subnet, priority=int(self.params.get("Priority") or 0))
            host.migration.networks.append(network)
            if self.params.get("Passthru"):
                self.write(VMMigrationNetwork(host, network))


class SetVMMigrationNetwork(_NetworkCmdlet):
    spec = cmdlet("Set-VMMigrationNetwork", [
        p("ComputerName", "System.String[]", sets="ComputerName"),
        p("Credential", CREDENTIAL, sets="ComputerName"),
        p("CimSession", CIM, sets="CimSession", by_property_name=True),
        p("Subnet", "System.String", position=0, mandatory=True, pipeline=True, by_property_name=True),
        p("NewSubnet", "System.String", position=1),
        p("NewPriority", "System.UInt32"),
        p("Passthru", "switch"),
    ], default_set="ComputerName", should_process=True)
    dotnet_class = f"{COMMANDS}.SetVMMigrationNetwork"

    def process(self) -> None:
        subnet, new_subnet = self.params["Subnet"], self.params.get("NewSubnet")
        if new_subnet is not None and not _valid_subnet(new_subnet):
            self.error(hv_error(f"Failed to modify the migration network '{subnet}': '{new_subnet}' is not a valid "
                                "IPv4 or IPv6 address or subnet.", "InvalidParameter", "InvalidArgument", new_subnet))
            return
        for host in self.target_hosts():
            found = self.matching(host, subnet)
            if not found and not has_wildcard(subnet):
                self.not_found(subnet)
            for network in found:
                if not self.should_process(host.name, f"Set-VMMigrationNetwork {network.subnet}"):
                    continue
                if new_subnet is not None:
                    network.subnet = new_subnet
                if self.params.get("NewPriority") is not None:
                    network.priority = int(self.params["NewPriority"])
                if self.params.get("Passthru"):
                    self.write(VMMigrationNetwork(host, network))


class RemoveVMMigrationNetwork(_NetworkCmdlet):
    spec = cmdlet("Remove-VMMigrationNetwork", [
        p("Subnet", "System.String", position=0, mandatory=True, pipeline=True, by_property_name=True),
        p("CimSession", CIM, by_property_name=True),
        p("ComputerName", "System.String[]"),
        p("Credential", CREDENTIAL),
        p("Passthru", "switch"),
    ], should_process=True)
    dotnet_class = f"{COMMANDS}.RemoveVMMigrationNetwork"

    def process(self) -> None:
        subnet = self.params["Subnet"]
        for host in self.target_hosts():
            found = self.matching(host, subnet)
            if not found and not has_wildcard(subnet):
                self.not_found(subnet)
            for network in found:
                if self.should_process(host.name, f"Remove-VMMigrationNetwork {network.subnet}"):
                    host.migration.networks = [n for n in host.migration.networks if n is not network]
                    if self.params.get("Passthru"):
                        self.write(VMMigrationNetwork(host, network))
