"""Benchmarks: scripts that measure and print, run by hand (never timed tests)."""
