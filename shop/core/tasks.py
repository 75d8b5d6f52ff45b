"""Picture renditions, made by the worker after an upload commits rather
than in staff's save request (renditions.py makes them)."""

from celery import shared_task
from django.apps import apps

from shop.core import jobs
from shop.core import renditions as images


def after_upload(instance, field_name, *, only_if_missing=False):
    """Have the renditions of ``instance``'s picture made once its save
    commits; ``only_if_missing`` when the picture is the one it had, to
    replace renditions that were lost. With the broker down they are made
    here and now, since no sweep would ever look for them."""
    file = getattr(instance, field_name)
    if not file:
        return
    jobs.after_commit(
        make_renditions,
        instance._meta.label,
        instance.pk,
        field_name,
        file.name,
        only_if_missing,
        if_unqueued=jobs.IfUnqueued.HERE,
    )


@shared_task
def make_renditions(model_label, pk, field_name, name, only_if_missing=False):
    instance = apps.get_model(model_label)._default_manager.filter(pk=pk).first()
    file = getattr(instance, field_name, None)
    # Deleted, or replaced by a later upload whose own task renders it.
    if not file or file.name != name:
        return "outdated"
    if only_if_missing and not images.renditions_missing(file):
        return "present"
    images.make_renditions(file)
    return "made"
