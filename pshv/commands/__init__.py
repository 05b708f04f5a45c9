"""Cmdlets, grouped by module. Registration is by name only; classes load on first use."""

from __future__ import annotations

from .registry import register_all

__all__ = ["register_all"]
