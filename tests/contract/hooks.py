"""Schemathesis hooks for `cargo xtask test` (loaded through SCHEMATHESIS_HOOKS).

One rule of the API cannot be said in OpenAPI: an Idempotency-Key names one form, so the same
key sent again with another form is refused (422 idempotency_key_reused, documented). The
generator draws keys from the header's pattern and repeats the simplest ones
("0000000000000000") across different bodies, which would turn every later valid form into
that 422. So a key the document calls valid is replaced, just before the call, by a fresh
valid one (a counter: deterministic, and the instance's database is new for each run). Keys
the document calls invalid are sent as generated, so the 400 is still tested. The replay
semantics (same key, same form: 200) are tested natively in endpoint/tests/interest.rs.
"""

import itertools
import re

import schemathesis

KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
COUNTER = itertools.count(1)


@schemathesis.hook
def before_call(ctx, case, kwargs):
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and KEY.fullmatch(value):
            headers[name] = f"contract-{next(COUNTER):016d}"
