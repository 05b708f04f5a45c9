"""What the emulator refuses to do on the real machine — run programs, open connections,
compile code — and the network cmdlets that answer for lab hosts only: Start-Process,
Invoke-WebRequest, Invoke-RestMethod, Add-Type, Test-Connection, Test-NetConnection."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import PSObject
from ...runtime.params import ValidateSet, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
PROGRAM_EXTENSIONS = (".exe", ".cmd", ".bat", ".com", ".msi", ".vbs", ".js", ".wsf", ".cpl", ".msc", ".scr", ".ps1xml")
KNOWN_PROGRAMS = frozenset("""
cmd notepad ping ipconfig netsh powershell pwsh powershell_ise robocopy xcopy reg regedit sc shutdown wmic whoami
hostname tracert pathping nslookup net net1 certutil bitsadmin schtasks diskpart bcdedit dism icacls takeown taskkill
tasklist mstsc msiexec regsvr32 rundll32 cscript wscript explorer control mmc winrm wevtutil vssadmin fsutil format
chkdsk sfc gpupdate gpresult klist setspn nltest dcdiag repadmin route arp netstat getmac systeminfo curl.exe wget.exe
ssh scp ftp telnet tar expand makecab cluster vmconnect virtmgmt python python3 bash sh wsl git
""".split())


def is_native_command(ctx, name: str) -> bool:
    """True for what Windows would run as a program: a name with a program extension or a
    well-known Windows executable name (looked up only when no command has that name)."""
    folded = name.strip().casefold()
    leaf = folded.replace("/", "\\").rsplit("\\", 1)[-1]
    return leaf.endswith(PROGRAM_EXTENSIONS) or leaf in KNOWN_PROGRAMS


def refuse_native(name: str) -> E.PSException:
    return E.PSNotSupportedException(
        f"Cannot run '{name}': pshv emulates Windows PowerShell against a lab and does not run programs "
        "(native commands and .exe, .cmd or .bat files never start on the real machine).",
        error_id="NativeCommandNotSupported", category="NotImplemented", target=name)


class StartProcess(Cmdlet):
    spec = cmdlet("Start-Process", [
        p("FilePath", "string", aliases=["PSPath"], position=0, mandatory=True),
        p("ArgumentList", "string[]", aliases=["Args"], position=1),
        p("Credential", "pscredential", aliases=["RunAs"], sets="Default"),
        p("WorkingDirectory", "string"),
        p("LoadUserProfile", "switch", aliases=["Lup"], sets="Default"),
        p("NoNewWindow", "switch", aliases=["nnw"], sets="Default"),
        p("PassThru", "switch"),
        p("RedirectStandardError", "string", aliases=["RSE"], sets="Default"),
        p("RedirectStandardInput", "string", aliases=["RSI"], sets="Default"),
        p("RedirectStandardOutput", "string", aliases=["RSO"], sets="Default"),
        p("Verb", "string", sets="UseShellExecute"),
        p("WindowStyle", "string"),
        p("Wait", "switch"),
        p("UseNewEnvironment", "switch", sets="Default"),
    ], default_set="Default")
    dotnet_class = f"{UTILITY}.StartProcessCommand"

    def process(self) -> None:
        raise self.fail(refuse_native(self.ctx.to_string(self.params["FilePath"])))


def _no_network(uri: str) -> E.PSException:
    return E.PSNotSupportedException(
        f"Cannot reach '{uri}': pshv does not open network connections; the lab's hosts run no web servers.",
        error_id="WebCmdletNotSupported", category="NotImplemented", target=uri)


_WEB_PARAMS = [
    p("Uri", "string", position=0, mandatory=True),
    p("Method", "string"), p("Body", "object", pipeline=True), p("Headers", "hashtable"),
    p("ContentType", "string"), p("OutFile", "string"), p("PassThru", "switch"), p("UseBasicParsing", "switch"),
    p("Credential", "pscredential"), p("UseDefaultCredentials", "switch"), p("TimeoutSec", "int"),
    p("UserAgent", "string"), p("WebSession", "object"), p("SessionVariable", "string", aliases=["SV"]),
    p("Proxy", "string"), p("ProxyCredential", "pscredential"), p("ProxyUseDefaultCredentials", "switch"),
    p("InFile", "string"), p("MaximumRedirection", "int"), p("DisableKeepAlive", "switch"),
    p("TransferEncoding", "string"), p("Certificate", "object"), p("CertificateThumbprint", "string"),
]


class InvokeWebRequest(Cmdlet):
    spec = cmdlet("Invoke-WebRequest", _WEB_PARAMS)
    dotnet_class = f"{UTILITY}.InvokeWebRequestCommand"

    def process(self) -> None:
        raise self.fail(_no_network(self.ctx.to_string(self.params["Uri"])))


class InvokeRestMethod(InvokeWebRequest):
    spec = cmdlet("Invoke-RestMethod", _WEB_PARAMS)
    dotnet_class = f"{UTILITY}.InvokeRestMethodCommand"


class AddType(Cmdlet):
    spec = cmdlet("Add-Type", [
        p("TypeDefinition", "string", sets={"FromSource": dict(position=0, mandatory=True)}),
        p("Name", "string", sets={"FromMember": dict(position=0, mandatory=True)}),
        p("MemberDefinition", "string[]", sets={"FromMember": dict(position=1, mandatory=True)}),
        p("Namespace", "string", aliases=["NS"], sets="FromMember"),
        p("UsingNamespace", "string[]", aliases=["Using"], sets="FromMember"),
        p("Path", "string[]", sets={"FromPath": dict(position=0, mandatory=True)}),
        p("LiteralPath", "string[]", aliases=["PSPath"], sets={"FromLiteralPath": dict(mandatory=True)}),
        p("AssemblyName", "string[]", aliases=["AN"], sets={"FromAssemblyName": dict(mandatory=True)}),
        p("Language", "string", sets="FromSource,FromMember"),
        p("ReferencedAssemblies", "string[]", aliases=["RA"], sets="FromSource,FromMember,FromPath,FromLiteralPath"),
        p("CodeDomProvider", "object", aliases=["Provider"], sets="FromSource,FromMember"),
        p("CompilerParameters", "object", aliases=["CP"], sets="FromSource,FromMember,FromPath,FromLiteralPath"),
        p("OutputAssembly", "string", aliases=["OA"], sets="FromSource,FromMember,FromPath,FromLiteralPath"),
        p("OutputType", "string", aliases=["OT"], sets="FromSource,FromMember,FromPath,FromLiteralPath"),
        p("IgnoreWarnings", "switch"),
        p("PassThru", "switch"),
    ], default_set="FromSource")
    dotnet_class = f"{UTILITY}.AddTypeCommand"

    def process(self) -> None:
        raise self.fail(E.PSNotSupportedException(
            "Add-Type is not supported: pshv does not compile or load .NET code.", error_id="AddTypeNotSupported",
            category="NotImplemented"))


def _lab_host(ctx, name: str):
    return ctx.services["lab"].lab.find_host(name)


def _address(host) -> str:
    return host.nics[0].address if host.nics else ""


def ping_status(source: str, destination: str, address: str, size: int) -> PSObject:
    return PSObject([
        ("Source", source), ("Destination", destination), ("IPV4Address", address), ("IPV6Address", ""),
        ("Bytes", size), ("Time(ms)", 0), ("StatusCode", 0), ("ResponseTime", 0), ("Address", destination),
    ], type_names=["System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus",
                   "System.Management.ManagementObject", "System.Object"])


def _register_ping_view() -> None:
    from ...runtime.formatting.views import Column, register_table_view

    register_table_view("System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus", [
        Column("Source", "Source", width=13), Column("Destination", "Destination", width=15),
        Column("IPV4Address", "IPV4Address", width=16), Column("IPV6Address", "IPV6Address", width=40),
        Column("Bytes", "Bytes", width=8), Column("Time(ms)", "Time(ms)", width=9),
    ])


_register_ping_view()


class TestConnection(Cmdlet):
    spec = cmdlet("Test-Connection", [
        p("ComputerName", "string[]", aliases=["CN", "IPAddress", "__SERVER", "Server", "Destination"], position=0,
          mandatory=True, by_property_name=True),
        p("Source", "string[]", aliases=["FCN", "SRC"], sets={"Source": dict(position=1, mandatory=True)}),
        p("Count", "int", default=4), p("BufferSize", "int", aliases=["Size", "Bytes", "BS"], default=32),
        p("Delay", "int"), p("TimeToLive", "int", aliases=["TTL"]), p("Quiet", "switch", sets="Default"),
        p("AsJob", "switch"), p("Credential", "pscredential", sets="Source"), p("Impersonation", "string"),
        p("Authentication", "string", aliases=["Authentication"]), p("ThrottleLimit", "int"),
        p("WsmanAuthentication", "string"), p("Protocol", "string"),
    ], default_set="Default")
    dotnet_class = f"{UTILITY}.TestConnectionCommand"

    def process(self) -> None:
        if self.param("AsJob"):
            raise self.fail(E.PSNotSupportedException("The emulator does not support -AsJob on Test-Connection.",
                                                      error_id="NotSupported", category="NotImplemented"))
        source = self.ctx.env.get("COMPUTERNAME") or ""
        for name in self.params["ComputerName"]:
            name = self.ctx.to_string(name)
            host = _lab_host(self.ctx, name)
            if self.param("Quiet"):
                self.write(host is not None)
                continue
            if host is None:
                self.error(E.PSException(
                    f"Testing connection to computer '{name}' failed: No such host is known",
                    error_id="TestConnectionException", category="ResourceUnavailable", target=name))
                continue
            for _ in range(max(1, int(self.param("Count", 4)))):
                self.write(ping_status(source, name, _address(host), int(self.param("BufferSize", 32))))


class TestNetConnection(Cmdlet):
    spec = cmdlet("Test-NetConnection", [
        p("ComputerName", "string", aliases=["RemoteAddress", "cn"], position=0, by_property_name=True),
        p("Port", "int", aliases=["RemotePort"], sets={"RemotePort": dict(mandatory=True, by_property_name=True)}),
        p("CommonTCPPort", "string", sets={"CommonTCPPort": dict(position=1)},
          validate=[ValidateSet("HTTP", "RDP", "SMB", "WINRM")]),
        p("TraceRoute", "switch", sets="NetRouteDiagnostics"), p("Hops", "int", sets="NetRouteDiagnostics"),
        p("DiagnoseRouting", "switch", sets="NetRouteDiagnostics"),
        p("InformationLevel", "string"),
    ], default_set="CommonTCPPort")

    def process(self) -> None:
        name = self.ctx.to_string(self.param("ComputerName", "internetbeacon.msedge.net"))
        host = _lab_host(self.ctx, name)
        source = _lab_host(self.ctx, self.ctx.env.get("COMPUTERNAME") or "")
        if host is None:
            self.warning(f"Name resolution of {name} failed")
        fields = [("ComputerName", name), ("RemoteAddress", _address(host) if host else None)]
        port = self.params.get("Port")
        if port is not None:
            fields.append(("RemotePort", port))
        fields += [("InterfaceAlias", "Ethernet" if host else None),
                   ("SourceAddress", _address(source) if host and source else None)]
        if port is not None:
            fields.append(("TcpTestSucceeded", host is not None))
        else:
            fields.append(("PingSucceeded", host is not None))
        if self.param("InformationLevel", "").casefold() == "quiet":
            self.write(host is not None)
            return
        self.write(PSObject(fields, type_names=["TestNetConnectionResult", "System.Object"]))
