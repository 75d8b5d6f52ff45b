"""Input the database cannot store (NUL characters) is answered 400 with a short
plain page, before any view queries with it. PostgreSQL refuses NUL in text,
so without this such requests were 500s there."""

import pytest

pytestmark = pytest.mark.django_db

BAD_REQUESTS = [
    "/en/catalogue/?q=%00",
    "/en/catalogue/?q=cream%00",
    "/en/catalogue/?%00=1",
    "/produkter/?q=cream%00",
    "/en/pages/%00/",
    "/en/articles/%00/",
    "/en/accounts/order-status-form/1/%00/",
    "/en/basket/?page=%00",
]


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_a_nul_character_in_the_path_or_query_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "could not be read" in response.content.decode()


def test_a_nul_character_in_a_cookie_is_a_400(client):
    # A quoted cookie value may carry octal escapes, which Django decodes.
    nul_session_key = '"' + "\\000" * 8 + '"'
    response = client.get("/en/basket/", HTTP_COOKIE=f"sessionid={nul_session_key}")
    assert response.status_code == 400


def test_ordinary_searches_and_pages_still_work(client):
    assert client.get("/en/catalogue/?q=cream").status_code == 200
    assert client.get("/en/catalogue/?q=100%25+natural").status_code == 200
    assert client.get("/produkter/?q=100%25+naturlig").status_code == 200
    assert client.get("/en/pages/no-such-page/").status_code == 404
