"""Fake phone numbers, ids and ARNs (pure functions; no LocalStack imports).

Numbers are deterministic and unique: the n-th number handed out for a country (and number
type) in a LocalStack process is always the same E.164 string, counted across all accounts and
regions, so an inbound message's destination number identifies exactly one emulated number.
Where a country has a range reserved for fiction, it is used (US/CA 555-01XX first, UK Ofcom
drama numbers, Australian ACMA fictional numbers).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberPlan:
    calling_code: str
    prefix: str  # national digits before the running counter
    digits: int  # width of the running counter
    start: int = 0


# Per ISO 3166-1 alpha-2 country: where the emulator's numbers come from.
_PLANS: Mapping[str, NumberPlan] = {
    "US": NumberPlan("1", "206555", 4, start=100),  # 555-0100.. are reserved for fiction
    "CA": NumberPlan("1", "416555", 4, start=100),
    "GB": NumberPlan("44", "7700900", 3),  # Ofcom drama range 07700 900000-900999
    "AU": NumberPlan("61", "491570", 3, start=156),  # ACMA fictional mobile numbers
    "NZ": NumberPlan("64", "2155501", 3),
    "IE": NumberPlan("353", "85555", 4),
    "DE": NumberPlan("49", "15555", 6),
    "FR": NumberPlan("33", "7555", 5),
    "ES": NumberPlan("34", "6555", 5),
    "IT": NumberPlan("39", "3555", 6),
    "PT": NumberPlan("351", "9155", 5),
    "NL": NumberPlan("31", "6555", 5),
    "BE": NumberPlan("32", "4555", 5),
    "CH": NumberPlan("41", "7555", 5),
    "AT": NumberPlan("43", "6645", 6),
    "SE": NumberPlan("46", "7555", 5),
    "NO": NumberPlan("47", "455", 5),
    "DK": NumberPlan("45", "255", 5),
    "FI": NumberPlan("358", "4555", 5),
    "PL": NumberPlan("48", "555", 6),
    "BR": NumberPlan("55", "119555", 5),
    "MX": NumberPlan("52", "55555", 5),
    "AR": NumberPlan("54", "911555", 5),
    "CL": NumberPlan("56", "9555", 5),
    "CO": NumberPlan("57", "3055", 6),
    "PE": NumberPlan("51", "9555", 5),
    "IN": NumberPlan("91", "95555", 5),
    "JP": NumberPlan("81", "9055", 6),
    "KR": NumberPlan("82", "1055", 6),
    "SG": NumberPlan("65", "8555", 4),
    "HK": NumberPlan("852", "5555", 4),
    "PH": NumberPlan("63", "9555", 6),
    "ID": NumberPlan("62", "8555", 6),
    "MY": NumberPlan("60", "1255", 6),
    "TH": NumberPlan("66", "8555", 5),
    "ZA": NumberPlan("27", "7155", 5),
    "IL": NumberPlan("972", "5255", 5),
    "AE": NumberPlan("971", "5055", 5),
    "TR": NumberPlan("90", "5355", 6),
}
# Toll-free prefixes where numbering plans have them (the rest use the plan above).
_TOLL_FREE: Mapping[str, NumberPlan] = {
    "US": NumberPlan("1", "833555", 4, start=100),
    "CA": NumberPlan("1", "844555", 4, start=100),
}
# Emulated monthly prices (USD) by number type; AWS's real prices vary by country.
_PRICES: Mapping[str, str] = {
    "LONG_CODE": "1.00",
    "TEN_DLC": "1.00",
    "TOLL_FREE": "2.00",
    "SIMULATOR": "0.00",
    "SHORT_CODE": "995.00",
}


class UnsupportedCountry(ValueError):
    pass


def supported_countries() -> list[str]:
    return sorted(_PLANS)


def number_plan(iso_country_code: str, number_type: str) -> NumberPlan:
    if number_type == "TOLL_FREE" and iso_country_code in _TOLL_FREE:
        return _TOLL_FREE[iso_country_code]
    try:
        return _PLANS[iso_country_code]
    except KeyError:
        raise UnsupportedCountry(
            f"IsoCountryCode {iso_country_code} is not supported by the emulator "
            f"(supported: {', '.join(supported_countries())})"
        ) from None


def fake_phone_number(plan: NumberPlan, sequence: int) -> str:
    """The sequence-th (0-based) E.164 number of a plan."""
    value = plan.start + sequence
    if value >= 10**plan.digits:
        raise OverflowError("the emulator's numbers for this country are used up")
    return f"+{plan.calling_code}{plan.prefix}{value:0{plan.digits}d}"


def plan_key(plan: NumberPlan) -> str:
    """The counter a plan's numbers are taken from: one per calling code and prefix."""
    return f"{plan.calling_code}/{plan.prefix}"


def monthly_leasing_price(number_type: str) -> str:
    return _PRICES.get(number_type, "1.00")


def new_phone_number_id() -> str:
    return f"phone-{uuid.uuid4().hex}"
