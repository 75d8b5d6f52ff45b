import pytest
from django.test import Client
from tests.i18n.pages import public_pages, readable_text, html_language
pytestmark = pytest.mark.django_db

def test_explore(bilingual_shop):
    for lang in ("nb", "en"):
        for name, path in public_pages(lang):
            r = Client().get(path)
            html = r.content.decode()
            print(lang, name, path, r.status_code, html_language(html) if r.status_code==200 else "")
    r = Client().get("/artikler/huden-under-og-etter-isotretinoin/")
    open("/tmp/i18nscratch/guide_nb.html","w").write(r.content.decode())
    open("/tmp/i18nscratch/guide_nb.txt","w").write(readable_text(r.content.decode()))
