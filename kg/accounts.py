"""Accounts and the actions users take: API tokens, follows, claims of researcher records,
open-to-collaborate, invitations and upvotes.

Rules:
- a token is shown once, at creation; only its SHA-256 is stored;
- a claim carries evidence, an ORCID iD (checksum verified) or an institutional e-mail; a record
  has at most one approved claim, and a user at most one open (pending) claim per record;
- only an admin reviews claims; only the approved claimant of a record sets its
  open-to-collaborate flag or sends invitations from it; invitations go only to claimed records;
- a user upvotes a paper at most once (a second upvote changes nothing).

Each rule is checked and written in one write transaction. A rule on a record's claims first takes
the record's write lock (`accounts/lock_researcher`), so simultaneous requests and reviews queue
on it and each sees the claims the one before it wrote; follows and upvotes are MERGEs (Neo4j locks
both ends before it creates the relationship) and an e-mail is unique by a constraint.
`tests/reliability/test_races.py` runs each rule from 20 threads at once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from kg import trust
from kg.db.graph import Graph, Transaction
from kg.errors import AlreadyExists, BadInput, Forbidden, NotFound, Unauthenticated
from kg.paging import Page, check_first, decode_cursor, pages_of_owners
from kg.vocabulary import EVIDENCE_KINDS

ADMIN = "admin"
_ORCID = re.compile(r"^(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$")
_EMAIL = re.compile(r"^[^@\s]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")
PUBLIC_MAIL_DOMAINS = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com",
                       "proton.me", "protonmail.com", "qq.com", "163.com", "aol.com", "gmx.de"}


@dataclass(frozen=True)
class User:
    id: str
    email: str
    name: str | None
    roles: tuple[str, ...]
    orcid: str | None

    @property
    def is_admin(self) -> bool:
        return ADMIN in self.roles


@dataclass(frozen=True)
class Claim:
    id: str
    researcher_id: str
    user_id: str
    status: str
    evidence_kind: str
    evidence: str
    requested_at: str


@dataclass(frozen=True)
class Invitation:
    id: str
    from_researcher_id: str
    to_researcher_id: str
    message: str
    at: str
    status: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(row: dict[str, Any]) -> User:
    return User(row["id"], row["email"], row["name"], tuple(row["roles"] or ()), row["orcid"])


def create_user(
    graph: Graph, email: str, name: str | None = None, admin: bool = False,
    orcid: str | None = None,
) -> tuple[User, str]:
    """Create an account; returns it with its API token, which is never stored or shown again."""
    if not _EMAIL.match(email):
        raise BadInput(f"not an e-mail address: {email!r}")
    if orcid is not None:
        orcid = normalise_orcid(orcid)
    token = secrets.token_urlsafe(32)
    row = graph.write(
        "accounts/create_user", id=f"U{uuid.uuid4().hex[:16]}", email=email.lower(), name=name,
        roles=[ADMIN] if admin else [], token_hash=hash_token(token), orcid=orcid,
    )[0]
    return _user(row), token


def user_for_token(graph: Graph, token: str | None) -> User | None:
    """The user a bearer token belongs to; None for no token; Unauthenticated for a wrong one."""
    if not token:
        return None
    rows = graph.read("accounts/user_by_token_hash", token_hash=hash_token(token))
    if not rows:
        raise Unauthenticated("the API token is not valid")
    return _user(rows[0])


def require_user(user: User | None) -> User:
    if user is None:
        raise Unauthenticated("this action needs an API token (Authorization: Bearer ...)")
    return user


def follow(graph: Graph, user: User | None, researcher_id: str) -> int:
    """Follow a researcher; returns their follower count."""
    rows = graph.write("accounts/follow_researcher", user_id=require_user(user).id,
                       researcher_id=researcher_id)
    if not rows:
        raise NotFound(f"no researcher {researcher_id!r}")
    return rows[0]["followers"]


def unfollow(graph: Graph, user: User | None, researcher_id: str) -> int:
    rows = graph.write("accounts/unfollow_researcher", user_id=require_user(user).id,
                       researcher_id=researcher_id)
    if not rows:
        raise NotFound(f"no researcher {researcher_id!r}")
    return rows[0]["followers"]


def normalise_orcid(value: str) -> str:
    """An ORCID iD in the bare `0000-0002-1825-0097` form, with its ISO 7064 11-2 check digit
    verified; BadInput otherwise."""
    bare = value.strip().removeprefix("https://orcid.org/").removeprefix("http://orcid.org/")
    match = _ORCID.match(bare.upper())
    if not match:
        raise BadInput(f"not an ORCID iD: {value!r}")
    digits = "".join(match.groups())
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        raise BadInput(f"ORCID iD {value!r} fails its checksum")
    return bare.upper()


def _checked_evidence(kind: str, value: str) -> str:
    if kind == "orcid":
        return normalise_orcid(value)
    if kind == "institutional_email":
        if not _EMAIL.match(value):
            raise BadInput(f"not an e-mail address: {value!r}")
        if value.rsplit("@", 1)[1].lower() in PUBLIC_MAIL_DOMAINS:
            raise BadInput("an institutional e-mail is needed, not a public mail provider")
        return value.lower()
    raise BadInput(f"evidence kind must be one of {', '.join(EVIDENCE_KINDS)}")


def request_claim(
    graph: Graph, user: User | None, researcher_id: str, evidence_kind: str, evidence: str
) -> Claim:
    user = require_user(user)
    evidence = _checked_evidence(evidence_kind, evidence)

    def work(tx: Transaction) -> Claim:
        for claim in _locked_claims(tx, researcher_id):
            if claim["status"] == "approved":
                raise AlreadyExists(f"researcher {researcher_id!r} is already claimed")
            if claim["user_id"] == user.id and claim["status"] == "pending":
                raise AlreadyExists("you already have a pending claim on this researcher")
        return Claim(**tx.run(
            "accounts/create_claim", claim_id=f"C{uuid.uuid4().hex[:16]}", user_id=user.id,
            researcher_id=researcher_id, evidence_kind=evidence_kind, evidence=evidence,
        )[0])

    return graph.write_transaction(work)


def review_claim(
    graph: Graph, user: User | None, claim_id: str, approve: bool, note: str | None = None
) -> Claim:
    """Approve or reject a pending claim (admins only)."""
    user = require_user(user)
    if not user.is_admin:
        raise Forbidden("only an admin reviews claims")

    def work(tx: Transaction) -> Claim:
        found = tx.run("accounts/claim_by_id", claim_id=claim_id)
        if not found:
            raise NotFound(f"no claim {claim_id!r}")
        claims = _locked_claims(tx, found[0]["researcher_id"])
        status = next(c["status"] for c in claims if c["id"] == claim_id)
        if status != "pending":
            raise BadInput(f"claim {claim_id!r} is already {status}")
        if approve and any(c["status"] == "approved" for c in claims):
            raise AlreadyExists("the researcher already has an approved claim")
        return Claim(**tx.run("accounts/decide_claim", claim_id=claim_id, note=note,
                              reviewer_id=user.id,
                              status="approved" if approve else "rejected")[0])

    claim = graph.write_transaction(work)
    trust.update_verification_level(graph, claim.researcher_id)
    return claim


def _locked_claims(tx: Transaction, researcher_id: str) -> list[dict[str, Any]]:
    """The claims on a researcher record, read after taking the record's write lock: until the
    transaction ends, no other transaction adds or decides a claim on it, so a rule checked on
    these claims still holds when the transaction writes."""
    if not tx.run("accounts/lock_researcher", researcher_id=researcher_id):
        raise NotFound(f"no researcher {researcher_id!r}")
    claims: list[dict[str, Any]] = tx.run(
        "accounts/claims_on_researcher", researcher_id=researcher_id)[0]["claims"]
    return claims


def _require_claimant(tx: Transaction, user: User, researcher_id: str) -> None:
    claims = _locked_claims(tx, researcher_id)
    if not any(c["user_id"] == user.id and c["status"] == "approved" for c in claims):
        raise Forbidden(f"only the approved claimant of {researcher_id!r} may do this")


def set_open_to_collaborate(
    graph: Graph, user: User | None, researcher_id: str, is_open: bool
) -> bool:
    user = require_user(user)

    def work(tx: Transaction) -> bool:
        _require_claimant(tx, user, researcher_id)
        is_now: bool = tx.run("accounts/set_open_to_collaborate", researcher_id=researcher_id,
                              open=is_open)[0]["open"]
        return is_now

    return graph.write_transaction(work)


def invite(
    graph: Graph, user: User | None, from_researcher_id: str, to_researcher_id: str, message: str
) -> Invitation:
    user = require_user(user)
    if not message.strip() or len(message) > 2000:
        raise BadInput("an invitation needs a message of 1 to 2000 characters")
    if from_researcher_id == to_researcher_id:
        raise BadInput("a researcher cannot invite themselves")

    def work(tx: Transaction) -> Invitation:
        _require_claimant(tx, user, from_researcher_id)
        target = tx.run("accounts/claims_on_researcher", researcher_id=to_researcher_id)[0]
        if not target["researcher_exists"]:
            raise NotFound(f"no researcher {to_researcher_id!r}")
        # an approval is final (only pending claims are decided), so the target's claim needs
        # no lock: once seen approved it stays approved
        if not any(c["status"] == "approved" for c in target["claims"]):
            raise Forbidden("invitations go only to claimed researchers")
        return Invitation(**tx.run(
            "accounts/create_invitation", invitation_id=f"V{uuid.uuid4().hex[:16]}",
            user_id=user.id, from_researcher_id=from_researcher_id,
            to_researcher_id=to_researcher_id, message=message,
        )[0])

    return graph.write_transaction(work)


def upvote(graph: Graph, user: User | None, paper_id: str) -> int:
    """Upvote a paper once; returns its upvotes (listing upvotes plus users' upvotes)."""
    rows = graph.write("accounts/upvote_paper", user_id=require_user(user).id, paper_id=paper_id)
    if not rows:
        raise NotFound(f"no paper {paper_id!r}")
    return rows[0]["upvotes"]


class Listing(Enum):
    """What of a person to page through, with the query and the key of its pages."""
    FOLLOWING = ("accounts/following_of_users", "user_ids")  # researchers a user follows
    UPVOTES = ("accounts/upvotes_of_users", "user_ids")  # papers a user upvoted
    FOLLOWERS = ("accounts/followers_of_researchers", "researcher_ids")  # users following one


@dataclass(frozen=True)
class Listed:
    id: str  # a researcher, paper or (for followers) user id
    name: str | None = None  # a follower's name
    since: str | None = None  # when a follower started following


def listings_of(graph: Graph, ids: list[str], first: int, after: str | None = None,
                listing: Listing = Listing.FOLLOWING) -> dict[str, Page[Listed]]:
    """One page each of who follows, or what a user follows or upvoted, newest first."""
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (str, str))
    query, key = listing.value
    rows = graph.read(query, **{key: ids}, after_key=after_key, limit=first + 1)
    return pages_of_owners(rows, ids, first, "item_id", lambda row: Listed(
        id=row["item_id"], name=row.get("name"), since=row.get("since")))


def claims_of(graph: Graph, user_ids: list[str]) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = {i: [] for i in user_ids}
    for row in graph.read("accounts/claims_of_users", user_ids=user_ids):
        found[row.pop("of_id")].append(Claim(**row))
    return found


def invitations_of(graph: Graph, user_ids: list[str]) -> dict[str, list[Invitation]]:
    found: dict[str, list[Invitation]] = {i: [] for i in user_ids}
    for row in graph.read("accounts/invitations_of_users", user_ids=user_ids):
        found[row.pop("of_id")].append(Invitation(**row))
    return found
