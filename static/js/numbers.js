// Numbers the page's way (<html lang>): read what is typed with the language's separators, as the server
// does (core/numbers.py), and write totals with Intl.NumberFormat. Amounts are whole cents (BigInt):
// no float drift. Anything the language cannot read for sure gives null (the server explains on save).
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var parts = new Intl.NumberFormat(lang, { useGrouping: "always" }).formatToParts(1234567.5);
  function sign(type, fallback) {
    for (var i = 0; i < parts.length; i++) { if (parts[i].type === type) { return parts[i].value; } }
    return fallback;
  }
  var group = sign("group", ",");
  var decimal = sign("decimal", ".");
  function escape(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  var pattern = new RegExp("^(?:(?:\\d{1,3}(?:" + escape(group) + "\\d{3})+|\\d+)(?:" + escape(decimal) +
    "(\\d+))?|" + escape(decimal) + "(\\d+))$");

  // "12.000,50" (es) -> 1200050n cents with places=2; null when not a number the page's way.
  function parseCents(text, places) {
    places = places === undefined ? 2 : places;
    var s = String(text || "").trim();
    if (!s) { return null; }
    var negative = s.charAt(0) === "-" || s.charAt(0) === "\u2212";
    if (negative) { s = s.slice(1); }
    s = s.replace(/[\s\u00a0\u202f\u2009\u2007]/g, group);
    var m = pattern.exec(s);
    if (!m) { return null; }
    var fraction = m[1] || m[2] || "";
    if (fraction.length > places) { return null; }
    var whole = s.split(decimal)[0].split(group).join("") || "0";
    var digits = whole + (fraction + "0".repeat(places)).slice(0, places);
    var cents = BigInt(digits);
    return negative ? -cents : cents;
  }

  function decimalString(cents, places) {
    var negative = cents < 0n;
    var abs = negative ? -cents : cents;
    var text = abs.toString().padStart(places + 1, "0");
    var out = places ? text.slice(0, -places) + "." + text.slice(-places) : text;
    return (negative ? "-" : "") + out;
  }

  // 2500000n cents, "CHF" -> "CHF 25,000.00" (en), "25.000,00 CHF" (es), "25 000,00 CHF" (fr).
  function formatCents(cents, currency, places) {
    places = places === undefined ? 2 : places;
    var options = { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: "always" };
    if (currency) {
      try {
        return new Intl.NumberFormat(lang, Object.assign({ style: "currency", currency: currency }, options))
          .format(decimalString(cents, places));
      } catch (e) { /* not an ISO currency: number and code */ }
    }
    var number = new Intl.NumberFormat(lang, options).format(decimalString(cents, places));
    return currency ? number + " " + currency : number;
  }

  window.Numbers = { lang: lang, group: group, decimal: decimal, parseCents: parseCents, formatCents: formatCents };
})();
