"""Views of messages, split by audience: the public side and the staff side."""
