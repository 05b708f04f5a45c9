"""Shared pydantic base class and field helpers of the lab models."""

from __future__ import annotations

from enum import IntEnum
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema

E = TypeVar("E", bound=IntEnum)

GiB = 1024**3
TiB = 1024**4
MiB = 1024**2


class LabModel(BaseModel):
    """Base of every lab model: unknown fields are errors; assignments are not re-validated
    (the lab's operations keep the state valid by construction)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


def by_name(enum_cls: type[E]) -> Any:
    """Annotated type for an IntEnum field that lab files store by member name.

    Validation accepts a member, its name (any case) or its number; JSON output is the name.
    """
    names = [member.name for member in enum_cls]
    folded = {member.name.casefold(): member for member in enum_cls}

    def parse(value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, enum_cls):
            member = folded.get(value.casefold())
            if member is None:
                raise ValueError(f"'{value}' is not one of {', '.join(names)}")
            return member
        return value

    return Annotated[
        enum_cls,
        BeforeValidator(parse),
        PlainSerializer(lambda member: member.name, return_type=str, when_used="json"),
        WithJsonSchema({"type": "string", "enum": names}),
    ]
