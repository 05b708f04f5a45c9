"""New-Object: custom objects from a hashtable and .NET objects from the type registry."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import Hashtable, PSObject
from ...runtime.params import cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_CUSTOM_TYPES = {"psobject", "pscustomobject", "system.management.automation.psobject",
                 "system.management.automation.pscustomobject"}


class NewObject(Cmdlet):
    spec = cmdlet("New-Object", [
        p("TypeName", "System.String", sets={"Net": dict(position=0, mandatory=True)}),
        p("ArgumentList", "System.Object[]", aliases=["Args"], sets={"Net": dict(position=1)}),
        p("ComObject", "System.String", sets={"Com": dict(position=0, mandatory=True)}),
        p("Strict", "switch", sets="Com"),
        p("Property", "System.Collections.IDictionary"),
    ], default_set="Net")
    dotnet_class = f"{UTILITY}.NewObjectCommand"

    def end(self) -> None:
        if self.parameter_set == "Com":
            raise self.fail(E.PSNotSupportedException(
                f"Cannot create the COM object {self.params['ComObject']}: COM objects are not supported by the "
                "emulator.", error_id="NoCOMClassIdentified", category="NotImplemented"))
        name = str(self.params["TypeName"])
        properties = self.params.get("Property")
        if name.casefold() in _CUSTOM_TYPES and not self.params.get("ArgumentList"):
            self.write(_custom_object(properties))
            return
        self.write(self._dotnet_object(name, properties))

    def _dotnet_object(self, name: str, properties: object) -> object:
        from ...runtime.members import new_object, set_member
        from ...runtime.types import resolve_type

        pstype = resolve_type(name)
        if pstype is None:
            raise self.fail(E.PSArgumentException(
                f"Cannot find type [{name}]: verify that the assembly containing this type is loaded.",
                error_id="TypeNotFound", category="InvalidType"))
        args = self.params.get("ArgumentList") or []
        try:
            result = new_object(self.ctx, pstype, list(args) if isinstance(args, list) else [args])
        except E.PSException as error:
            raise self.fail(E.MethodInvocationException(
                f'Exception calling ".ctor" with "{len(args)}" argument(s): "{error.message}"',
                error_id="ConstructorInvokedThrowException", category="InvalidOperation", inner=error))
        if isinstance(properties, Hashtable):
            for key, value in properties.items():
                try:
                    set_member(self.ctx, result, self.ctx.to_string(key), value)
                except E.PSException as error:
                    self.error(E.InvalidOperationException(
                        "The value supplied is not valid, or the property is read-only. Change the value, and then "
                        "try again.", error_id="InvalidValue", category="InvalidData", inner=error), result)
        return result


def _custom_object(properties: object) -> PSObject:
    result = PSObject()
    if isinstance(properties, Hashtable):
        for key, value in properties.items():
            result.set(str(key), value)
    return result
