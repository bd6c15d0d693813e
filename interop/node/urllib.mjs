// One request with urllib, for the interop suite:
//
//   node urllib.mjs URL USER PASSWORD digest|basic
//
// prints the status code on the first line and the body after it, and
// exits 0 whatever the status (the suite reads the status). An exception
// (a refused connection, a timeout) exits 1 with its message on stderr.
import { request } from "urllib";

const [url, user, password, mode] = process.argv.slice(2);
const options = { timeout: 15000, dataType: "text" };
if (mode === "digest") options.digestAuth = `${user}:${password}`;
else options.auth = `${user}:${password}`;
const res = await request(url, options);
process.stdout.write(`${res.status}\n${res.data}`);
