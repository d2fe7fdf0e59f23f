"""Natives of Go package sync (see natives.py)."""
