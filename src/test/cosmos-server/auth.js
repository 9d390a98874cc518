"use strict";
// Checks the authorization header the way Cosmos DB does, so a wrong key answers 401 like the real
// service and the emulator: master-key signatures are verified against the server's key; AAD tokens
// (type=aad) are accepted as they are (there is no identity provider here), resource tokens refused.
const crypto = require("crypto");

function parseAuthorization(raw) {
  if (!raw) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch (e) {
    decoded = raw;
  }
  const parts = {};
  for (const part of decoded.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
  }
  return parts;
}

/** resourceType and resourceLink candidates for a request path, as the SDKs sign them. */
function signingTargets(pathname) {
  const raw = pathname.replace(/^\/+|\/+$/g, "");
  if (raw === "") return [{ type: "", link: "" }];
  const encodedSegments = raw.split("/");
  const variants = [encodedSegments];
  try {
    const decoded = encodedSegments.map((s) => decodeURIComponent(s));
    if (decoded.join("/") !== raw) variants.unshift(decoded);
  } catch (e) {
    // keep the encoded form only
  }
  const targets = [];
  for (const segments of variants) {
    if (segments.length % 2 === 0) {
      // a resource: dbs/{db}/colls/{coll}/docs/{id}
      const type = segments[segments.length - 2];
      targets.push({ type, link: segments.join("/") });
      // addressed by _rid, the SDKs sign the resource's own rid, lower-cased
      targets.push({ type, link: segments[segments.length - 1].toLowerCase() });
    } else {
      // a feed: dbs/{db}/colls/{coll}/docs
      const type = segments[segments.length - 1];
      targets.push({ type, link: segments.slice(0, -1).join("/") });
      if (segments.length > 1) targets.push({ type, link: segments[segments.length - 2].toLowerCase() });
    }
  }
  return targets;
}

function sign(key, verb, type, link, date) {
  const payload = `${verb.toLowerCase()}\n${type.toLowerCase()}\n${link}\n${date.toLowerCase()}\n\n`;
  return crypto.createHmac("sha256", Buffer.from(key, "base64")).update(payload, "utf8").digest("base64");
}

/**
 * Creating, replacing or deleting databases and containers, and changing throughput (offers): the operations an
 * Entra ID token cannot do over the data plane.
 */
function isControlPlaneWrite(method, pathname, isQuery) {
  const parts = pathname.split("/").filter((part) => part.length > 0);
  if (method === "GET" || method === "HEAD") {
    return false;
  }
  if (parts[0] === "offers") {
    // a query of the offers (reading throughput) is a read; replacing one is not
    return method === "PUT" || (method === "POST" && !isQuery);
  }
  if (parts[0] !== "dbs") {
    return false;
  }
  if (parts.length === 1) {
    return method === "POST"; // create database
  }
  if (parts.length === 2) {
    return method === "PUT" || method === "DELETE"; // replace / delete database
  }
  if (parts.length === 3 && parts[2] === "colls") {
    return method === "POST"; // create container
  }
  if (parts.length === 4 && parts[2] === "colls") {
    return method === "PUT" || method === "DELETE"; // replace / delete container
  }
  return false;
}

/**
 * Returns null when the request may proceed, or { status, body } to answer instead.
 */
function checkAuthorization(req, pathname, key) {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth || !auth.type) {
    return { status: 401, body: { code: "Unauthorized", message: "Required Header authorization is missing. Ensure a valid Authorization token is passed." } };
  }
  const type = auth.type.toLowerCase();
  if (type === "aad") {
    if (!auth.sig) {
      return { status: 401, body: { code: "Unauthorized", message: "AAD token is missing." } };
    }
    if (isControlPlaneWrite(req.method, pathname, String(req.headers["x-ms-documentdb-isquery"]).toLowerCase() === "true"
        || req.headers["content-type"] === "application/query+json")) {
      // the real service: data-plane RBAC does not cover these; they need the control plane (ARM) or the key
      return {
        status: 403,
        subStatus: 5300,
        body: {
          code: "Forbidden",
          message: `Request blocked by Auth: The given request [${req.method} ${pathname}] cannot be authorized by AAD token in data plane. Learn more: https://aka.ms/cosmos-native-rbac.`
        }
      };
    }
    return null;
  }
  if (type !== "master") {
    return { status: 401, body: { code: "Unauthorized", message: `Authorization type '${auth.type}' is not supported by this server.` } };
  }
  const date = req.headers["x-ms-date"] || req.headers.date || "";
  const verb = req.method;
  const given = auth.sig || "";
  for (const target of signingTargets(pathname)) {
    const expected = sign(key, verb, target.type, target.link, date);
    if (expected.length === given.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      return null;
    }
  }
  if (process.env.COSMOS_SERVER_DEBUG_AUTH) {
    require("fs").appendFileSync(process.env.COSMOS_SERVER_DEBUG_AUTH, `auth mismatch: ${verb} ${pathname} date=${date} targets=${JSON.stringify(signingTargets(pathname))} headers=${JSON.stringify(Object.keys(req.headers))}\n`);
  }
  return {
    status: 401,
    body: {
      code: "Unauthorized",
      message: "The input authorization token can't serve the request. The wrong key is being used or the expected payload is not built as per the protocol."
    }
  };
}

module.exports = { checkAuthorization, signingTargets, parseAuthorization, isControlPlaneWrite };
