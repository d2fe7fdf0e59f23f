"""Natives of Go package runtime (see natives.py)."""
