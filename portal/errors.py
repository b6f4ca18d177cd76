"""The domain error: a rule refused an action. Views show its message; nothing was written."""


class DomainError(Exception):
    """A refused action, with a message for the user in their language.

    Raise it from a service before any write (or inside the transaction, which then rolls back).
    It is not PermissionDenied: the user may see the object, the rule forbids this move now.
    """

    def __init__(self, message, *, code: str = "refused"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return str(self.message)
