"""The supervision API every pillar calls, re-exported here: clocks and alerts.

The one layer package whose `__init__` is not empty: other pillars write
`from supervision import services as supervision` and call `supervision.clock_start(...)`
(docs/ARCHITECTURE.md, "Supervision"). Supervision's own modules import the phase modules
(`clocks`, `alerts`, `notices`, `sweep`, `schedule`, `documents`) directly.
"""

from supervision.services.alerts import alert_raise
from supervision.services.clocks import (
    clock_extend,
    clock_pause,
    clock_restart,
    clock_resume,
    clock_start,
    clock_stop,
)

__all__ = [
    "alert_raise",
    "clock_extend",
    "clock_pause",
    "clock_restart",
    "clock_resume",
    "clock_start",
    "clock_stop",
]
