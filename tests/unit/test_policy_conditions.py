"""Condition operators, after AWS's "IAM JSON policy elements: Condition operators" page and
its pages on multivalued context keys, IfExists and Null."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from two_way_sms.policy import NamedPolicy, PolicyError, Request, evaluate

ROLE = "arn:aws:iam::111122223333:role/app"
TOPIC = "arn:aws:sns:us-east-1:111122223333:inbound"


def holds(condition: dict[str, Any], context: dict[str, Any] | None = None) -> bool:
    """Whether an Allow statement with ``condition`` applies to a request with ``context``."""
    statement = {"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}
    document = {"Version": "2012-10-17", "Statement": [{**statement, "Condition": condition}]}
    request = Request(ROLE, "sns:Publish", TOPIC, context or {})
    return evaluate(request, identity_policies=[NamedPolicy("policy p", document)]).allowed


def reason(condition: dict[str, Any], context: dict[str, Any] | None = None) -> str:
    statement = {"Sid": "S", "Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}
    document = {"Statement": [{**statement, "Condition": condition}]}
    request = Request(ROLE, "sns:Publish", TOPIC, context or {})
    return evaluate(request, identity_policies=[NamedPolicy("policy p", document)]).reason


class TestStringOperators:
    def test_string_equals_is_exact_and_case_sensitive(self) -> None:
        condition = {"StringEquals": {"aws:PrincipalTag/job-category": "iamuser-admin"}}
        assert holds(condition, {"aws:PrincipalTag/job-category": "iamuser-admin"})
        assert not holds(condition, {"aws:PrincipalTag/job-category": "IAMUser-Admin"})
        assert not holds(condition, {"aws:PrincipalTag/job-category": "iamuser-admin2"})

    def test_string_not_equals(self) -> None:
        condition = {"StringNotEquals": {"aws:SourceAccount": "111122223333"}}
        assert holds(condition, {"aws:SourceAccount": "444455556666"})
        assert not holds(condition, {"aws:SourceAccount": "111122223333"})

    def test_ignore_case_variants(self) -> None:
        assert holds({"StringEqualsIgnoreCase": {"k": "Example"}}, {"k": "eXAMPLE"})
        assert not holds({"StringEqualsIgnoreCase": {"k": "Example"}}, {"k": "Examples"})
        assert not holds({"StringNotEqualsIgnoreCase": {"k": "Example"}}, {"k": "EXAMPLE"})
        assert holds({"StringNotEqualsIgnoreCase": {"k": "Example"}}, {"k": "other"})

    def test_string_like_wildcards_are_case_sensitive(self) -> None:
        condition = {"StringLike": {"s3:prefix": ["home/*", "pub?ic"]}}
        assert holds(condition, {"s3:prefix": "home/alice/notes.txt"})
        assert holds(condition, {"s3:prefix": "public"})
        assert not holds(condition, {"s3:prefix": "Home/alice"})
        assert not holds(condition, {"s3:prefix": "pubic"})  # ? is exactly one character

    def test_string_like_treats_regex_characters_literally(self) -> None:
        assert holds({"StringLike": {"k": "a+b.(c)"}}, {"k": "a+b.(c)"})
        assert not holds({"StringLike": {"k": "a+b"}}, {"k": "aab"})
        assert not holds({"StringLike": {"k": "a.c"}}, {"k": "abc"})

    def test_string_not_like(self) -> None:
        condition = {"StringNotLike": {"aws:userid": "AIDA*"}}
        assert holds(condition, {"aws:userid": "AROAEXAMPLE:session"})
        assert not holds(condition, {"aws:userid": "AIDAEXAMPLE"})


class TestAbsentKeys:
    """ "If the key that you specify in a policy condition is not present in the request
    context, the values do not match and the condition is false. If the policy condition
    requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right
    key is not present, the condition is true." """

    @pytest.mark.parametrize(
        "operator",
        [
            "StringEquals",
            "StringEqualsIgnoreCase",
            "StringLike",
            "BinaryEquals",
            "ArnEquals",
            "ArnLike",
        ],
    )
    def test_plain_operators_are_false(self, operator: str) -> None:
        assert not holds({operator: {"aws:SourceArn": "arn:aws:sns:*:*:*"}})

    @pytest.mark.parametrize(
        ("operator", "value"),
        [
            ("NumericEquals", "1"),
            ("NumericLessThan", "1"),
            ("DateGreaterThan", "2020-01-01T00:00:00Z"),
            ("Bool", "true"),
            ("IpAddress", "203.0.113.0/24"),
        ],
    )
    def test_typed_plain_operators_are_false(self, operator: str, value: str) -> None:
        assert not holds({operator: {"k": value}})

    @pytest.mark.parametrize(
        ("operator", "value"),
        [
            ("StringNotEquals", "a"),
            ("StringNotEqualsIgnoreCase", "a"),
            ("StringNotLike", "a*"),
            ("ArnNotEquals", "arn:aws:sns:us-east-1:111122223333:t"),
            ("ArnNotLike", "arn:aws:sns:*:*:*"),
            ("NumericNotEquals", "1"),
            ("DateNotEquals", "2020-01-01T00:00:00Z"),
            ("NotIpAddress", "203.0.113.0/24"),
        ],
    )
    def test_negated_operators_are_true(self, operator: str, value: str) -> None:
        assert holds({operator: {"k": value}}, {"other": "x"})

    @pytest.mark.parametrize(
        ("operator", "value"),
        [
            ("StringEqualsIfExists", "a"),
            ("StringLikeIfExists", "a*"),
            ("StringNotEqualsIfExists", "a"),
            ("ArnLikeIfExists", "arn:aws:sns:*:*:*"),
            ("NumericLessThanIfExists", "1"),
            ("DateLessThanIfExists", "2020-01-01"),
            ("BoolIfExists", "true"),
            ("IpAddressIfExists", "10.0.0.0/8"),
        ],
    )
    def test_if_exists_is_true(self, operator: str, value: str) -> None:
        assert holds({operator: {"k": value}})

    def test_if_exists_checks_a_present_key(self) -> None:
        # The AWS example: instance types limited when the key is there.
        condition = {"StringLikeIfExists": {"ec2:InstanceType": ["t1.*", "t2.*", "m3.*"]}}
        assert holds(condition, {"ec2:InstanceType": "t2.micro"})
        assert not holds(condition, {"ec2:InstanceType": "r5.large"})
        assert holds(condition, {})

    def test_empty_list_counts_as_absent(self) -> None:
        assert holds({"StringEqualsIfExists": {"k": "a"}}, {"k": []})
        assert holds({"Null": {"k": "true"}}, {"k": []})


