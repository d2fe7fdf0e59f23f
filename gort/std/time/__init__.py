"""Natives of Go package time (see natives.py)."""
