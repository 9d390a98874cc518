#!/usr/bin/env node
// Local Cosmos DB-compatible server for CosmosDesk tests and the sandbox.
//
//   node server.js [--port 0] [--host 127.0.0.1] [--key BASE64] [--no-auth] [--detached]
//
// Serves @vercel/cosmosdb-server (patched, see patches/) over HTTPS with the package's
// self-signed certificate, as the emulator does. Prints one line once listening:
//   cosmosdb-server listening on https://HOST:PORT
// Master-key signatures are verified against --key (default: the emulator's well-known key), so a
// wrong key answers 401 as the real service does; Entra ID (type=aad) tokens are accepted as they are.
// --no-auth turns the check off. Exits when stdin closes (so it dies with the process that started it; --detached
// turns that off for manual use) or on SIGTERM/SIGINT.
//
// Routes of our own, answered before the Cosmos router:
//   POST   /_cosmosdesk/faults    {"mode":"429"|"503"|"drop"|"timeout"|"applyThenDrop"|"applyThenHold","count":N,
//                                  "retryAfterMs":100,"methods":["POST"],"pathContains":"/docs"}
//                                  -> next N matching requests fail;
//                                  applyThenDrop handles the request (a write is applied) and then drops the
//                                  connection instead of answering: the lost answer journals exist for;
//                                  applyThenHold handles it and keeps the answer (the connection stays open, as a
//                                  slow network would), so a test can kill the client between a write applied and
//                                  its answer; the request log shows the held answer's status once applied
//   GET    /_cosmosdesk/faults    active fault rules
//   DELETE /_cosmosdesk/faults    clears them
//   GET    /_cosmosdesk/requests  last 200 Cosmos requests (method, path, status, authType, some x-ms headers)
//   DELETE /_cosmosdesk/requests  clears the log
//   POST   /_cosmosdesk/reset     drops every database (and its throughput)
//   PUT    /_cosmosdesk/all-versions {"enabled":false} -> the change feed's all-versions-and-deletes mode is refused
//                                  with 400, as by an account without continuous backup ({"enabled":true} serves it)
//   GET    /_cosmosdesk/cursors   query cursors: live count, cap, idle time and hits/misses since start; repeats:
//                                  hits answered with a page as cut before (the SDK reads a page ahead, then asks again)
//   DELETE /_cosmosdesk/cursors   drops every live cursor (their continuations then run the query again)
"use strict";

const { createHttpsServer } = require("@vercel/cosmosdb-server");
const { checkAuthorization, parseAuthorization } = require("./auth");
const { cursors } = require("@vercel/cosmosdb-server/lib/account/query-cursors");
const { allVersions } = require("@vercel/cosmosdb-server/lib/account/_change-log");

const EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

const CONTROL_PREFIX = "/_cosmosdesk/";
const REQUEST_LOG_SIZE = 200;
const FAULT_MODES = new Set(["429", "503", "drop", "timeout", "applyThenDrop", "applyThenHold"]);
const APPLIED_FIRST = new Set(["applyThenDrop", "applyThenHold"]);
// for debugging a client: COSMOS_SERVER_LOG_ALL_HEADERS=1 logs every header but authorization
const LOG_ALL_HEADERS = Boolean(process.env.COSMOS_SERVER_LOG_ALL_HEADERS);
// headers worth seeing in the request log; never authorization itself
const LOGGED_HEADERS = [
  "x-ms-documentdb-partitionkey",
  "x-ms-documentdb-partitionkeyrangeid",
  "x-ms-start-epk",
  "x-ms-end-epk",
  "x-ms-effective-partition-key",
  "x-ms-documentdb-isquery",
  "x-ms-cosmos-is-query-plan-request",
  "x-ms-documentdb-query-enablecrosspartition",
  "x-ms-documentdb-is-upsert",
  "x-ms-cosmos-is-batch-request",
  "x-ms-cosmos-batch-atomic",
  "x-ms-max-item-count",
  "x-ms-continuation",
  "x-ms-consistency-level",
  "x-ms-session-token",
  "x-ms-offer-throughput",
  "x-ms-cosmos-offer-autopilot-settings",
  "a-im",
  "if-match",
  "if-none-match",
  "x-ms-version",
  "x-ms-activity-id",
];

