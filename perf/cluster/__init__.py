"""`make cluster`: the shop on several local servers, as production scales it
out (perf/cluster/cluster.py has the parts; docs/operations.md tells which
setting turns each on in production)."""

from .cluster import APP_SERVERS, WORKERS, Cluster, Ports, running_cluster

__all__ = ["APP_SERVERS", "WORKERS", "Cluster", "Ports", "running_cluster"]
