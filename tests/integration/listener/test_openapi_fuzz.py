"""Schema-driven fuzzing of the running listener from its /openapi.json: no 5xx, no reply off the schema."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from dbsupport import SqliteTemplate
from fakes import ADMIN, FakeClock
from hypothesis import HealthCheck, given, settings
from listener_support import add_terminal, running_listener
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from timetracker_desktop.app import build_app
from timetracker_desktop.services.dto import EmployeeDraft

EXAMPLES = 40
CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance)
KEY: dict[str, str] = {}


# schemathesis.pytest.from_fixture does not work with pytest 9, so the test drives the strategies itself.
@pytest.fixture
def api_schema(sqlite_template: SqliteTemplate, tmp_path: Path) -> Iterator[schemathesis.BaseSchema]:
    """The listener's schema, loaded from the running server (requests go there)."""
    context = build_app(
        sqlite_template.fresh_url(tmp_path), clock=FakeClock(), bcrypt_rounds=4, upgrade=False
    )
    services = context.services
    terminal, KEY["key"] = add_terminal(services, "Entrance")
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль", phone_code="EMP-1A2B3C4D"))
    services.terminals.open_enrollment(ADMIN, terminal.id, 30)
    try:
        with running_listener(services) as listener:
            yield schemathesis.openapi.from_url(f"{listener.server.url}/openapi.json")
    finally:
        context.close()


def _fuzz(
    operation: schemathesis.APIOperation[Any, Any, Any, Any], mode: schemathesis.GenerationMode
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def call(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate(headers={"X-Terminal-Key": KEY["key"]}, checks=list(CHECKS))

    call()


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_no_server_errors_and_replies_follow_the_schema(
    api_schema: schemathesis.BaseSchema, mode: schemathesis.GenerationMode
) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations() if isinstance(result, Ok)]
    assert len(operations) == 5
    for operation in operations:
        if mode is schemathesis.GenerationMode.NEGATIVE and operation.method.upper() == "GET":
            continue  # /health takes no input: there is nothing to break
        _fuzz(operation, mode)
