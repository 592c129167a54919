"""The command line's one set of exit codes and its one error type."""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Stop a command with an exit code; the message (if any) was printed or is printed by the caller."""

    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(message or "")
        self.code = code
        self.message = message


class UsageError(CommandError):
    """A flag, a configuration file or a baseline cannot be used; the run exits with 2."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(EXIT_USAGE, "; ".join(messages))
        self.messages = messages
