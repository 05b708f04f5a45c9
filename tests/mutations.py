"""Hypothesis strategies shared by the fuzz tests: real scripts with random edits."""

from __future__ import annotations

from hypothesis import strategies as st


@st.composite
def mutated_scripts(draw: st.DrawFn, seeds: list[str], pieces: list[str], *, max_edits: int) -> str:
    """One of `seeds` after 1..max_edits edits at random places: insert or overwrite a piece
    (one of `pieces` or up to three random characters), or delete 1-8 characters."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, max_edits))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(pieces) | st.text(max_size=3))
        if action == "insert":
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 8)):]
        else:
            text = text[:position] + piece + text[position + len(piece):]
    return text
