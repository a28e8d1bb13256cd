from tests.matrix import Row, authenticated, everyone, isu_only, public

# Django's own authentication pages.
AUTH = [
    Row("login", public()),
    Row("password_reset", public()),
    Row("password_reset_done", public()),
    Row("password_reset_complete", public()),
    Row("password_reset_confirm", public(), kwargs=lambda cast: {"uidb64": "MQ", "token": "set-password"}),
    Row("password_change", authenticated()),
    Row("password_change_done", authenticated()),
    Row("two_factor_setup", isu_only(chair=200)),
    Row("two_factor_verify", authenticated()),
    # logout answers POST only; GET is refused for everyone
    Row("logout", everyone(405)),
]

ROWS = [
    Row("home", public(member=302, chair=302, isu=302)),
    Row("healthz", public()),
    Row("api-schema", public()),
    Row("api-docs", public()),
    Row("api-root", public()),
    *AUTH,
]
