#!/usr/bin/env python3
"""Provisions users and groups through SCIM one request at a time, as an identity provider does.

Usage: bench/scim-client.py BASE_URL SCIM_TOKEN [USERS] [GROUPS] [MEMBERS_PER_PATCH]

Per user, as Microsoft Entra ID does: GET /Users?filter=userName eq "..." (no match), then POST /Users.
Per group: GET /Groups?filter=displayName eq "..."&excludedAttributes=members, POST /Groups, then its
members (the users split evenly over the groups) added by PATCH, MEMBERS_PER_PATCH at a time. One keep-alive
connection, nothing in parallel. Prints the time of each phase, the total, and latency percentiles.
"""
import http.client
import json
import sys
import time
import urllib.parse

base, token = sys.argv[1], sys.argv[2]
users = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
groups = int(sys.argv[4]) if len(sys.argv) > 4 else 200
per_patch = int(sys.argv[5]) if len(sys.argv) > 5 else 10
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/scim+json",
           "Accept": "application/scim+json"}
latencies = []


def call(method, path, body=None, expect=200):
    started = time.perf_counter()
    connection.request(method, "/scim/v2" + path, None if body is None else json.dumps(body), headers)
    response = connection.getresponse()
    data = response.read()
    latencies.append(time.perf_counter() - started)
    if response.status != expect:
        sys.exit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


def find(collection, attribute, value, extra=""):
    query = urllib.parse.quote(f'{attribute} eq "{value}"')
    return call("GET", f"/{collection}?filter={query}{extra}")["totalResults"]


total_started = time.perf_counter()
ids = []
started = time.perf_counter()
for i in range(users):
    user_name = f"scim-bench-{i:05d}@demo.example"
    if find("Users", "userName", user_name) != 0:
        sys.exit(f"{user_name} exists already: start from an empty data directory")
    ids.append(call("POST", "/Users", {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "externalId": f"bench-{i:05d}", "userName": user_name, "active": True,
        "emails": [{"primary": True, "type": "work", "value": user_name}],
        "name": {"givenName": "Bench", "familyName": f"User {i}", "formatted": f"Bench User {i}"},
        "displayName": f"Bench User {i}"}, expect=201)["id"])
    if (i + 1) % 1000 == 0:
        print(f"  {i + 1} users, {time.perf_counter() - started:.1f} s", flush=True)
users_seconds = time.perf_counter() - started

started = time.perf_counter()
patches = 0
for g in range(groups):
    name = f"SCIM bench group {g:03d}"
    if find("Groups", "displayName", name, "&excludedAttributes=members") != 0:
        sys.exit(f"{name} exists already")
    group = call("POST", "/Groups", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                                     "externalId": f"bench-group-{g:03d}", "displayName": name}, expect=201)["id"]
    members = ids[g::groups]
    for start in range(0, len(members), per_patch):
        call("PATCH", f"/Groups/{group}", {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "Add", "path": "members",
                            "value": [{"value": m} for m in members[start:start + per_patch]]}]}, expect=204)
        patches += 1
groups_seconds = time.perf_counter() - started
total = time.perf_counter() - total_started

latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000
print(f"users:  {users} created (2 requests each) in {users_seconds:.1f} s")
print(f"groups: {groups} created (2 requests each) and {patches} member PATCHes in {groups_seconds:.1f} s")
print(f"TOTAL {total:.1f} s for {len(latencies)} requests ({len(latencies) / total:.0f} req/s); "
      f"latency p50 {pct(0.5):.1f} ms, p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms")
