"""A small LALR(1) driver over the tables Lark compiled from grammar/powershell.lark.

Lark generates the tables (pshv.syntax.tablegen) and stays the grammar's authority; at parse
time only this loop runs. It shifts and reduces exactly as Lark's own parser would with the
same tables, and calls the TreeBuilder callbacks directly, shaping their children the way
Lark's ParseTreeBuilder does: filtered tokens dropped, `_rule` results spliced into the
parent, `[optional]` placeholders as None, `?rule` with one child replaced by that child.

Token kinds stay strings: the per-state dicts are keyed by terminal name, and the names are
interned constants, so a lookup costs what an int key would, without a translation per token.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable, Iterable

from pshv.syntax.builder import TreeBuilder
from pshv.syntax.tables import load_tables
from pshv.syntax.tokens import Token, end_token

Build = Callable[[list], Any]


class ParseFailure(Exception):
    """No action for `token` in the current state; `expected` names the acceptable terminals."""

    def __init__(self, token: Token, expected: set[str], previous: Token | None):
        super().__init__(token.type)
        self.token = token
        self.expected = expected
        self.previous = previous


def _keep(keep: list[list], trailing: int) -> Build:
    """Lark's ChildFilterLALR: pick children, splice `_rule` lists, add None placeholders."""
    entries = [(index, symbol is not None, nones) for index, symbol, nones in keep]
    if trailing == 0 and entries == [(0, True, 0)]:
        return itemgetter(0)  # the spliced list itself, as Lark reuses it
    if trailing == 0 and not any(splice or nones for _, splice, nones in entries):
        indices = [index for index, _, _ in entries]
        if len(indices) < 2:
            return lambda children: [children[index] for index in indices]
        pick = itemgetter(*indices)
        return lambda children: list(pick(children))

    shape = [(splice, nones) for _, splice, nones in entries]
    if trailing == 0 and shape == [(True, 0), (False, 0)]:
        (first, _, _), (second, _, _) = entries

        def extended(children: list) -> list:
            kept = children[first]
            kept.append(children[second])
            return kept

        return extended
    if trailing == 0 and shape == [(False, 0), (True, 0)]:
        (first, _, _), (second, _, _) = entries
        return lambda children: [children[first], *children[second]]

    def filtered(children: list) -> list:
        kept: list = []
        for index, splice, nones in entries:
            if nones:
                kept += [None] * nones
            if not splice:
                kept.append(children[index])
            elif kept:
                kept += children[index]
            else:  # reuse the spliced list: left recursion stays linear
                kept = children[index]
        if trailing:
            kept += [None] * trailing
        return kept

    return filtered


def _builder(callback: Build | None, expand1: bool, keep: list | None, trailing: int) -> Build:
    """How one rule turns its children into a value (callback None: a list to splice)."""
    select = _keep(keep, trailing) if keep is not None else None
    if callback is None:
        return select or list
    if expand1:
        if select is None:
            return lambda children: children[0] if len(children) == 1 else callback(children)

        def single_or_build(children: list) -> Any:
            children = select(children)
            return children[0] if len(children) == 1 else callback(children)

        return single_or_build
    if select is None:
        return callback
    return lambda children: callback(select(children))


def _single_valued(rules: list[list]) -> set[str]:
    """The `_rule`s every alternative of which yields exactly one child.

    Lark hands such a rule's parent a one-element list to splice in; passing the child itself
    and taking it as a plain child gives the parent the same children with less work.
    """
    alternatives: dict[str, list[list]] = {}
    for rule in rules:
        alternatives.setdefault(rule[0], []).append(rule)
    single: set[str] = set()
    while True:
        found = {lhs for lhs, rules_of in alternatives.items()
                 if lhs.startswith("_") and lhs not in single
                 and all(_yields_one(rule, single) for rule in rules_of)}
        if not found:
            return single
        single |= found


def _yields_one(rule: list, single: set[str]) -> bool:
    _, size, _, _, keep, trailing = rule
    if keep is None:
        return size == 1
    return (trailing == 0 and len(keep) == 1 and keep[0][2] == 0
            and (keep[0][1] is None or keep[0][1] in single))


def _unsplice(keep: list | None, trailing: int, size: int, single: set[str]) -> list | None:
    """`keep` with single-valued `_rule`s taken as plain children; None if that keeps all."""
    if keep is None:
        return None
    keep = [[index, None if symbol in single else symbol, nones] for index, symbol, nones in keep]
    if trailing == 0 and keep == [[index, None, 0] for index in range(size)]:
        return None
    return keep


