# The task queue's app, loaded with Django so that every @shared_task binds
# to it (Celery's documented layout for Django projects).
from shop.celery import app as celery_app

__all__ = ["celery_app"]
