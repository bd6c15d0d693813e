// One request with digest-fetch, for the interop suite:
//
//   node digest-fetch.mjs URL USER PASSWORD ALGORITHM|basic
//
// prints the status code on the first line and the body after it, and
// exits 0 whatever the status (the suite reads the status). An exception
// (a refused connection, a timeout) exits 1 with its message on stderr.
import DigestClient from "digest-fetch";

const [url, user, password, mode] = process.argv.slice(2);
const client = mode === "basic"
  ? new DigestClient(user, password, { basic: true })
  : new DigestClient(user, password, { algorithm: mode });
const res = await client.fetch(url, { signal: AbortSignal.timeout(15000) });
process.stdout.write(`${res.status}\n${await res.text()}`);
