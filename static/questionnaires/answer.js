// Warn before leaving the answer form with changes that are neither saved nor submitted.
(function () {
  var form = document.querySelector(".js-answer-form");
  if (!form) { return; }
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = form.dataset.unsaved; }
  });
  var problems = document.getElementById("problems");
  if (problems) { problems.focus(); }
})();
