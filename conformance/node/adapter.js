// adapter.js: the conform protocol (httpauth help conform) for npm packages
// that parse HTTP authentication fields.
//
//   node adapter.js auth-header
//
// auth-header (https://www.npmjs.com/package/auth-header) parses one
// challenge or credentials per call: parse(value) returns {scheme, token,
// params}, token a string (or an array, or null) and params an object. As
// its README says, it reads several challenges only as several field
// lines, so each line of a WWW-Authenticate field is parsed on its own.
'use strict';

const readline = require('readline');
const impls = {
  'auth-header': authHeader,
};

const name = process.argv[2];
if (!impls[name]) {
  process.stderr.write('usage: node adapter.js ' + Object.keys(impls).join('|') + '\n');
  process.exit(2);
}

// toAuth converts auth-header's result to the protocol's challenge.
function toAuth(r) {
  const a = { scheme: r.scheme };
  if (typeof r.token === 'string' && r.token !== '') {
    a.token68 = r.token;
  } else if (Array.isArray(r.token) && r.token.length > 0) {
    // Several tokens: not a token68; report them joined so that the
    // answer is not mistaken for a right one.
    a.token68 = r.token.join(' ');
  }
  const params = [];
  for (const k of Object.keys(r.params || {})) {
    const v = r.params[k];
    for (const x of Array.isArray(v) ? v : [v]) {
      params.push([k, String(x)]);
    }
  }
  if (params.length > 0) {
    a.params = params;
  }
  return a;
}

function authHeader(req) {
  const lib = require('auth-header');
  // Node's http module hands header values without leading and trailing
  // whitespace.
  req.lines = req.lines.map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''));
  switch (req.field) {
    case 'www-authenticate':
      return { challenges: req.lines.filter((l) => l.trim() !== '').map((l) => toAuth(lib.parse(l))) };
    case 'authorization':
      if (req.lines.length !== 1) {
        return { error: { line: 0, offset: 0, message: 'one line expected' } };
      }
      return { credentials: toAuth(lib.parse(req.lines[0])) };
  }
  return { unsupported: 'no parser for ' + req.field };
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  const req = JSON.parse(line);
  let answer;
  try {
    answer = impls[name](req);
  } catch (e) {
    answer = { error: { line: 0, offset: 0, message: String(e && e.message ? e.message : e) } };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
