"""Measuring the shop: the benchmark (`make bench`) and the audit (`make audit`)."""
