"""Reading policy documents: accepted shapes, and PolicyError messages that say what and where."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from two_way_sms.policy import NamedPolicy, PolicyError, Request, evaluate

ROLE = "arn:aws:iam::111122223333:role/app"
TOPIC = "arn:aws:sns:us-east-1:111122223333:inbound"
ALLOW_PUBLISH = {"Effect": "Allow", "Action": "sns:Publish", "Resource": TOPIC}


def identity(document: Any, name: str = "inline policy x of role/app") -> bool:
    request = Request(ROLE, "sns:Publish", TOPIC)
    return evaluate(request, identity_policies=[NamedPolicy(name, document)]).allowed


def resource(document: Any, name: str = "key policy of key/x") -> bool:
    request = Request(ROLE, "sns:Publish", TOPIC)
    return evaluate(request, resource_policy=NamedPolicy(name, document)).allowed


class TestAcceptedShapes:
    def test_statement_may_be_an_object(self) -> None:
        assert identity({"Version": "2012-10-17", "Statement": ALLOW_PUBLISH})

    def test_statement_may_be_a_list(self) -> None:
        assert identity({"Version": "2012-10-17", "Statement": [ALLOW_PUBLISH]})

    def test_document_may_be_json_text(self) -> None:
        assert identity(json.dumps({"Version": "2012-10-17", "Statement": [ALLOW_PUBLISH]}))

    def test_json_text_read_again_keeps_each_name_and_error(self) -> None:
        # A policy text is parsed once and kept: the name stays part of what is kept, and a
        # malformed text fails every time.
        text = json.dumps({"Version": "2012-10-17", "Statement": [{**ALLOW_PUBLISH, "Sid": "S"}]})
        for name in ("inline policy a of role/app", "inline policy b of role/app"):
            request = Request(ROLE, "sns:Publish", TOPIC)
            decision = evaluate(request, identity_policies=[NamedPolicy(name, text)])
            assert decision.deciding == (f"statement 'S' of {name}",)
        for _ in range(2):
            with pytest.raises(PolicyError, match="Effect must be Allow or Deny"):
                identity(json.dumps({"Statement": [{**ALLOW_PUBLISH, "Effect": "Maybe"}]}))

    def test_elements_may_be_single_strings_or_lists(self) -> None:
        statement = {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage", "sns:Publish"],
            "Resource": ["arn:aws:sns:*:*:other", TOPIC],
        }
        assert identity({"Statement": [statement]})

    def test_version_and_id_are_optional(self) -> None:
        assert identity({"Statement": [ALLOW_PUBLISH]})
        assert identity({"Version": "2008-10-17", "Id": "p1", "Statement": [ALLOW_PUBLISH]})

    def test_resource_policy_statement_may_omit_resource(self) -> None:
        statement = {"Effect": "Allow", "Principal": {"AWS": ROLE}, "Action": "sns:Publish"}
        assert resource({"Statement": [statement]})

    def test_empty_statement_list_allows_nothing(self) -> None:
        assert not identity({"Statement": []})


def _error(call: Any, document: Any) -> str:
    with pytest.raises(PolicyError) as caught:
        call(document)
    return str(caught.value)


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ({**ALLOW_PUBLISH, "Effect": "allow"}, "Effect must be Allow or Deny"),
        ({"Action": "sns:Publish", "Resource": "*"}, "Effect must be Allow or Deny"),
        ({"Effect": "Allow", "Resource": "*"}, "needs Action or NotAction"),
        ({**ALLOW_PUBLISH, "NotAction": "sns:Delete*"}, "has both Action and NotAction"),
        ({"Effect": "Allow", "Action": "sns:Publish"}, "needs Resource or NotResource"),
        ({**ALLOW_PUBLISH, "NotResource": "*"}, "has both Resource and NotResource"),
        ({**ALLOW_PUBLISH, "Action": "Publish"}, "Action 'Publish' is not service:action"),
        ({**ALLOW_PUBLISH, "Action": []}, "Action must be a non-empty string or list of strings"),
        ({**ALLOW_PUBLISH, "Resource": 5}, "Resource must be a non-empty string"),
        (
            {**ALLOW_PUBLISH, "Principal": "*"},
            "Principal is not allowed in an identity-based policy",
        ),
        ({**ALLOW_PUBLISH, "Sid": 3}, "Sid must be a string"),
        ({**ALLOW_PUBLISH, "Effects": "Allow"}, "unknown element 'Effects'"),
        ({**ALLOW_PUBLISH, "Condition": ["x"]}, "Condition must be an object"),
    ],
)
def test_identity_statement_errors(statement: dict[str, Any], message: str) -> None:
    document = {"Statement": [ALLOW_PUBLISH, statement]}
    text = _error(identity, document)
    assert text.startswith("statement 2 of inline policy x of role/app: ")
    assert message in text


def test_the_documented_example_message() -> None:
    document = {
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "kms:*"},
            {"Effect": "Permit", "Principal": "*", "Action": "kms:*"},
        ]
    }
    assert _error(resource, document) == (
        "statement 2 of key policy of key/x: Effect must be Allow or Deny"
    )


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ({"Effect": "Allow", "Action": "kms:*"}, "needs Principal"),
        (
            {
                "Effect": "Allow",
                "Principal": {"AWS": "*"},
                "NotPrincipal": {"AWS": "1"},
                "Action": "kms:*",
            },
            "has both Principal and NotPrincipal",
        ),
        (
            {"Effect": "Allow", "NotPrincipal": {"AWS": ROLE}, "Action": "kms:*"},
            "NotPrincipal can only be used with Effect Deny",
        ),
        (
            {"Effect": "Allow", "Principal": "everyone", "Action": "kms:*"},
            'must be "*" or an object',
        ),
        (
            {"Effect": "Allow", "Principal": {"IAM": ROLE}, "Action": "kms:*"},
            "unknown principal type 'IAM'",
        ),
        (
            {"Effect": "Allow", "Principal": {"AWS": [ROLE, 7]}, "Action": "kms:*"},
            "Principal.AWS: principal values must be non-empty strings",
        ),
    ],
)
def test_resource_statement_errors(statement: dict[str, Any], message: str) -> None:
    text = _error(resource, {"Statement": statement})
    assert text.startswith("statement 1 of key policy of key/x: ")
    assert message in text


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "inline policy x of role/app: not valid JSON"),
        ("[]", "inline policy x of role/app: a policy document must be a JSON object"),
        ({"Version": "2012-10-17"}, "inline policy x of role/app: has no Statement"),
        ({"Version": "2020-01-01", "Statement": []}, "Version must be one of 2012-10-17"),
        ({"Statement": "x"}, "Statement must be an object or a list of objects"),
        ({"Statement": ["x"]}, "statement 1 of inline policy x of role/app: a statement must be"),
        ({"Statement": [], "Principal": "*"}, "unknown top-level element 'Principal'"),
    ],
)
def test_document_errors(document: Any, message: str) -> None:
    assert message in _error(identity, document)


def test_every_policy_is_validated_even_when_an_earlier_one_decides() -> None:
    deny_all = NamedPolicy(
        "deny", {"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}
    )
    broken = NamedPolicy("broken", {"Statement": {"Effect": "Allow"}})
    with pytest.raises(PolicyError, match=re.escape("statement 1 of broken: needs Action")):
        evaluate(Request(ROLE, "sns:Publish", TOPIC), identity_policies=[deny_all, broken])


def test_policy_error_is_a_value_error() -> None:
    assert issubclass(PolicyError, ValueError)
