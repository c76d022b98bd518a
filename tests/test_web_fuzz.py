"""Fuzzing the app over its OpenAPI schema, in-process (ASGI). No response may be a 5xx
and every one must carry the security headers.

- Schemathesis: requests that fit the schema (positive) and requests that break it
  (negative: wrong types, out-of-range numbers, missing or extra parts) for every
  operation, each GET also sent to its HTML twin (``/api/stories`` -> ``/``,
  ``/api/stories/{id}`` -> ``/stories/{id}``...).
- Raw values: every parameter the schema names, for every GET operation and its twin,
  given any text at all (control characters, NUL, lone surrogates' UTF-8 escapes, huge
  numbers), which schema-shaped generation reaches only rarely.

Run size: at most ``EXAMPLES`` cases per operation and mode, derandomised (the same cases
every run, so the suite stays reproducible); the counts are printed (``pytest -s``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.model import Article, article_id
from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from tests.conftest import BODY

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

# Cases per operation and mode: 5 operations x 2 modes x 40 = at most 400 API requests
# (and as many HTML twins), about 10 s on 2 cores.
EXAMPLES = 40
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    with Store(db) as store:
        store.add_articles([Article(article_id("Tessel Post", BODY), "pier.txt", BODY)])
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    yield create_app(db, options)


def _twin(path: str) -> str | None:
    """The HTML page showing what ``path`` (an API path) returns, if any."""
    if not path.startswith("/api/"):
        return None
    return path.removeprefix("/api") if path != "/api/stories" else "/"


def _check(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code} {response.text[:300]}"
    for header in SECURITY_HEADERS:
        assert response.headers.get(header), f"{what}: no {header}"


def _fuzz(operation: Any, mode: str, client: TestClient, ran: Counter[str]) -> None:
    """Send ``EXAMPLES`` generated requests for one operation, and each GET's HTML twin."""
    name = f"{operation.method.upper()} {operation.path}"
    twin = _twin(operation.path) if operation.method.upper() == "GET" else None

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
    def run(case: Any) -> None:
        ran[name] += 1
        sent = f"{name} {case.path_parameters} {case.query}"
        _check(case.call(), sent)
        if twin is not None:
            ids = {k: quote(str(v), safe="") for k, v in (case.path_parameters or {}).items()}
            _check(client.get(twin.format(**ids), params=case.query), "page " + sent)

    run()


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_generated_request_gets_a_5xx_or_loses_the_headers(app: Any, mode: str) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    ran: Counter[str] = Counter()
    with TestClient(app) as client:
        for operation in operations:
            if mode == "negative" and not operation.definition.raw.get("parameters"):
                continue  # nothing in the schema to break
            _fuzz(operation, mode, client, ran)
    print(f"schemathesis {mode}: {sum(ran.values())} cases, {dict(ran)}")
    assert ran["GET /api/stories"] >= EXAMPLES // 2
    assert all(count > 0 for count in ran.values())


# Any value a URL can carry, weighted toward what broke the app before: control
# characters (NUL first), huge and negative numbers, and search-syntax characters.
RAW_VALUES = st.one_of(
    st.text(st.sampled_from('\x00\x01\x1b\x7f\x85\u2028\ufffd a"*%/.-('), min_size=1, max_size=8),
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def _raw_fuzz(client: TestClient, path: str, names: dict[str, str], ran: Counter[str]) -> None:
    """Send ``EXAMPLES`` requests to ``path`` and its twin with any values for ``names``
    (parameter name -> ``path`` or ``query``)."""
    twin = _twin(path)
    # One parameter at a time, so that a bad value is not masked by another's 422.
    strategy = st.sampled_from(sorted(names)).flatmap(
        lambda name: st.fixed_dictionaries({name: RAW_VALUES})
    )

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(values=strategy)
    def run(values: dict[str, str]) -> None:
        ran[path] += 1
        ids = {
            k: quote(values.get(k, "x"), safe="") for k, where in names.items() if where == "path"
        }
        query = {k: v for k, v in values.items() if names[k] == "query"}
        for target in (path, twin):
            if target is not None:
                _check(client.get(target.format(**ids), params=query), f"{target} {values!r}")

    run()


def test_raw_parameter_values_never_get_a_5xx(app: Any) -> None:
    ran: Counter[str] = Counter()
    with TestClient(app) as client:
        paths = client.get("/openapi.json").json()["paths"]
        for path, methods in paths.items():
            if "get" in methods:
                params = methods["get"].get("parameters", [])
                _raw_fuzz(client, path, {p["name"]: p["in"] for p in params}, ran)
    print(f"raw parameter values: {sum(ran.values())} cases, {dict(ran)}")
    assert len(ran) >= 4
