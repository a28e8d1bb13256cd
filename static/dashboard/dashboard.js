// Dashboard behaviours (no inline scripts: the Content Security Policy forbids them).
document.querySelectorAll(".js-print").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