function parseArgs(argv) {
  const args = { port: 0, host: "127.0.0.1", detached: false, key: EMULATOR_KEY, auth: true };
  for (let i = 0; i < argv.length; i += 1) {
    switch (argv[i]) {
      case "--port":
      case "-p":
        args.port = parseInt(argv[++i], 10);
        break;
      case "--host":
        args.host = argv[++i];
        break;
      case "--detached":
        args.detached = true;
        break;
      case "--key":
        args.key = argv[++i];
        break;
      case "--no-auth":
        args.auth = false;
        break;
      default:
        process.stderr.write(`unknown argument: ${argv[i]}\n`);
        process.exit(2);
    }
  }
  return args;
}

/** "master", "aad" or "resource" from the authorization header; never the signature. */
function authTypeOf(req) {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) return null;
  return auth.type ? auth.type.toLowerCase() : "unknown";
}

function sendJson(res, status, body, headers = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on("error", reject);
  });
}

class FaultSwitch {
  constructor() {
    this.rules = [];
    this.hanging = new Set();
  }

  add(spec) {
    const mode = String(spec.mode);
    if (!FAULT_MODES.has(mode)) {
      throw new Error(`mode must be one of ${[...FAULT_MODES].join(", ")}`);
    }
    const count = spec.count === undefined ? 1 : Number(spec.count);
    if (!Number.isInteger(count) || count < 1) throw new Error("count must be a positive integer");
    this.rules.push({
      mode,
      remaining: count,
      retryAfterMs: spec.retryAfterMs === undefined ? 100 : Number(spec.retryAfterMs),
      methods: Array.isArray(spec.methods) ? spec.methods.map((m) => String(m).toUpperCase()) : null,
      pathContains: spec.pathContains ? String(spec.pathContains) : null,
    });
  }

  clear() {
    this.rules = [];
  }

  /** Consumes and returns the first rule matching the request, if any. */
  take(req, path) {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (!r.methods || r.methods.includes(req.method)) &&
        (!r.pathContains || path.includes(r.pathContains)),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }

  apply(rule, req, res) {
    req.resume();
    const common = { "x-ms-activity-id": require("crypto").randomUUID(), "x-ms-request-charge": "0" };
    switch (rule.mode) {
      case "429":
        sendJson(
          res,
          429,
          {
            code: "429",
            message: "Message: {\"Errors\":[\"Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later.\"]}",
          },
          { ...common, "x-ms-retry-after-ms": String(rule.retryAfterMs), "x-ms-substatus": "3200" },
        );
        break;
      case "503":
        sendJson(
          res,
          503,
          { code: "ServiceUnavailable", message: "Service is currently unavailable (injected fault)." },
          common,
        );
        break;
      case "drop":
        req.socket.destroy();
        break;
      default: // timeout: never answer; the socket goes when the client gives up or we stop
        this.hanging.add(res);
        res.on("close", () => this.hanging.delete(res));
        break;
    }
  }

  releaseHanging() {
    this.hanging.forEach((res) => res.socket && res.socket.destroy());
    this.hanging.clear();
  }

  describe() {
    return this.rules.map((r) => ({ ...r }));
  }
}

class RequestLog {
  constructor(size) {
    this.size = size;
    this.entries = [];
  }

  record(req, path, res) {
    const headers = {};
    if (LOG_ALL_HEADERS) {
      Object.keys(req.headers)
        .filter((h) => h !== "authorization")
        .forEach((h) => {
          headers[h] = req.headers[h];
        });
    }
    LOGGED_HEADERS.forEach((h) => {
      if (req.headers[h] !== undefined) headers[h] = req.headers[h];
    });
    const entry = {
      time: new Date().toISOString(),
      method: req.method,
      path,
      authType: authTypeOf(req),
      headers,
      status: null,
      fault: null,
    };
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.shift();
    res.on("finish", () => {
      entry.status = res.statusCode;
    });
    return entry;
  }

  clear() {
    this.entries = [];
  }
}

/**
 * The request is handled as usual (a write is applied to the account), but its answer never leaves: the
 * connection is destroyed where the response would be sent, as when a network drops it on the way back.
 */
function dropAnswer(req, res) {
  const socket = req.socket;
  let dropped = false;
  const drop = () => {
    if (!dropped) {
      dropped = true;
      socket.destroy();
    }
    return res;
  };
  res.writeHead = drop;
  res.write = () => {
    drop();
    return true;
  };
  res.end = drop;
  res.flushHeaders = drop;
}

