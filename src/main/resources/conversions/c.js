/* Chorus conversions: docs/conversions.md */
(function (w, d) {
  var s = d.currentScript, K = "chorus_click", u = new URL(s.src), base = u.origin,
    key = s.getAttribute("data-key") || u.searchParams.get("key"), days = 0/*days*/;
  var id = null, code = null;
  try {
    var p = new URLSearchParams(w.location.search), ss = w.sessionStorage;
    id = p.get(K);
    if (p.get("utm_medium") == "employee_advocacy") code = p.get("utm_content");
    if (id || code) { ss.setItem(K, id || ""); ss.setItem("chorus_code", code || ""); }
    else { id = ss.getItem(K); code = ss.getItem("chorus_code"); }
    if (days && p.get(K)) d.cookie = K + "=" + encodeURIComponent(id) + ";Max-Age=" + days * 86400
      + ";Path=/;SameSite=Lax" + (w.location.protocol == "https:" ? ";Secure" : "");
    else if (days && !id && !code) id = (d.cookie.match(/(?:^|; )chorus_click=([^;]+)/) || [])[1] || null;
  } catch (e) {}
  function conversion(c) {
    var body = id ? { clickId: id } : { code: code };
    body.type = c.type;
    ["value", "currency", "occurredAt", "externalId"].forEach(function (f) { if (c[f] != null) body[f] = c[f]; });
    if (!id && !code) return Promise.resolve(null);
    return fetch(base + "/api/v1/conversions", {
      method: "POST", keepalive: true, credentials: "omit",
      headers: { "Authorization": "Bearer " + key, "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) { return r.ok ? r.json() : null; }, function () { return null; });
  }
  var q = w.chorus && w.chorus.q;
  w.chorus = { clickId: function () { return id; }, conversion: conversion };
  if (q) q.forEach(conversion);
  var t = s.getAttribute("data-conversion");
  if (t) {
    var v = s.getAttribute("data-value");
    conversion({ type: t, value: v == null ? null : Number(v), currency: s.getAttribute("data-currency"),
      externalId: s.getAttribute("data-external-id") });
  }
})(window, document);
