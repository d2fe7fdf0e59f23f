"""Natives of Go package internal/sync (see natives.py)."""
