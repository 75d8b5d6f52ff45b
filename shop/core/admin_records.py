"""Admin for records the shop writes and nobody edits afterwards (orders'
parts, withdrawals, money documents, the price history): shown, never added,
changed or deleted, whoever asks; viewing still needs the view permission."""


class RecordAdminMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
