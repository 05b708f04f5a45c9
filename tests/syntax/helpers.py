"""Small accessors shared by the parser tests."""

from __future__ import annotations

from pshv.syntax import ast, parse


def statements(text: str) -> list:
    return parse(text).end.statements


def first(text: str):
    """The first statement of `text`."""
    return statements(text)[0]


def expr(text: str):
    """The expression of a one-expression script."""
    pipeline = first(text)
    assert isinstance(pipeline, ast.Pipeline)
    element = pipeline.elements[0]
    assert isinstance(element, ast.CommandExpression)
    return element.expression


def command(text: str) -> ast.Command:
    pipeline = first(text)
    element = pipeline.elements[0]
    assert isinstance(element, ast.Command)
    return element
