// Meetings: progress bar widths from data attributes (no inline styles or scripts), and the
// "Add a State" button of the bilateral series form.
document.querySelectorAll(".meetings-share").forEach(function (bar) {
  var share = parseInt(bar.dataset.share || "0", 10);
  bar.style.width = Math.max(0, Math.min(100, share)) + "%";
});

document.querySelectorAll("[data-formset-add]").forEach(function (button) {
  var prefix = button.dataset.formsetAdd;
  var template = document.getElementById(prefix + "-empty");
  var target = document.getElementById(prefix + "-rows");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  if (!template || !target || !total) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    var holder = document.createElement("tbody");
    holder.innerHTML = html.trim();
    var row = holder.firstElementChild;
    target.appendChild(row);
    total.value = String(index + 1);
    var first = row.querySelector("select, input");
    if (first) { first.focus(); }
  });
});
