"""The conversation floor: platform-neutral message types, command declarations and one module per command."""
