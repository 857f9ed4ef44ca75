"""Small helpers for driving the tenant API in tests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ADA = {
    "audio_conferencing": True,
    "phone_system": True,
    "calling_plan": "domestic",
    "communications_credits": True,
}


class Tenant:
    def __init__(self, client: TestClient, **fields: Any) -> None:
        body = {
            "name": "Contoso",
            "country": "US",
            "currency": "USD",
            "start": "2026-01-10T09:00:00Z",
            "admin_email": "billing@contoso.example",
            **fields,
        }
        response = client.post("/api/v1/tenants", json=body)
        assert response.status_code == 201, response.text
        self.client = client
        self.id = response.json()["tenant"]["id"]
        self.key = response.json()["api_key"]
        self.headers = {"Authorization": f"Bearer {self.key}"}
        self.created = response

    def url(self, path: str = "") -> str:
        return f"/api/v1/tenants/{self.id}{path}"

    def post(self, path: str, json: Any = None, **headers: str) -> Any:
        return self.client.post(self.url(path), json=json, headers={**self.headers, **headers})

    def put(self, path: str, json: Any = None, **headers: str) -> Any:
        return self.client.put(self.url(path), json=json, headers={**self.headers, **headers})

    def get(self, path: str = "", **params: Any) -> Any:
        return self.client.get(self.url(path), params=params, headers=self.headers)

    def state(self) -> dict[str, Any]:
        response = self.get()
        assert response.status_code == 200, response.text
        return response.json()

    def ok(self, method: str, path: str, json: Any = None) -> dict[str, Any]:
        response = getattr(self, method)(path, json)
        assert response.status_code in (200, 201), response.text
        return response.json()

    def setup_user(self, user_id: str = "ada", licenses: dict[str, Any] | None = None) -> None:
        self.ok("post", "/users", {"user_id": user_id, "licenses": licenses or ADA})

    def card(self, month: int = 12, year: int = 2027) -> None:
        self.ok("put", "/payment-card", {"last4": "4242", "exp_month": month, "exp_year": year})

    def fund(self, amount: str) -> dict[str, Any]:
        return self.ok("post", "/funds", {"amount": amount})

    def call(
        self,
        seconds: int,
        destination: str = "GB",
        number_type: str = "mobile",
        kind: str = "user_outbound_international",
        user: str = "ada",
    ) -> Any:
        return self.post(
            "/calls",
            {
                "user_id": user,
                "kind": kind,
                "destination": destination,
                "number_type": number_type,
                "duration_seconds": seconds,
            },
        )

    def ledger_types(self) -> list[str]:
        return [e["type"] for e in self.get("/ledger", limit=500).json()["entries"]]

    def outbox(self) -> list[str]:
        return [n["kind"] for n in self.get("/notifications").json()["notifications"]][::-1]
