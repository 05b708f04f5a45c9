"""The prompt_toolkit Completer: analyse the text before the cursor, ask the right source."""

from __future__ import annotations

from collections.abc import Iterable

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from .analysis import Request, analyse
from .candidate import Candidate
from .commands import command_candidates
from .parameters import (
    bind,
    parameter_candidates,
    positional_parameter,
    resolve_parameter,
)
from .paths import path_candidates
from .values import value_candidates
from .variables import member_candidates, variable_candidates


def complete(ctx, text: str) -> tuple[str, list[Candidate]]:
    """The word before the cursor and its completions."""
    request = analyse(text)
    return request.word, _candidates(ctx, request)


def _candidates(ctx, request: Request) -> list[Candidate]:
    word = request.word
    if request.role == "variable":
        return variable_candidates(ctx, word)
    if request.role == "member":
        return member_candidates(ctx, word)
    if request.role == "command":
        return command_candidates(ctx, word)
    if request.role == "argument":
        found = _argument_candidates(ctx, request)
        if found is not None:
            return found
    return path_candidates(ctx, word, request.quote)


def _argument_candidates(ctx, request: Request) -> list[Candidate] | None:
    """Parameter names or parameter values for an argument of a known command (None: paths)."""
    info = ctx.commands.resolve(request.command, ctx.scope)
    spec = info.spec if info is not None else None
    if spec is None:
        return None
    word = request.word
    binding = bind(spec, request.elements)
    if word.startswith("-") and not word[1:2].isdigit():
        name, colon, value = word[1:].partition(":")
        if not colon:
            return parameter_candidates(spec, binding.bound, name)
        parameter = resolve_parameter(spec, name)
        found = value_candidates(ctx, info.Name, parameter, value) if parameter is not None else None
        return [found_one._replace(text=f"-{name}:{found_one.text}") for found_one in found] if found else found
    if binding.pending is not None:
        parameter = binding.pending
    elif binding.after_comma:
        parameter = binding.last_target
    else:
        parameter = positional_parameter(spec, binding.bound)
    if parameter is None:
        return None
    return value_candidates(ctx, info.Name, parameter, word[len(request.quote):])


class PowerShellCompleter(Completer):
    """Tab and menu completion for the REPL; a failing source never breaks the prompt."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        try:
            word, candidates = complete(self.ctx, document.text_before_cursor)
        except Exception:  # noqa: BLE001 - completion is a convenience: no answer rather than a crash
            return
        for candidate in candidates:
            yield Completion(candidate.text, start_position=-len(word), display=candidate.display,
                             display_meta=candidate.meta)
