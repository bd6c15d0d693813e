"""The conform protocol (httpauth help conform) for Python's standard library.

    python3 adapter.py python-basic | python-digest

python-basic: urllib.request.AbstractBasicAuthHandler._parse_realm, which
the Basic handler runs on each WWW-Authenticate field line to find
(scheme, realm) pairs; the handler answers the Basic ones.

python-digest: what urllib.request.AbstractDigestAuthHandler does with the
first WWW-Authenticate line: the first word is the scheme, and for Digest
the rest goes through parse_keqv_list(filter(None, parse_http_list(rest))).
"""

import json
import sys
import urllib.request
import warnings

warnings.simplefilter("ignore")  # _parse_realm warns about unquoted realms


def python_basic(req):
    if req["field"] != "www-authenticate":
        return {"unsupported": "urllib.request reads WWW-Authenticate only"}
    h = urllib.request.AbstractBasicAuthHandler()
    chs = []
    for line in field_lines(req):
        for scheme, realm in h._parse_realm(line):
            a = {"scheme": scheme}
            if realm is not None:
                a["params"] = [["realm", realm]]
            chs.append(a)
    return {"challenges": chs}


def python_digest(req):
    if req["field"] != "www-authenticate":
        return {"unsupported": "urllib.request reads WWW-Authenticate only"}
    lines = field_lines(req)
    if not lines:
        return {"challenges": []}
    authreq = lines[0]
    words = authreq.split()
    if not words:
        return {"challenges": []}
    scheme = words[0]
    if scheme.lower() != "digest":
        return {"unsupported": "the Digest handler answers Digest only"}
    token, challenge = authreq.split(" ", 1) if " " in authreq else (authreq, "")
    chal = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge)))
    return {"challenges": [{"scheme": scheme, "params": [[k, v] for k, v in chal.items()]}]}


def field_lines(req):
    """The field lines as http.client hands them to urllib: without
    leading and trailing whitespace."""
    return [line.strip(" \t") for line in req["lines"]]


IMPLS = {"python-basic": python_basic, "python-digest": python_digest}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in IMPLS:
        sys.stderr.write("usage: adapter.py " + "|".join(IMPLS) + "\n")
        return 2
    impl = IMPLS[sys.argv[1]]
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            answer = impl(req)
        except Exception as e:  # a parser's exception is its way to reject
            answer = {"error": {"line": 0, "offset": 0, "message": "%s: %s" % (type(e).__name__, e)}}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
