// Accessions and withdrawals: fill in the date the Convention gives (Article 17 or 20) as soon as the
// deposit or notification is typed, unless the ISU typed its own; the server applies the same rule.
(function () {
  function iso(y, m, d) {
    return y + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
  }
  function addMonths(y, m, d, months) {
    var index = m - 1 + months;
    var year = y + Math.floor(index / 12), month = (index % 12) + 1;
    var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return iso(year, month, Math.min(d, last));
  }
  var rules = {
    // first day of the sixth month after the deposit, never before 1 March 1999
    article17: function (y, m) { var v = addMonths(y, m, 1, 6); return v < "1999-03-01" ? "1999-03-01" : v; },
    // six months after the notification
    article20: function (y, m, d) { return addMonths(y, m, d, 6); }
  };
  document.querySelectorAll("input[data-rule]").forEach(function (source) {
    var rule = source.getAttribute("data-rule");
    var target = source.form && source.form.querySelector('input[data-rule-target="' + rule + '"]');
    if (!target || !rules[rule]) { return; }
    var filled = "";
    source.addEventListener("change", function () {
      var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(source.value);
      if (!parts || (target.value && target.value !== filled)) { return; }
      filled = rules[rule](+parts[1], +parts[2], +parts[3]);
      target.value = filled;
    });
  });
})();
