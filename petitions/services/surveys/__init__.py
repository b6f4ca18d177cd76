"""Online surveys (在线调查), by phase: building, answering, and the review of free text."""