class TestKeysAndValues:
    def test_key_names_are_case_insensitive(self) -> None:
        condition = {"StringEquals": {"aws:sourceaccount": "111122223333"}}
        assert holds(condition, {"AWS:SourceAccount": "111122223333"})

    def test_values_of_one_key_are_ored(self) -> None:
        condition = {"StringEquals": {"aws:SourceAccount": ["111122223333", "444455556666"]}}
        assert holds(condition, {"aws:SourceAccount": "444455556666"})
        assert not holds(condition, {"aws:SourceAccount": "777788889999"})

    def test_values_of_a_negated_operator_are_nored(self) -> None:
        condition = {"StringNotEquals": {"aws:SourceAccount": ["111122223333", "444455556666"]}}
        assert not holds(condition, {"aws:SourceAccount": "444455556666"})
        assert holds(condition, {"aws:SourceAccount": "777788889999"})

    def test_keys_and_operators_are_anded(self) -> None:
        condition = {
            "StringEquals": {
                "aws:SourceAccount": "111122223333",
                "aws:CalledViaLast": "sns.amazonaws.com",
            },
            "ArnLike": {"aws:SourceArn": "arn:aws:sms-voice:us-east-1:111122223333:*"},
        }
        good = {
            "aws:SourceAccount": "111122223333",
            "aws:CalledViaLast": "sns.amazonaws.com",
            "aws:SourceArn": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p-1",
        }
        assert holds(condition, good)
        assert not holds(condition, {**good, "aws:CalledViaLast": "sqs.amazonaws.com"})
        assert not holds(
            condition, {**good, "aws:SourceArn": "arn:aws:sms-voice:us-west-2:111122223333:x"}
        )

    @pytest.mark.parametrize(
        "operator",
        ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIfExists"],
    )
    def test_plain_operator_on_a_multivalued_key_does_not_hold(self, operator: str) -> None:
        # "Multivalued context keys require a condition set operator": without one the
        # condition holds for no value, negated or not, even a list of one.
        for called_via in (["athena.amazonaws.com", "sns.amazonaws.com"], ["sns.amazonaws.com"]):
            assert not holds(
                {operator: {"aws:CalledVia": "sns.amazonaws.com"}}, {"aws:CalledVia": called_via}
            )
        assert holds(
            {f"ForAnyValue:{operator}": {"aws:CalledVia": "sns.amazonaws.com"}},
            {"aws:CalledVia": ["sns.amazonaws.com", "other"]},
        )

    def test_a_multivalued_key_is_explained(self) -> None:
        text = reason(
            {"StringEquals": {"aws:CalledVia": "sns.amazonaws.com"}},
            {"aws:CalledVia": ["sns.amazonaws.com"]},
        )
        assert (
            "StringEquals aws:CalledVia = sns.amazonaws.com does not hold: request has "
            "[sns.amazonaws.com] (aws:CalledVia is multivalued: only ForAnyValue: or "
            "ForAllValues: test it)"
        ) in text

    def test_policy_variables_are_substituted(self) -> None:
        # More in test_policy_variables.py.
        condition = {"StringEquals": {"aws:SourceAccount": "${aws:PrincipalAccount}"}}
        context = {"aws:SourceAccount": "111122223333", "aws:PrincipalAccount": "111122223333"}
        assert holds(condition, context)
        assert not holds(condition, {"aws:SourceAccount": "${aws:PrincipalAccount}"})

    def test_policy_values_may_be_json_numbers_and_booleans(self) -> None:
        assert holds({"NumericEquals": {"s3:max-keys": 10}}, {"s3:max-keys": 10})
        assert holds({"Bool": {"aws:SecureTransport": True}}, {"aws:SecureTransport": True})


