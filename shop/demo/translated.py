"""The demo texts in both languages, as the translated columns want them.

Each demo record holds its English texts under the field names and its
Bokmål ones in an "nb" dict with the same keys (catalogue_content.py,
article_content.py)."""


def texts(data, *names, lines=()):
    """``{"<name>_en": …, "<name>_nb": …}`` for each of ``names``; those in
    ``lines`` are lists in the data and one text per line in the database."""
    bokmaal = data.get("nb", {})
    values = {}
    for name in names:
        english, norwegian = data[name], bokmaal.get(name, "")
        if name in lines:
            english, norwegian = "\n".join(english), "\n".join(norwegian)
        values[f"{name}_en"] = english
        values[f"{name}_nb"] = norwegian or None
    return values


def sync(model, key, values):
    """Like update_or_create, but saves only when a value differs, so a
    second load changes nothing (not even an "updated" time)."""
    instance = model.objects.filter(**key).first()
    if instance is None:
        return model.objects.create(**{**values, **key}), True
    changed = [
        name for name, value in values.items() if getattr(instance, name) != value
    ]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save()
    return instance, False
