"""The project app has no models of its own any more (its migrations keep
the history of those it handed on). The module stays so that Django sends
this app ``post_migrate``, after which shop/setup.py brings the staff groups
and the Site row in line: Django skips apps without a models module."""