class TestNumeric:
    def test_comparisons(self) -> None:
        assert holds({"NumericLessThanEquals": {"s3:max-keys": "10"}}, {"s3:max-keys": "10"})
        assert not holds({"NumericLessThan": {"s3:max-keys": "10"}}, {"s3:max-keys": "10"})
        assert holds({"NumericLessThan": {"s3:max-keys": "10"}}, {"s3:max-keys": "9"})
        assert holds({"NumericGreaterThan": {"k": "2.5"}}, {"k": "3"})
        assert not holds({"NumericGreaterThanEquals": {"k": "2.5"}}, {"k": "2"})
        assert holds({"NumericEquals": {"k": "1.0"}}, {"k": 1})
        assert holds({"NumericNotEquals": {"k": ["1", "2"]}}, {"k": "3"})
        assert not holds({"NumericNotEquals": {"k": ["1", "2"]}}, {"k": "2"})

    def test_request_value_that_is_not_a_number_satisfies_nothing(self) -> None:
        assert not holds({"NumericLessThan": {"k": "10"}}, {"k": "abc"})
        assert not holds({"NumericNotEquals": {"k": "10"}}, {"k": "abc"})

    def test_policy_value_that_is_not_a_number_matches_nothing(self) -> None:
        # IAM Access Analyzer reports it as a general warning ("Type mismatch number"), not an
        # error: AWS takes the policy, and the value matches no request value.
        assert not holds({"NumericLessThan": {"k": "ten"}}, {"k": "5"})
        assert holds({"NumericLessThan": {"k": ["ten", "10"]}}, {"k": "5"})
        assert holds({"NumericNotEquals": {"k": "ten"}}, {"k": "5"})
        assert not holds({"NumericNotEquals": {"k": ["ten", "5"]}}, {"k": "5"})
        text = reason({"NumericLessThan": {"k": "ten"}}, {"k": "5"})
        assert "NumericLessThan k = ten does not hold: request has 5 (ten is not a number)" in text

    @pytest.mark.parametrize(
        "text",
        ["1e3", "1E3", ".5", "5.", "+1", "1_000", "NaN", "Infinity", "0x10", " 1", "\u0661", ""],
    )
    def test_only_plain_integers_and_decimals_are_numbers(self, text: str) -> None:
        # "an integer or decimal value": 1e3 is neither, as a policy or a request value.
        assert not holds({"NumericEquals": {"k": text}}, {"k": "1000"})
        assert not holds({"NumericGreaterThan": {"k": "0"}}, {"k": text})
        assert not holds({"NumericNotEquals": {"k": "0"}}, {"k": text})

    def test_numbers_of_any_size(self) -> None:
        huge = "9" * 400
        assert holds({"NumericGreaterThan": {"k": "99999999999999"}}, {"k": huge})
        assert holds({"NumericLessThan": {"k": huge + ".5"}}, {"k": huge})
        assert holds({"NumericEquals": {"k": 10**5000}}, {"k": "1" + "0" * 5000})


