"""Help service for Communications Credits."""
