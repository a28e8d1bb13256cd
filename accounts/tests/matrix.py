from tests.matrix import LOGIN, Row, authenticated, isu_only, public

ROWS = [
    Row("accounts:profile", authenticated()),
    Row("accounts:delegates", isu_only()),
    Row("accounts:invite", isu_only()),
    # deactivation is POST only: GET is 405 for ISU, refused before that for others
    Row(
        "accounts:deactivate",
        {"anon": LOGIN, "delegate_a": 405, "delegate_b": 405, "member": 405, "chair": 405, "isu": 405},
        kwargs=lambda cast: {"pk": cast.delegate_a.pk},
    ),
    Row("accounts:deactivate", isu_only(ok=302), kwargs=lambda cast: {"pk": cast.delegate_b.pk}, method="post"),
    Row("accounts:accept_invite", public(), kwargs=lambda cast: {"uidb64": "MQ", "token": "bad-token"}),
]