class TestDate:
    def test_iso_and_epoch_values(self) -> None:
        condition = {"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}
        assert holds(condition, {"aws:TokenIssueTime": "2020-06-30T12:00:00Z"})
        assert not holds(condition, {"aws:TokenIssueTime": "2019-12-31T23:59:59Z"})
        assert holds(
            {"DateLessThan": {"aws:CurrentTime": "1577836800"}},
            {"aws:CurrentTime": "2019-12-31T23:59:59Z"},
        )
        assert holds({"DateEquals": {"k": "2020-01-01T00:00:00Z"}}, {"k": "1577836800"})

    def test_a_date_without_zone_is_utc(self) -> None:
        assert holds({"DateEquals": {"k": "2020-01-01T00:00:00"}}, {"k": "2020-01-01T00:00:00Z"})

    def test_date_not_equals(self) -> None:
        assert holds({"DateNotEquals": {"k": "2020-01-01"}}, {"k": "2020-01-02"})
        assert not holds({"DateNotEquals": {"k": "2020-01-01"}}, {"k": "2020-01-01T00:00:00Z"})

    def test_malformed_policy_date_matches_nothing(self) -> None:
        # "Type mismatch date" is a general warning of IAM Access Analyzer, not an error.
        assert not holds({"DateLessThan": {"k": "yesterday"}}, {"k": "2020-01-01"})
        assert holds({"DateNotEquals": {"k": "yesterday"}}, {"k": "2020-01-01"})
        text = reason({"DateLessThan": {"k": "yesterday"}}, {"k": "2020-01-01"})
        assert "(yesterday is not an ISO 8601 date or epoch seconds)" in text

    def test_dates_beyond_python_datetime_compare(self) -> None:
        # Epoch seconds beyond year 9999 and account IDs read as epochs are still dates.
        assert holds({"DateLessThan": {"k": "99999999999999"}}, {"k": "2020-01-01T00:00:00Z"})
        assert not holds({"DateGreaterThan": {"k": "99999999999999"}}, {"k": "444455556666"})
        assert holds(
            {"ForAnyValue:DateLessThan": {"aws:SourceAccount": "2020-01-01"}},
            {"aws:SourceAccount": ["444455556666", "1"]},
        )
        # The earliest and latest ISO dates, whose zones move them outside years 1-9999 in UTC.
        assert holds({"DateEquals": {"k": "0001-01-01T00:00:00+14:00"}}, {"k": "-62135647200"})
        assert holds({"DateLessThan": {"k": "9999-12-31T23:59:59-14:00"}}, {"k": "-1"})


class TestBoolNullBinaryIp:
    def test_bool(self) -> None:
        # The AWS example denies requests that are not sent over TLS.
        condition = {"Bool": {"aws:SecureTransport": "false"}}
        assert holds(condition, {"aws:SecureTransport": False})
        assert holds(condition, {"aws:SecureTransport": "false"})
        assert not holds(condition, {"aws:SecureTransport": True})
        assert not holds(condition, {})
        assert holds(
            {"Bool": {"aws:MultiFactorAuthPresent": "true"}}, {"aws:MultiFactorAuthPresent": "TRUE"}
        )

    def test_bool_policy_value_that_is_not_boolean_matches_nothing(self) -> None:
        # "Type mismatch Boolean" is a general warning of IAM Access Analyzer, not an error.
        assert not holds({"Bool": {"aws:SecureTransport": "yes"}}, {"aws:SecureTransport": "yes"})
        assert holds(
            {"Bool": {"aws:SecureTransport": ["yes", "true"]}}, {"aws:SecureTransport": True}
        )

    def test_null(self) -> None:
        # The AWS example: allow only when temporary credentials are not used.
        assert holds({"Null": {"aws:TokenIssueTime": "true"}}, {})
        assert not holds({"Null": {"aws:TokenIssueTime": "true"}}, {"aws:TokenIssueTime": "x"})
        assert holds({"Null": {"aws:TokenIssueTime": "false"}}, {"aws:TokenIssueTime": "x"})
        assert not holds({"Null": {"aws:TokenIssueTime": "false"}}, {})

    def test_null_on_an_empty_string(self) -> None:
        # "true (the key doesn't exist — it is null) or false (the key exists...)": a key
        # whose value is "" exists.
        assert not holds({"Null": {"aws:TokenIssueTime": "true"}}, {"aws:TokenIssueTime": ""})
        assert holds({"Null": {"aws:TokenIssueTime": "false"}}, {"aws:TokenIssueTime": ""})
        assert holds({"Null": {"aws:TokenIssueTime": "true"}}, {"aws:TokenIssueTime": []})

    def test_null_takes_no_qualifiers(self) -> None:
        with pytest.raises(PolicyError, match="Null takes neither"):
            holds({"NullIfExists": {"k": "true"}})
        with pytest.raises(PolicyError, match="Null takes neither"):
            holds({"ForAnyValue:Null": {"k": "true"}})

    def test_binary_equals(self) -> None:
        assert holds({"BinaryEquals": {"k": "QmluYXJ5VmFsdWU="}}, {"k": "QmluYXJ5VmFsdWU="})

    def test_ip_address(self) -> None:
        condition = {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}
        assert holds(condition, {"aws:SourceIp": "203.0.113.9"})
        assert holds(condition, {"aws:SourceIp": "2001:db8::1"})
        assert not holds(condition, {"aws:SourceIp": "198.51.100.1"})
        assert holds(
            {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "198.51.100.1"}
        )
        assert not holds(
            {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "not-an-ip"}
        )


class TestArnOperators:
    SOURCE = "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1234"

    def test_arn_like_matches_each_part(self) -> None:
        condition = {"ArnLike": {"aws:SourceArn": "arn:aws:sms-voice:us-east-1:111122223333:*"}}
        assert holds(condition, {"aws:SourceArn": self.SOURCE})
        assert not holds(condition, {"aws:SourceArn": self.SOURCE.replace("1111", "4444")})

    def test_arn_equals_takes_wildcards_too(self) -> None:
        condition = {
            "ArnEquals": {"aws:SourceArn": "arn:aws:sms-voice:*:111122223333:phone-number/*"}
        }
        assert holds(condition, {"aws:SourceArn": self.SOURCE})

    def test_wildcards_stay_within_their_part(self) -> None:
        assert not holds(
            {"ArnLike": {"aws:SourceArn": "arn:aws:sms-voice:*:phone-number/*"}},
            {"aws:SourceArn": self.SOURCE},
        )
        assert holds(
            {"ArnLike": {"aws:SourceArn": "arn:aws:sms-voice:us-*-1:*:*"}},
            {"aws:SourceArn": self.SOURCE},
        )

    def test_arn_comparison_is_case_sensitive(self) -> None:
        condition = {"ArnLike": {"aws:SourceArn": "arn:aws:SMS-voice:us-east-1:111122223333:*"}}
        assert not holds(condition, {"aws:SourceArn": self.SOURCE})

    def test_negated_arn_operators(self) -> None:
        condition = {"ArnNotLike": {"aws:SourceArn": "arn:aws:sms-voice:*:111122223333:*"}}
        assert not holds(condition, {"aws:SourceArn": self.SOURCE})
        assert holds(condition, {"aws:SourceArn": self.SOURCE.replace("1111", "4444")})
        assert holds(
            {"ArnNotEquals": {"aws:SourceArn": self.SOURCE}}, {"aws:SourceArn": self.SOURCE + "5"}
        )

    def test_a_request_value_that_is_not_an_arn_satisfies_neither(self) -> None:
        assert not holds({"ArnLike": {"k": "arn:*:*:*:*:*"}}, {"k": "not-an-arn"})
        assert not holds({"ArnNotLike": {"k": "arn:*:*:*:*:*"}}, {"k": "not-an-arn"})

    def test_five_part_arns(self) -> None:
        five = "arn:aws:sns:us-east-1:111122223333"
        # As a request value: no ARN, so neither the operator nor its negation holds.
        assert not holds({"ArnLike": {"k": "arn:*:*:*:*"}}, {"k": five})
        assert not holds({"ArnNotLike": {"k": "arn:*:*:*:*:*"}}, {"k": five})
        # As a pattern: it matches nothing, so the negation holds for a real ARN.
        assert not holds({"ArnEquals": {"k": five}}, {"k": five + ":t"})
        assert holds({"ArnNotEquals": {"k": five}}, {"k": five + ":t"})
        assert "(arn:aws:sns:us-east-1:111122223333 is not an ARN)" in reason(
            {"ArnEquals": {"k": five}}, {"k": five + ":t"}
        )

    def test_arn_like_star_matches_every_arn(self) -> None:
        assert holds({"ArnLike": {"k": "*"}}, {"k": self.SOURCE})
        assert not holds({"ArnLike": {"k": "*"}}, {"k": "sms-voice.amazonaws.com"})
        assert not holds({"ArnNotLike": {"k": "*"}}, {"k": self.SOURCE})


class TestSetOperators:
    """The aws:TagKeys examples of "Multivalued context keys"."""

    ALL: ClassVar = {"ForAllValues:StringEquals": {"aws:TagKeys": ["environment", "cost-center"]}}
    ANY: ClassVar = {"ForAnyValue:StringEquals": {"aws:TagKeys": ["environment", "cost-center"]}}

    def test_for_all_values(self) -> None:
        assert holds(self.ALL, {"aws:TagKeys": ["environment"]})
        assert holds(self.ALL, {"aws:TagKeys": ["environment", "cost-center"]})
        assert not holds(self.ALL, {"aws:TagKeys": ["environment", "dept"]})

    def test_for_all_values_is_true_for_an_absent_key_or_empty_set(self) -> None:
        assert holds(self.ALL, {})
        assert holds(self.ALL, {"aws:TagKeys": []})
        assert holds(self.ALL, {"aws:TagKeys": ""})

    def test_for_any_value(self) -> None:
        assert holds(self.ANY, {"aws:TagKeys": ["environment", "dept"]})
        assert holds(self.ANY, {"aws:TagKeys": "cost-center"})
        assert not holds(self.ANY, {"aws:TagKeys": ["dept"]})

    def test_for_any_value_is_false_for_an_absent_key_or_empty_set(self) -> None:
        assert not holds(self.ANY, {})
        assert not holds(self.ANY, {"aws:TagKeys": []})
        assert not holds(self.ANY, {"aws:TagKeys": ""})

    @pytest.mark.parametrize(
        "operator",
        [
            "StringEqualsIfExists",
            "StringNotEqualsIfExists",
            "NumericLessThanIfExists",
            "ArnLikeIfExists",
            "BoolIfExists",
        ],
    )
    def test_if_exists_does_not_make_an_absent_key_true_for_any_value(self, operator: str) -> None:
        # Decision (README.md): the set-operator text ("If there is no matching context key in
        # the request ... the condition returns false") and a field report of AWS denying win
        # over IfExists.
        condition = {f"ForAnyValue:{operator}": {"aws:TagKeys": "10"}}
        assert not holds(condition, {})
        assert not holds(condition, {"aws:TagKeys": []})
        assert not holds(condition, {"aws:TagKeys": ""})
        assert holds({f"ForAllValues:{operator}": {"aws:TagKeys": "10"}}, {})

    def test_if_exists_under_for_any_value_checks_a_present_key(self) -> None:
        condition = {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "environment"}}
        assert holds(condition, {"aws:TagKeys": ["dept", "environment"]})
        assert not holds(condition, {"aws:TagKeys": ["dept"]})

    def test_negated_operators_apply_per_value(self) -> None:
        any_not = {"ForAnyValue:StringNotEquals": {"aws:TagKeys": "environment"}}
        all_not = {"ForAllValues:StringNotLike": {"aws:TagKeys": "env*"}}
        assert holds(any_not, {"aws:TagKeys": ["environment", "dept"]})
        assert not holds(any_not, {"aws:TagKeys": ["environment"]})
        assert not holds(all_not, {"aws:TagKeys": ["environment", "dept"]})
        assert holds(all_not, {"aws:TagKeys": ["owner", "dept"]})
        assert holds(all_not, {})

    def test_set_operators_on_arns_and_numbers(self) -> None:
        condition = {"ForAllValues:ArnLike": {"k": "arn:aws:sns:*:111122223333:*"}}
        assert holds(
            condition,
            {"k": ["arn:aws:sns:us-east-1:111122223333:a", "arn:aws:sns:eu-west-1:111122223333:b"]},
        )
        assert not holds(
            condition,
            {"k": ["arn:aws:sns:us-east-1:111122223333:a", "arn:aws:sns:us-east-1:444455556666:b"]},
        )
        assert holds({"ForAnyValue:NumericGreaterThan": {"k": "5"}}, {"k": ["1", "7"]})
        assert not holds({"ForAllValues:NumericGreaterThan": {"k": "5"}}, {"k": ["1", "7"]})

    def test_called_via_is_multivalued(self) -> None:
        condition = {"ForAnyValue:StringEquals": {"aws:CalledVia": "sns.amazonaws.com"}}
        assert holds(condition, {"aws:CalledVia": ["athena.amazonaws.com", "sns.amazonaws.com"]})


