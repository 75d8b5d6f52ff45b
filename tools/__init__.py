"""Developer tools run from the Makefile; nothing in production imports them."""