/**
 * The request is handled as usual (a write is applied), but its answer is held: nothing is sent and the connection
 * stays open until the client goes (or the faults are cleared). The log entry gets the status it would have had,
 * which tells a test the write was applied.
 */
function holdAnswer(res, entry, faults) {
  faults.hanging.add(res);
  res.on("close", () => faults.hanging.delete(res));
  const hold = () => {
    if (entry.status === null) entry.status = res.statusCode;
    return res;
  };
  res.writeHead = (status) => {
    res.statusCode = status;
    return res;
  };
  res.write = () => true;
  res.end = hold;
  res.flushHeaders = () => res;
}

function dropAllDatabases(account) {
  if (!account) return;
  [...account.databases._data.values()].forEach((db) => {
    const { id } = db.read();
    account.databases.delete(id, id);
  });
  if (account.offers) account.offers.clear();
}

async function handleControl(req, res, path, { server, faults, log }) {
  const route = `${req.method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  try {
    switch (route) {
      case "POST /faults": {
        const body = await readJson(req);
        faults.add(body);
        return sendJson(res, 200, faults.describe());
      }
      case "GET /faults":
        return sendJson(res, 200, faults.describe());
      case "DELETE /faults":
        faults.clear();
        faults.releaseHanging();
        return sendJson(res, 204);
      case "GET /requests":
        return sendJson(res, 200, log.entries);
      case "DELETE /requests":
        log.clear();
        return sendJson(res, 204);
      case "GET /cursors":
        return sendJson(res, 200, cursors.describe());
      case "DELETE /cursors":
        cursors.clear();
        return sendJson(res, 204);
      case "PUT /all-versions": {
        const body = await readJson(req);
        allVersions.enabled = body.enabled !== false;
        return sendJson(res, 200, { enabled: allVersions.enabled });
      }
      case "POST /reset":
        req.resume();
        dropAllDatabases(server.account);
        cursors.clear();
        allVersions.enabled = true;
        return sendJson(res, 204);
      default:
        req.resume();
        return sendJson(res, 404, { code: "NotFound", message: `no control route ${route}` });
    }
  } catch (err) {
    return sendJson(res, 400, { code: "BadRequest", message: err.message });
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = createHttpsServer({ keepAlive: true });
  // Node closes idle keep-alive sockets after 5 s, but the Java SDK keeps pooled connections for 60 s: a
  // request sent on a socket the server is just closing fails with "Connection prematurely closed". Keep
  // idle connections longer than any client's pool does, as the real gateway does.
  server.keepAliveTimeout = 120000;
  server.headersTimeout = 125000;
  const cosmosHandlers = server.listeners("request");
  server.removeAllListeners("request");
  const faults = new FaultSwitch();
  const log = new RequestLog(REQUEST_LOG_SIZE);

  server.on("request", (req, res) => {
    const path = (req.url || "/").split("?")[0];
    if (path.startsWith(CONTROL_PREFIX)) {
      handleControl(req, res, path, { server, faults, log });
      return;
    }
    const entry = log.record(req, path, res);
    const rule = faults.take(req, path);
    if (rule && !APPLIED_FIRST.has(rule.mode)) {
      entry.fault = rule.mode;
      faults.apply(rule, req, res);
      return;
    }
    const denied = args.auth ? checkAuthorization(req, path, args.key) : null;
    if (denied) {
      req.resume();
      sendJson(res, denied.status, denied.body,
        denied.subStatus ? { "x-ms-substatus": String(denied.subStatus) } : {});
      return;
    }
    if (rule) {
      entry.fault = rule.mode;
      if (rule.mode === "applyThenHold") {
        holdAnswer(res, entry, faults);
      } else {
        dropAnswer(req, res);
      }
    }
    cosmosHandlers.forEach((handler) => handler.call(server, req, res));
  });

  const stop = () => {
    faults.releaseHanging();
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  if (!args.detached) {
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.on("error", stop);
    process.stdin.resume();
  }

  server.on("error", (err) => {
    process.stderr.write(`cosmosdb-server failed: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(args.port, args.host, () => {
    const { port } = server.address();
    const host = args.host.includes(":") ? `[${args.host}]` : args.host;
    process.stdout.write(`cosmosdb-server listening on https://${host}:${port}\n`);
  });
}

main();
