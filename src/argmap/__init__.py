"""argmap."""
