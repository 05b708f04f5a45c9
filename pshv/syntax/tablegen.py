"""Compiles the grammar with Lark into plain LALR tables (the one module that imports lark).

    python -m pshv.syntax.tablegen      # rewrites pshv/syntax/powershell_lalr.json

The tables are JSON: lists and string-keyed dicts of ints, loadable without lark. Tree
shaping follows Lark's own ParseTreeBuilder: which children a rule keeps, which `_rule` results
it splices in, where `[optional]` placeholders (None) go, and `?rule` single-child inlining.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from lark import Lark, Token
from lark.lexer import Lexer
from lark.parse_tree_builder import maybe_create_child_filter
from lark.parsers.lalr_analysis import Shift

FORMAT = 1
STARTS = ("start", "subexpression")


class _ExternalTokens(Lexer):
    """Placeholder lexer: Lark only compiles the grammar, pshv's tokenizer supplies tokens."""

    def __init__(self, lexer_conf: object) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: object, parser_state: object) -> Iterator[Token]:
        raise TypeError("pshv.syntax.lalr drives the parse tables itself")


def compile_tables(grammar: str, key: str) -> dict[str, Any]:
    """LALR tables for `grammar`, tagged with `key` (the grammar's hash, see tables.py).

    actions[state][TERMINAL] is a shift to that state (>= 0) or a reduction by rule ~code (< 0);
    gotos[state][nonterminal] is the state after a reduction; rules[i] is
    [lhs, size, callback or None (a `_rule` spliced into its parent), expand1, keep, trailing]
    where keep lists [child index, the `_rule` it splices in or None, Nones before] or is None
    to keep the children as they are, and trailing counts the Nones after them.
    """
    lark = Lark(grammar, parser="lalr", lexer=_ExternalTokens, start=list(STARTS),
                maybe_placeholders=True)
    table = lark.parser.parser.parser.parse_table
    numbers = {rule: index for index, rule in enumerate(lark.rules)}
    order = _canonical_order(table)
    actions: list[dict[str, int]] = []
    gotos: list[dict[str, int]] = []
    for state in order:
        shifts, jumps = {}, {}
        for symbol, (action, argument) in sorted(table.states[state].items()):
            if symbol.isupper():
                shifts[symbol] = order[argument] if action is Shift else ~numbers[argument]
            else:
                assert action is Shift, (state, symbol)
                jumps[symbol] = order[argument]
        actions.append(shifts)
        gotos.append(jumps)
    return {
        "format": FORMAT,
        "key": key,
        "starts": {name: [order[table.start_states[name]], order[table.end_states[name]]]
                   for name in STARTS},
        "actions": actions,
        "gotos": gotos,
        "rules": [_rule_entry(rule) for rule in lark.rules],
    }


def _canonical_order(table: Any) -> dict[int, int]:
    """Number Lark's states breadth first from the start states, so equal grammars give
    identical tables (Lark's own numbering changes from run to run)."""
    order: dict[int, int] = {}
    queue = [table.start_states[name] for name in STARTS]
    for state in queue:
        if state in order:
            continue
        order[state] = len(order)
        for _, (action, argument) in sorted(table.states[state].items()):
            if action is Shift and argument not in order:
                queue.append(argument)
    assert len(order) == len(table.states)
    return order


def _rule_entry(rule: Any) -> list[Any]:
    options = rule.options
    spliced = rule.origin.name.startswith("_")
    callback = None if spliced else rule.alias or options.template_source or rule.origin.name
    expand1 = bool(options.expand1 and not rule.alias)
    keep, trailing = None, 0
    child_filter = maybe_create_child_filter(rule.expansion, options.keep_all_tokens, False,
                                             options.empty_indices)
    if child_filter is not None:
        if len(child_filter.args) == 2:  # ChildFilterLALR(to_include, nones_to_add)
            entries = child_filter.args[0]
            trailing = child_filter.args[1]
        else:  # ChildFilterLALR_NoPlaceholders(to_include)
            entries = [(index, splice, 0) for index, splice in child_filter.args[0]]
        keep = [[index, rule.expansion[index].name if splice else None, nones]
                for index, splice, nones in entries]
    return [rule.origin.name, len(rule.expansion), callback, expand1, keep, trailing]


def write_tables(data: dict[str, Any], path: Path) -> None:
    """Write `data` to `path` atomically (a temporary file, then a rename)."""
    temporary = path.with_name(f".{path.name}.{id(data)}.tmp")
    temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    temporary.replace(path)


def main() -> int:
    from pshv.syntax.tables import ARTIFACT, GRAMMAR, grammar_key

    text = GRAMMAR.read_text(encoding="utf-8")
    write_tables(compile_tables(text, grammar_key(text)), ARTIFACT)
    print(f"wrote {ARTIFACT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
