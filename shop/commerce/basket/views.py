"""The basket page: Oscar's, hardened against hand-made posts."""

from oscar.apps.basket.views import BasketView as CoreBasketView


class BasketView(CoreBasketView):
    def remove_deleted_forms(self, formset):
        # Oscar copies every management field from the post when it removes a
        # line next to an invalid one; a hand-made post may leave the optional
        # ones (MIN_NUM_FORMS, MAX_NUM_FORMS) out.
        data = formset.data.copy()
        for name in formset.management_form.fields:
            data.setdefault(formset.management_form.add_prefix(name), "")
        formset.data = data
        super().remove_deleted_forms(formset)
