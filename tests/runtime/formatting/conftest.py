import datetime

import pytest


class FakeContext:
    """The three things formatting may use of the interpreter's context."""

    def __init__(self, variables=None):
        self.variables = variables or {}

    def now(self):
        return datetime.datetime(2026, 11, 23, 8, 2, 56)

    def get_variable(self, name):
        return self.variables.get(name)

    def call(self, invocable, args, dollar_under=...):
        return invocable.call(args, dollar_under=dollar_under)


@pytest.fixture
def ctx():
    return FakeContext()
