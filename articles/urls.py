"""Article URLs; the pages themselves arrive with the articles issue."""

app_name = "articles"

urlpatterns = []
