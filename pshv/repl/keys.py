"""Key bindings in PSReadLine's Windows manner: Tab cycles completions, Shift+Tab back,
Ctrl+Space opens the menu, Enter runs the input unless the parser says it is incomplete
(then it starts a `>>` continuation line)."""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent


def repl_key_bindings(is_incomplete: Callable[[str], bool]) -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add("tab")
    def _complete_next(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_next()
        else:
            buffer.start_completion(select_first=True)

    @bindings.add("s-tab")
    def _complete_previous(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_previous()
        else:
            buffer.start_completion(select_last=True)

    @bindings.add("c-space")
    def _menu(event: KeyPressEvent) -> None:
        event.current_buffer.start_completion(select_first=False)

    @bindings.add("enter")
    def _accept_or_continue(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        buffer.complete_state = None
        if is_incomplete(buffer.text):
            buffer.cursor_position = len(buffer.text)
            buffer.insert_text("\n")
        else:
            buffer.validate_and_handle()

    return bindings
