"""What the PII step claims and how it is configured, without its detector.

The entity types, their placeholders, the score a finding needs, the actions and the policy are read
by code that never detects anything: the PII block's parameters (validated in every chain build, on
the driver and in every task), the tokenizer (placeholders are user-defined symbols) and the audit
views. Importing ``filters.pii`` loads Presidio (seconds per Python worker), so these live here and
``filters.pii`` and ``filters.pii_policy`` import them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

STEP: Final = "pii_v2"
ACTIONS: Final = ("redact", "mask", "drop")
#: A finding scored below this (after the Korean context step) is not PII (docs/pii.md).
MIN_SCORE: Final = 0.5

#: Placeholder tokens per entity (the tokenizer keeps them whole as user-defined symbols).
PLACEHOLDERS: Final = {
    "KR_RRN": "<|kr_rrn|>", "KR_FRN": "<|kr_frn|>", "KR_BRN": "<|kr_brn|>", "KR_CRN": "<|kr_crn|>",
    "KR_PASSPORT": "<|kr_passport|>", "KR_DRIVER_LICENSE": "<|kr_driver_license|>",
    "PHONE_NUMBER": "<|phone|>", "EMAIL_ADDRESS": "<|email|>", "IP_ADDRESS": "<|ip|>", "CREDIT_CARD": "<|card|>",
    "KR_BANK_ACCOUNT": "<|account|>",
    "KR_HEALTH_INSURANCE": "<|health_insurance|>", "KR_VEHICLE_PLATE": "<|vehicle_plate|>",
    "KR_ADDRESS": "<|address|>", "PERSON": "<|person|>",
}
ENTITIES: Final = tuple(PLACEHOLDERS)


@dataclass(frozen=True)
class PiiPolicy:
    #: (entity, action) pairs for the entities whose action is not ``default_action``.
    actions: tuple[tuple[str, str], ...] = ()
    default_action: str = "redact"
    min_score: float = MIN_SCORE
    max_pii_share: float = 0.25
    min_findings_for_density: int = 5

    def action(self, entity: str) -> str:
        return dict(self.actions).get(entity, self.default_action)
