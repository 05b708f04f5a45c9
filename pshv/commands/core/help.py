"""Get-Help: help for cmdlets (help records), functions (comment-based help) and about_ topics.

The SYNTAX section is generated from each command's declared parameter sets. Searching with
wildcards, or for a name that several topics match, lists them (Name, Category, Module,
Synopsis). Without -Name, Get-Help shows about_Pshv. The about_ topics are the text files in
the `about` folder beside this module.
"""

from __future__ import annotations

from pathlib import Path

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.commands import CommandInfo
from ...runtime.formatting import Column, register_table_view, register_text_view
from ...runtime.objects import DotNetObject
from ...runtime.operators import like
from ...runtime.params import ValidateSet, cmdlet, p
from . import help_text as T

CORE = "Microsoft.PowerShell.Commands"
ABOUT_FOLDER = Path(__file__).parent / "about"
_CATEGORIES = ("Alias", "Cmdlet", "Provider", "General", "FAQ", "Glossary", "HelpFile", "ScriptCommand", "Function",
               "Filter", "ExternalScript", "All", "DefaultHelp", "Workflow", "DscResource", "Class", "Configuration")


class HelpInfo(DotNetObject):
    """A command's help (MamlCommandHelpInfo); prints as the chosen view."""

    ps_type_names = ("MamlCommandHelpInfo", "HelpInfo", "System.Object")
    ps_properties = ("Name", "Category", "Synopsis", "ModuleName", "Description", "Examples", "Syntax")

    def __init__(self, doc: T.HelpDocument, view: str, width: int) -> None:
        self.doc = doc
        self.view = view
        self.width = width
        self.Name = doc.name
        self.Category = doc.category
        self.Synopsis = doc.synopsis if doc.complete else "\n" + "\n".join(doc.syntax) + "\n"
        self.ModuleName = doc.module
        self.Description = doc.description
        self.Examples = [f"{example.code}\n\n{example.remarks}" for example in doc.examples]
        self.Syntax = list(doc.syntax)

    def text(self) -> str:
        return T.render(self.doc, self.view, self.width)


class AboutTopic(DotNetObject):
    """An about_ topic (HelpFile); prints as its text."""

    ps_type_names = ("HelpInfoShort", "HelpFileHelpInfo", "System.Object")
    ps_properties = ("Name", "Category", "Synopsis")

    def __init__(self, path: Path) -> None:
        self.path = path
        self.Name = path.stem
        self.Category = "HelpFile"
        self.Synopsis = _short_description(self.read())

    def read(self) -> str:
        return self.path.read_text(encoding="utf-8")


class ParameterHelpInfo(DotNetObject):
    """The -Parameter view of one parameter."""

    ps_type_names = ("MamlCommandHelpInfo#parameter", "System.Object")
    ps_properties = ("name", "required", "position", "pipelineInput", "globbing")

    def __init__(self, parameter: T.ParameterHelp, width: int) -> None:
        self.parameter = parameter
        self.width = width
        self.name = parameter.name
        self.required = str(parameter.required).lower()
        self.position = parameter.position
        self.pipelineInput = parameter.pipeline
        self.globbing = str(parameter.wildcards).lower()


class HelpInfoShort(DotNetObject):
    """One row of a help search result."""

    ps_type_names = ("HelpInfoShort", "System.Object")
    ps_properties = ("Name", "Category", "Module", "Synopsis")

    def __init__(self, name: str, category: str, module: str, synopsis: str) -> None:
        self.Name, self.Category, self.Module, self.Synopsis = name, category, module, synopsis


register_text_view("MamlCommandHelpInfo", lambda info: info.text())
register_text_view("HelpFileHelpInfo", lambda topic: topic.read().rstrip("\n") + "\n")
register_text_view("MamlCommandHelpInfo#parameter", lambda info: "\n".join(
    ["", *T.parameter_block(info.parameter, 0, info.width, full=True), ""]))
register_table_view("HelpInfoShort", [
    Column("Name", "Name", width=33), Column("Category", "Category", width=9), Column("Module", "Module", width=25),
    "Synopsis"])