def _close_chains(actions: list[dict[str, int]], rules: list[tuple[dict[int, int], int, Build | None]]
                  ) -> list[tuple[dict[int, dict[str, int]], int, Build | None]]:
    """The rules with each goto `state below -> state` turned into `state below -> {lookahead:
    state}`, where that state is the one reached after also taking every chain reduction (a
    one-child rule whose value is its child) the lookahead leads to from there.

    A chain reduction changes neither the values nor the state below, only the top state, so
    for a given state below and lookahead its outcome is fixed; the driver then skips straight
    to the next shift or building reduction (or to the state it would fail in).
    """
    kinds = sorted({kind for row in actions for kind in row})
    chain = [size == 1 and build is None for _, size, build in rules]
    plain: dict[int, dict[str, int]] = {}
    shared: dict[tuple[int, ...], dict[str, int]] = {}

    def closed(below: int, state: int) -> dict[str, int]:
        row = actions[state]
        if not any(code < 0 and chain[~code] for code in row.values()):
            if state not in plain:
                plain[state] = dict.fromkeys(kinds, state)
            return plain[state]
        finals = []
        for kind in kinds:
            final = state
            code = row.get(kind)
            while code is not None and code < 0 and chain[~code]:
                final = rules[~code][0][below]
                code = actions[final].get(kind)
            finals.append(final)
        key = tuple(finals)
        if key not in shared:
            shared[key] = dict(zip(kinds, finals))
        return shared[key]

    return [(_ClosedGotos(goto, closed), size, build) for goto, size, build in rules]


class _ClosedGotos(dict):
    """One rule's closed gotos, `state below -> {lookahead: state}`, each row worked out the
    first time the parser needs it (start-up stays cheap; a row never changes once made)."""

    __slots__ = ("plain", "closed")

    def __init__(self, plain: dict[int, int], closed: Callable[[int, int], dict[str, int]]) -> None:
        super().__init__()
        self.plain = plain
        self.closed = closed

    def __missing__(self, below: int) -> dict[str, int]:
        row = self[below] = self.closed(below, self.plain[below])
        return row


class Tables:
    """The parse tables with each rule bound to its TreeBuilder callback."""

    def __init__(self, data: dict[str, Any], builder: TreeBuilder):
        self.actions: list[dict[str, int]] = data["actions"]
        self.starts: dict[str, tuple[int, int]] = {
            name: (start, end) for name, (start, end) in data["starts"].items()}
        gotos: list[dict[str, int]] = data["gotos"]
        by_symbol: dict[str, dict[int, int]] = {}
        for state, jumps in enumerate(gotos):
            for symbol, target in jumps.items():
                by_symbol.setdefault(symbol, {})[state] = target
        single = _single_valued(data["rules"])
        self.rules: list[tuple[dict[int, int], int, Build | None]] = []
        for lhs, size, name, expand1, keep, trailing in data["rules"]:
            keep = _unsplice(keep, trailing, size, single)
            if (expand1 or lhs in single) and size == 1 and keep is None:
                build = None
            elif lhs in single:
                build = itemgetter(keep[0][0])
            else:
                callback = getattr(builder, name) if name is not None else None
                build = _builder(callback, expand1, keep, trailing)
            self.rules.append((by_symbol.get(lhs, {}), size, build))
        self.final_rules = self.rules  # $END: plain gotos, so each state is seen for end_state
        self.rules = _close_chains(self.actions, self.rules)

    def parse(self, tokens: Iterable[Token], start: str) -> tuple[Any, Token | None]:
        """Parse `tokens` from the start symbol `start`; returns the value and the last token.

        Raises ParseFailure where the tables have no action for a token.
        """
        actions, rules = self.actions, self.rules
        state, end_state = self.starts[start]
        states = [state]
        values: list = []
        push_state, push_value = states.append, values.append
        last = None
        for token in tokens:
            kind = token.type
            while True:
                try:
                    code = actions[state][kind]
                except KeyError:
                    raise ParseFailure(token, set(actions[state]), last) from None
                if code >= 0:
                    push_state(code)
                    push_value(token)
                    state = code
                    last = token
                    break
                goto, size, build = rules[~code]
                if size == 1:
                    if build is not None:  # else a chain rule: the one child is the value
                        values[-1] = build([values[-1]])
                    state = goto[states[-2]][kind]
                    states[-1] = state
                    continue
                if size:
                    children = values[-size:]
                    del values[-size:]
                    del states[-size:]
                else:
                    children = []
                push_value(build(children))
                state = goto[states[-1]][kind]
                push_state(state)
        token = end_token(last)
        rules = self.final_rules
        while True:
            code = actions[state].get("$END")
            if code is None or code >= 0:
                raise ParseFailure(token, set(actions[state]), last)
            goto, size, build = rules[~code]
            if build is None:
                state = goto[states[-2]]
                states[-1] = state
            else:
                if size:
                    children = values[-size:]
                    del values[-size:]
                    del states[-size:]
                else:
                    children = []
                values.append(build(children))
                state = goto[states[-1]]
                states.append(state)
            if state == end_state:
                return values[-1], last


TABLES = Tables(load_tables(), TreeBuilder())
