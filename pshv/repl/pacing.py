"""How fast simulated time runs in the REPL: `ctx.services['pacing']`, the seconds of real time
per simulated second that paced commands (migrations) wait, so a move can be watched.

Set it with the environment variable PSHV_PACE (0 runs everything instantly). Scripts and
`-Command` never set the service, so they always run at full speed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping

DEFAULT_PACE = 0.02  # a three-minute simulated move takes about four seconds


def pace_from_environment(environ: Mapping[str, str] = os.environ) -> float:
    """PSHV_PACE as a non-negative number of seconds, or the default when unset or invalid."""
    try:
        value = float(environ.get("PSHV_PACE", DEFAULT_PACE))
    except ValueError:
        return DEFAULT_PACE
    return value if math.isfinite(value) and value >= 0 else DEFAULT_PACE