def _short_description(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        if line.strip().casefold() == "short description":
            return next((rest.strip() for rest in lines[index + 1:] if rest.strip()), "")
    return ""


def about_topics() -> list[AboutTopic]:
    return [AboutTopic(path) for path in sorted(ABOUT_FOLDER.glob("about_*.txt"), key=lambda p: p.name.casefold())]


# --------------------------------------------------------------------------- documents


def aliases_of(ctx, name: str) -> list[str]:
    from .discovery import session_commands

    folded = name.casefold()
    return sorted((info.Name for info in session_commands(ctx)
                   if info.CommandType == "Alias" and (info.alias_target or "").casefold() == folded),
                  key=str.casefold)


def command_document(ctx, info: CommandInfo) -> T.HelpDocument:
    """The help document of a cmdlet or function."""
    from ...runtime.help_syntax import syntax_lines

    spec = info.spec
    category = info.CommandType
    doc = T.HelpDocument(name=info.Name, category=category, module=info.ModuleName,
                         syntax=syntax_lines(info.Name, spec) if spec is not None else [info.Name],
                         aliases=aliases_of(ctx, info.Name), common_parameters=bool(spec is not None and spec.advanced))
    if category == "Cmdlet":
        from ..help_data import help_record

        record = help_record(info.Name)
        if record is None:
            doc.complete = False
            return doc
        _fill_from_record(doc, record, spec)
        return doc
    raw = getattr(getattr(info.block, "info", None), "help", None)
    if not raw:
        doc.complete = False
        return doc
    _fill_from_comment(doc, T.parse_comment_help(raw), spec)
    return doc


def _fill_from_record(doc: T.HelpDocument, record, spec) -> None:
    doc.synopsis, doc.description = record.synopsis, record.description
    doc.parameters = parameter_helps(spec, record.parameters, record.wildcards, first_position=0)
    doc.inputs, doc.outputs = list(record.inputs), list(record.outputs)
    doc.notes = record.notes
    doc.examples = [T.ExampleHelp(example.title, example.code, example.remarks) for example in record.examples]
    doc.links = list(record.links)


def _fill_from_comment(doc: T.HelpDocument, sections: dict, spec) -> None:
    doc.synopsis = T.section_text(sections.get("synopsis")) or doc.name
    doc.description = T.section_text(sections.get("description"))
    descriptions = {name: T.section_text(lines) for name, lines in sections["parameters"].items()}
    doc.parameters = parameter_helps(spec, descriptions, (), first_position=1) if spec is not None else []
    doc.inputs = [T.section_text(lines) for lines in sections["inputs"]]
    doc.outputs = [T.section_text(lines) for lines in sections["outputs"]]
    doc.notes = T.section_text(sections.get("notes"))
    for lines in sections["examples"]:
        body = T.section_text(lines).split("\n")
        code, _, remarks = "\n".join(body).partition("\n\n")
        code_lines = code.split("\n")
        doc.examples.append(T.ExampleHelp("", "\n".join(["PS C:\\>" + code_lines[0], *code_lines[1:]]), remarks))
    doc.links = [T.section_text(lines) for lines in sections["links"]]


def parameter_helps(spec, descriptions: dict[str, str], wildcards: tuple[str, ...], *,
                    first_position: int) -> list[T.ParameterHelp]:
    """Each declared parameter's help entry (its first set's attributes), then -WhatIf/-Confirm."""
    from ...runtime.help_syntax import parameter_sets, set_parameters, short_type_name

    folded = {name.casefold(): text for name, text in descriptions.items()}
    seen: dict[str, T.ParameterHelp] = {}
    for set_name in parameter_sets(spec):
        for entry in set_parameters(spec, set_name):
            if entry.name in seen:
                continue
            membership, parameter = entry.membership, entry.spec
            pipeline = [kind for kind, on in (("ByValue", membership.value_from_pipeline),
                                              ("ByPropertyName", membership.value_from_pipeline_by_property_name))
                        if on]
            default = "False" if parameter.is_switch else ("None" if parameter.default is None
                                                           else str(parameter.default))
            seen[entry.name] = T.ParameterHelp(
                name=entry.name, type_text=short_type_name(parameter.type_name), is_switch=parameter.is_switch,
                description=folded.get(entry.name.casefold(), ""), required=membership.mandatory,
                position="named" if membership.position is None else str(membership.position + first_position),
                default=default, pipeline=f"True ({', '.join(pipeline)})" if pipeline else "False",
                wildcards=entry.name in wildcards)
    helps = list(seen.values())
    if spec.supports_should_process:
        helps += [T.ParameterHelp(name=name, type_text="switch", is_switch=True, default="False",
                                  description=T.should_process_help(name)) for name in ("WhatIf", "Confirm")]
    return helps


# --------------------------------------------------------------------------- the cmdlet


def _not_found(name: str) -> E.PSException:
    return E.HelpNotFoundException(
        f"Get-Help could not find {name} in a help file in this session. To download updated help topics type: "
        '"Update-Help". To get help online, search for the help topic in the TechNet library at '
        "https:/go.microsoft.com/fwlink/?LinkID=107116.", error_id="HelpNotFound", category="ResourceUnavailable")


class GetHelp(Cmdlet):
    spec = cmdlet("Get-Help", [
        p("Name", "System.String", position=0, by_property_name=True),
        p("Path", "System.String"),
        p("Category", "System.String[]", validate=[ValidateSet(*_CATEGORIES)]),
        p("Component", "System.String[]"),
        p("Functionality", "System.String[]"),
        p("Role", "System.String[]"),
        p("Full", "switch", sets="AllUsersView"),
        p("Detailed", "switch", sets={"DetailedView": dict(mandatory=True)}),
        p("Examples", "switch", sets={"Examples": dict(mandatory=True)}),
        p("Parameter", "System.String", sets={"Parameters": dict(mandatory=True)}),
        p("Online", "switch", sets={"Online": dict(mandatory=True)}),
        p("ShowWindow", "switch", sets={"ShowWindow": dict(mandatory=True)}),
    ], default_set="AllUsersView")
    dotnet_class = f"{CORE}.GetHelpCommand"

    def process(self) -> None:
        for name, why in (("Online", "it has no web browser"), ("ShowWindow", "it has no windows"),
                          ("Path", "help comes with its commands"), ("Component", "help records have no components"),
                          ("Functionality", "help records have no functionality"),
                          ("Role", "help records have no roles")):
            if self.given(name):
                raise self.fail(E.PSNotSupportedException(
                    f"Get-Help -{name} is not supported by this emulator: {why}.", error_id="NotSupported",
                    category="NotImplemented"))
        name = str(self.params.get("Name") or "about_Pshv")
        categories = {str(c).casefold() for c in self.params.get("Category") or []}
        commands = [] if categories and not categories & {"cmdlet", "function", "filter", "alias", "all"} \
            else self._commands(name)
        topics = [] if categories and not categories & {"helpfile", "all"} else \
            [topic for topic in about_topics() if like(topic.Name, name if _wildcard(name) else name)]
        if not topics and not _wildcard(name) and name.casefold() == "about":
            topics = about_topics()
        if not _wildcard(name) and name.casefold() != "about" and len(commands) + len(topics) == 1:
            self._show(commands[0] if commands else topics[0])
            return
        if not commands and not topics:
            if _wildcard(name):
                return
            raise self.fail(_not_found(name))
        for info in commands:
            doc = command_document(self.ctx, info)
            self.write(HelpInfoShort(info.Name, info.CommandType, info.ModuleName, doc.synopsis or info.Name))
        for topic in topics:
            self.write(HelpInfoShort(topic.Name, "HelpFile", "", topic.Synopsis))

    def _commands(self, name: str) -> list[CommandInfo]:
        ctx = self.ctx
        if not _wildcard(name):
            info = ctx.commands.resolve(name, ctx.scope)
            return [info] if info is not None else []
        from .discovery import session_commands

        seen: dict[str, CommandInfo] = {}
        for info in session_commands(ctx):
            if info.CommandType != "Alias" and like(info.Name, name):
                seen.setdefault(info.Name.casefold(), info)
        return sorted(seen.values(), key=lambda info: info.Name.casefold())

    def _show(self, found: CommandInfo | AboutTopic) -> None:
        if isinstance(found, AboutTopic):
            self.write(found)
            return
        doc = command_document(self.ctx, found)
        width = self.ctx.host.width
        wanted = self.params.get("Parameter")
        if wanted is not None:
            matches = [parameter for parameter in doc.parameters if like(parameter.name, str(wanted))]
            if not matches:
                raise self.fail(E.PSArgumentException(
                    f"No parameter matches criteria {wanted}.", error_id="NoParmsFound", category="ObjectNotFound",
                    target=str(wanted)))
            for parameter in matches:
                self.write(ParameterHelpInfo(parameter, width))
            return
        view = "full" if self.params.get("Full") else "detailed" if self.params.get("Detailed") else \
            "examples" if self.params.get("Examples") else "default"
        self.write(HelpInfo(doc, view, width))


def _wildcard(text: str) -> bool:
    return any(char in text for char in "*?[")
