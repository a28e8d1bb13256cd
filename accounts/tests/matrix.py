from tests.matrix import LOGIN, Row, authenticated, everyone, isu_only, public


def _token_of_delegate_a(cast) -> dict:
    from accounts.services import api_token_create

    token, _secret = api_token_create(user=cast.delegate_a, name="State A's script", days=30)
    return {"pk": token.pk}


POST_ONLY = everyone(405, anon=LOGIN)

ROWS = [
    Row("accounts:profile", authenticated()),
    Row("accounts:delegates", isu_only()),
    Row("accounts:invite", isu_only()),
    # deactivation is POST only: GET is 405 for ISU, refused before that for others
    Row("accounts:deactivate", POST_ONLY, kwargs=lambda cast: {"pk": cast.delegate_a.pk}),
    Row("accounts:deactivate", isu_only(ok=302), kwargs=lambda cast: {"pk": cast.delegate_b.pk}, method="post"),
    Row("accounts:accept_invite", public(), kwargs=lambda cast: {"uidb64": "MQ", "token": "bad-token"}),
    # API tokens: everyone makes their own; only the owner revokes it here (anyone else: 404)...
    Row("accounts:api_token_create", authenticated()),
    Row(
        "accounts:api_token_created",
        everyone(404, anon=LOGIN, delegate_a=200),
        kwargs=_token_of_delegate_a,
    ),
    Row("accounts:api_token_revoke", POST_ONLY, kwargs=_token_of_delegate_a),
    Row(
        "accounts:api_token_revoke",
        everyone(404, anon=LOGIN, delegate_a=302),
        kwargs=_token_of_delegate_a,
        method="post",
    ),
    # ...and the ISU lists and revokes anyone's.
    Row("accounts:api_tokens", isu_only()),
    Row("accounts:api_tokens", isu_only(), query="?status=all"),
    Row("accounts:api_token_revoke_any", POST_ONLY, kwargs=_token_of_delegate_a),
    Row("accounts:api_token_revoke_any", isu_only(ok=302), kwargs=_token_of_delegate_a, method="post"),
]
