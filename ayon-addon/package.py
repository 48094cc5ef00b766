"""AYON addon package: a thin front to the Orleans sync gateway (all sync work runs in the cluster)."""

name = "shotgrid_orleans"
title = "ShotGrid Sync (Orleans)"
version = "0.1.0"
client_dir = None
ayon_server_version = ">=1.12.0"
