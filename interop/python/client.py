"""One request with Python's urllib.request, for the interop suite:

    python3 client.py URL USER PASSWORD digest|basic

prints the status code on the first line and the body after it, and exits
0 whatever the status (the suite reads the status). Any other exception
exits 1 with its traceback on stderr.
"""

import sys
import urllib.error
import urllib.request

url, user, password, mode = sys.argv[1:5]
passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
passwords.add_password(None, url, user, password)
if mode == "digest":
    handler = urllib.request.HTTPDigestAuthHandler(passwords)
else:
    handler = urllib.request.HTTPBasicAuthHandler(passwords)
# No ProxyHandler: the environment's proxy variables must not apply.
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), handler)
try:
    with opener.open(url, timeout=15) as res:
        status, body = res.status, res.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
sys.stdout.write(f"{status}\n{body.decode('utf-8', 'replace')}")