class TestOperatorNames:
    def test_names_are_read_without_regard_to_case(self) -> None:
        assert holds({"stringequals": {"k": "a"}}, {"k": "a"})
        assert holds({"foranyvalue:StringEquals": {"k": "a"}}, {"k": ["a"]})

    def test_unknown_operator(self) -> None:
        with pytest.raises(
            PolicyError, match="statement 1 of policy p: unknown condition operator 'StringIs'"
        ):
            holds({"StringIs": {"k": "a"}})

    def test_unknown_set_operator(self) -> None:
        with pytest.raises(PolicyError, match="unknown set operator 'ForSomeValues'"):
            holds({"ForSomeValues:StringEquals": {"k": "a"}})

    @pytest.mark.parametrize(
        "condition",
        [
            {"StringEquals": "a"},
            {"StringEquals": {}},
            {"StringEquals": {"k": []}},
            {"StringEquals": {"k": [["nested"]]}},
            {"StringEquals": {"k": {"a": "b"}}},
        ],
    )
    def test_malformed_blocks(self, condition: dict[str, Any]) -> None:
        with pytest.raises(PolicyError, match="statement 1 of policy p"):
            holds(condition)


class TestExplanation:
    def test_failed_condition_names_operator_key_and_values(self) -> None:
        text = reason(
            {"StringEquals": {"aws:SourceAccount": "111122223333"}},
            {"aws:SourceAccount": "444455556666"},
        )
        assert (
            "statement 'S' matches but its condition StringEquals aws:SourceAccount = "
            "111122223333 does not hold: request has 444455556666"
        ) in text

    def test_absent_key_is_named(self) -> None:
        text = reason({"StringEquals": {"aws:SourceAccount": ["1", "2"]}})
        assert (
            "StringEquals aws:SourceAccount = [1, 2] does not hold: "
            "request has no aws:SourceAccount" in text
        )

    def test_first_failing_clause_is_named(self) -> None:
        condition = {
            "StringEquals": {"a": "1"},
            "ForAnyValue:StringLike": {"b": "x*"},
        }
        text = reason(condition, {"a": "1", "b": ["y", "z"]})
        assert "ForAnyValue:StringLike b = x* does not hold: request has [y, z]" in text
