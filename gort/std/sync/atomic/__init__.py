"""Natives of Go package sync/atomic (see natives.py)."""
