// The http-auth server of the interop suite. It reads the JSON file that
// "interop setup" wrote (port, users, realms) and serves, on 127.0.0.1
// only, one http-auth instance per path:
//
//   /md5/       Digest, algorithm MD5, qop=auth
//   /md5-sess/  Digest, algorithm MD5-sess, qop=auth
//   /noqop/     Digest without qop (RFC 2069)
//   /post/      Digest MD5; answers with the length and SHA-256 of the body
//   /basic/     Basic
//
// and a request in absolute form (a request to a proxy) meets a Digest
// instance in proxy mode, which answers 407 with Proxy-Authenticate.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import auth from "http-auth";

const conf = JSON.parse(readFileSync(process.argv[2], "utf8"));
const md5 = (s) => createHash("md5").update(s).digest("hex");

// digestUser answers http-auth's Digest lookup with H(user:realm:password).
const digestUser = (realm, user, password) => (name, done) =>
  done(name === user ? md5(`${user}:${realm}:${password}`) : undefined);
const digest = (options) =>
  auth.digest({ realm: conf.realm, ...options }, digestUser(conf.realm, conf.user, conf.password));

const routes = {
  "/md5/": digest({}),
  "/md5-sess/": digest({ algorithm: "MD5-sess" }),
  "/noqop/": digest({ qop: "none" }),
  "/post/": digest({}),
  "/basic/": auth.basic({ realm: conf.realm }, (name, password, done) =>
    done(name === conf.user && password === conf.password)),
};
const proxy = auth.digest(
  { realm: conf.proxyRealm, proxy: true },
  digestUser(conf.proxyRealm, conf.proxyUser, conf.proxyPassword),
);

function reply(req, res, what) {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    let text = `node ${what} ok ${req.user}`;
    if (req.method === "POST") {
      text += ` ${body.length} ${createHash("sha256").update(body).digest("hex")}`;
    }
    res.setHeader("Content-Type", "text/plain");
    res.end(text + "\n");
  });
}

const server = http.createServer((req, res) => {
  if (/^[a-z]+:\/\//i.test(req.url)) {
    proxy.check((req, res) => reply(req, res, "proxy"))(req, res);
    return;
  }
  const path = Object.keys(routes).find((p) => req.url.startsWith(p));
  if (!path) {
    res.statusCode = 404;
    res.end("not found\n");
    return;
  }
  routes[path].check((req, res) => reply(req, res, path.slice(1, -1)))(req, res);
});
server.listen(conf.port, "127.0.0.1", () => console.log(`listening on 127.0.0.1:${conf.port}`));
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => server.close(() => process.exit(0)));
