"""The OpenAPI schema says every answer an operation can give, errors included.

drf-spectacular documents the 200 answer; this adds, from what the view really does:
401 (a bad, expired or revoked token anywhere; no credentials where access is restricted),
403 (signed in without the right role), 404 (an object path), 400 (invalid query parameters)
and 429 (throttled).
"""

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in the request's language.")


VALIDATION_ERROR = {
    "type": "object",
    "description": "Each invalid parameter with its messages.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


class ApiAutoSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        error = self.resolve_serializer(ErrorSerializer, "response").ref
        responses = operation["responses"]

        def add(code: str, description: str, schema=error) -> None:
            responses.setdefault(
                code, {"content": {"application/json": {"schema": schema}}, "description": description}
            )

        parameters = operation.get("parameters", [])
        if any(p["in"] == "query" for p in parameters):
            add("400", "Invalid query parameters.", VALIDATION_ERROR)
        restricted = self._is_restricted()
        add(
            "401",
            "Not signed in or no valid token (restricted resource); or a token that is invalid, expired or revoked."
            if restricted
            else "A token was sent that is invalid, expired or revoked (public resource: send none).",
        )
        if restricted:
            add("403", "Signed in, but this resource is not open to your role.")
        if any(p["in"] == "path" for p in parameters):
            add("404", "No such object, or not one you may see.")
        add("429", "Too many requests: wait for the number of seconds in `Retry-After`.")
        responses["429"].setdefault("headers", {"Retry-After": {"schema": {"type": "integer"}}})
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _is_restricted(self) -> bool:
        return any(not isinstance(p, AllowAny) for p in self.view.get_permissions())
