"""The deterministic fictional-practice generator behind the demo workspace.

`generate` fills an empty workspace, one area module after another (practice and staff, patients,
appointments, calls and messages, refills, referrals and prior authorisations, then the chasing:
voicemails, contact attempts, rebooking, follow-up calls and freed slots);
`ensure_demo_workspace` opens the demo workspace of a folder, making it first if needed. Everything
is fictional: invented names and payers, 555-01XX phone numbers, example.* e-mail addresses.
"""

from vma_desk.demo.generator import DemoSummary, Progress, generate
from vma_desk.demo.workspace import (
    DEMO_PASSPHRASE,
    NotADemoError,
    create_demo_workspace,
    ensure_demo_workspace,
)

__all__ = [
    "DEMO_PASSPHRASE", "DemoSummary", "NotADemoError", "Progress", "create_demo_workspace",
    "ensure_demo_workspace", "generate",
]
