"""The ground floor: sources, facts, the store and the matcher. Knows nothing of chat."""
