"""Windows PowerShell 5.1's output formatting: Out-Default, Format-Table/List, Out-String,
the view registry, the NormalView error block and the other streams' console text.
"""

from .builtin_views import register_builtin_views
from .errorview import parse_error_message, position_message, render_error, render_parse_error
from .formatters import DictionaryEntry, format_list, format_table
from .output import out_default, out_string
from .records import FormatEnd, FormatEntry, FormatRecord, FormatStart, GroupEnd, GroupStart
from .streams import progress_text, stream_line, write_host_text
from .values import FORMAT_ENUMERATION_LIMIT, display_text, field_text
from .views import (
    Column, ListView, TableView, register_list_view, register_table_view, register_text_view,
)

register_builtin_views()

__all__ = [
    "Column", "DictionaryEntry", "FORMAT_ENUMERATION_LIMIT", "FormatEnd", "FormatEntry", "FormatRecord",
    "FormatStart", "GroupEnd", "GroupStart", "ListView", "TableView", "display_text", "field_text", "format_list",
    "format_table", "out_default", "out_string", "parse_error_message", "position_message", "progress_text",
    "register_list_view", "register_table_view", "register_text_view", "render_error", "render_parse_error",
    "stream_line", "write_host_text",
]
