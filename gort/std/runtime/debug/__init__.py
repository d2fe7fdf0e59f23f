"""Natives of Go package runtime/debug (see natives.py)."""
