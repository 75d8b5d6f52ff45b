"""POST data a browser would send back for a form page as it was rendered.

Tests that change one field of a big admin or dashboard form start from what
the page showed (every field, inline and formset, with its management form)
and then change only what they mean to.
"""

from django import forms


def form_data(*forms_or_formsets):
    """The values of the forms and formsets as their widgets would post them."""
    data = {}
    for item in forms_or_formsets:
        if isinstance(item, forms.BaseFormSet):
            # Blank extra rows are left out, as if the browser sent them empty.
            data.update(_values(item.management_form))
            data[f"{item.prefix}-TOTAL_FORMS"] = item.initial_form_count()
            for form in item.initial_forms:
                data.update(_values(form))
        else:
            data.update(_values(item))
    return data


def admin_form_data(response):
    """The admin change form on the page and all its inlines."""
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return form_data(response.context["adminform"].form, *formsets)


def _values(form):
    values = {}
    for bound in form:
        widget = bound.field.widget
        value = bound.value()
        if isinstance(widget, forms.CheckboxInput):
            if widget.check_test(value):
                values[bound.html_name] = "on"
        elif isinstance(widget, forms.ClearableFileInput) or value is None:
            continue
        elif isinstance(value, list | tuple):
            values[bound.html_name] = [str(v) for v in value]
        else:
            formatted = widget.format_value(value)
            values[bound.html_name] = "" if formatted is None else formatted
    return values
