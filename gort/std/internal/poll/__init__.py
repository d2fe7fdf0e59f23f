"""Natives of Go package internal/poll (see natives.py)."""
