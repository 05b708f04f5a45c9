"""Where-Object and ForEach-Object, with their script-block and simplified syntaxes."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import cmdlet, p

CORE = "Microsoft.PowerShell.Commands"

# Where-Object's simplified syntax: one parameter set per operator switch (5.1 names).
_OPERATORS = [
    ("EQ", "-eq", "EqualSet"), ("CEQ", "-ceq", "CaseSensitiveEqualSet"),
    ("NE", "-ne", "NotEqualSet"), ("CNE", "-cne", "CaseSensitiveNotEqualSet"),
    ("GT", "-gt", "GreaterThanSet"), ("CGT", "-cgt", "CaseSensitiveGreaterThanSet"),
    ("LT", "-lt", "LessThanSet"), ("CLT", "-clt", "CaseSensitiveLessThanSet"),
    ("GE", "-ge", "GreaterOrEqualSet"), ("CGE", "-cge", "CaseSensitiveGreaterOrEqualSet"),
    ("LE", "-le", "LessOrEqualSet"), ("CLE", "-cle", "CaseSensitiveLessOrEqualSet"),
    ("Like", "-like", "LikeSet"), ("CLike", "-clike", "CaseSensitiveLikeSet"),
    ("NotLike", "-notlike", "NotLikeSet"), ("CNotLike", "-cnotlike", "CaseSensitiveNotLikeSet"),
    ("Match", "-match", "MatchSet"), ("CMatch", "-cmatch", "CaseSensitiveMatchSet"),
    ("NotMatch", "-notmatch", "NotMatchSet"), ("CNotMatch", "-cnotmatch", "CaseSensitiveNotMatchSet"),
    ("Contains", "-contains", "ContainsSet"), ("CContains", "-ccontains", "CaseSensitiveContainsSet"),
    ("NotContains", "-notcontains", "NotContainsSet"),
    ("CNotContains", "-cnotcontains", "CaseSensitiveNotContainsSet"),
    ("In", "-in", "InSet"), ("CIn", "-cin", "CaseSensitiveInSet"),
    ("NotIn", "-notin", "NotInSet"), ("CNotIn", "-cnotin", "CaseSensitiveNotInSet"),
    ("Is", "-is", "IsSet"), ("IsNot", "-isnot", "IsNotSet"),
]
_SIMPLE_SETS = ",".join(set_name for _, _, set_name in _OPERATORS)
_ALIASES = {"EQ": ["IEQ"], "NE": ["INE"], "GT": ["IGT"], "LT": ["ILT"], "GE": ["IGE"], "LE": ["ILE"],
            "Like": ["ILike"], "NotLike": ["INotLike"], "Match": ["IMatch"], "NotMatch": ["INotMatch"],
            "Contains": ["IContains"], "NotContains": ["INotContains"], "In": ["IIn"], "NotIn": ["INotIn"]}


def _where_parameters():
    return [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("FilterScript", "System.Management.Automation.ScriptBlock", sets="ScriptBlockSet", position=0,
          mandatory=True),
        p("Property", "System.String", sets=_SIMPLE_SETS + ",NotSet", position=0, mandatory=True),
        p("Value", "System.Object", sets=_SIMPLE_SETS, position=1),
        p("Not", "switch", sets="NotSet", mandatory=True),
        *(p(name, "switch", aliases=_ALIASES.get(name, []), sets=set_name, mandatory=True)
          for name, _, set_name in _OPERATORS),
    ]


class WhereObject(Cmdlet):
    spec = cmdlet("Where-Object", _where_parameters(), default_set="EqualSet")
    dotnet_class = f"{CORE}.WhereObjectCommand"

    def begin(self) -> None:
        from ...runtime import convert, members, operators

        self._convert = convert
        self._members = members
        self._operators = operators
        self._operator = next((op for name, op, set_name in _OPERATORS if set_name == self.parameter_set), None)

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        if self.parameter_set == "ScriptBlockSet":
            output = self.ctx.call(self.params["FilterScript"], [], dollar_under=item, new_scope=False)
            keep = self._convert.to_bool(output[0] if len(output) == 1 else output)
        else:
            keep = self._simple(item)
        if keep:
            self.out.append(item)

    def _simple(self, item: object) -> bool:
        name = self.params.get("Property")
        value = self._members.get_member(self.ctx, item, name)
        if self.parameter_set == "NotSet":
            return not self._convert.to_bool(value)
        if self._operator is None:
            return self._convert.to_bool(value)
        operand = self.params.get("Value") if "Value" in self.bound else True
        if self._operator in ("-is", "-isnot") and isinstance(operand, str):
            from ...runtime.types import require_type

            operand = require_type(operand)
        return self._convert.to_bool(self._operators.binary(self._operator, value, operand, self.ctx))


class ForEachObject(Cmdlet):
    spec = cmdlet("ForEach-Object", [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("Begin", "System.Management.Automation.ScriptBlock", sets="ScriptBlockSet"),
        p("Process", "System.Management.Automation.ScriptBlock[]", sets="ScriptBlockSet", position=0, mandatory=True),
        p("End", "System.Management.Automation.ScriptBlock", sets="ScriptBlockSet"),
        p("RemainingScripts", "System.Management.Automation.ScriptBlock[]", sets="ScriptBlockSet", remaining=True),
        p("MemberName", "System.String", sets="PropertyAndMethodSet", position=0, mandatory=True),
        p("ArgumentList", "System.Object[]", aliases=["Args"], sets="PropertyAndMethodSet", remaining=True),
    ], default_set="ScriptBlockSet")
    dotnet_class = f"{CORE}.ForEachObjectCommand"

    def begin(self) -> None:
        self._begin, self._process, self._end = self._blocks()
        if self._begin is not None:
            self._run(self._begin, ...)

    def _blocks(self):
        """Positional blocks: one is Process; two are Begin, Process; more add End (5.1 rules)."""
        if self.parameter_set != "ScriptBlockSet":
            return None, [], None
        process = list(self.params.get("Process") or [])
        remaining = list(self.params.get("RemainingScripts") or [])
        begin, end = self.params.get("Begin"), self.params.get("End")
        if remaining:
            blocks = process + remaining
            if begin is None and "Begin" not in self.bound:
                begin, blocks = blocks[0], blocks[1:]
            if end is None and len(blocks) > 1 and "End" not in self.bound:
                blocks, end = blocks[:-1], blocks[-1]
            process = blocks
        return begin, process, end

    def _run(self, block, item) -> None:
        for value in self.ctx.call(block, [], dollar_under=item, new_scope=False):
            self.out.append(value)

    def process(self) -> None:
        if self.parameter_set == "PropertyAndMethodSet":
            if self.has_input:
                self._member(self.params.get("InputObject"))
            return
        item = self.params.get("InputObject") if self.has_input else None
        for block in self._process:
            if block is not None:
                self._run(block, item)

    def _member(self, item: object) -> None:
        from ...runtime import members

        name = self.params["MemberName"]
        args = list(self.params.get("ArgumentList") or [])
        if args or members.get_member(self.ctx, item, name, _ABSENT) is _ABSENT:
            if not args and not _has_method(item, name):
                return
            try:
                result = members.invoke_method(self.ctx, item, name, args)
            except E.PSException as error:
                self.error(error, item)
                return
        else:
            result = members.get_member(self.ctx, item, name)
        from ...runtime.compiler import unroll_into

        unroll_into(result, self.out)

    def end(self) -> None:
        if self._end is not None:
            self._run(self._end, ...)


_ABSENT = object()


def _has_method(item: object, name: str) -> bool:
    from ...runtime import members

    try:
        return members.has_member(item, name)
    except E.PSException:
        return False
