"""The demo's service guides: three services the office names among its published
responsibilities (the About page's first source), in our own words from official pages
read on 7 December 2026, each guide's sources listed above it. No Shenyang checklist, fee,
counter, hours or telephone number was found in a public source, so those fields stay
empty. One module a guide; their forms: `portal.demo.guide_forms`.
"""

from portal.demo.guides.apec_card import APEC
from portal.demo.guides.invitation import INVITATION
from portal.demo.guides.passport import PASSPORT

# In this order on the guides page; all published.
GUIDES = (INVITATION, PASSPORT, APEC)
