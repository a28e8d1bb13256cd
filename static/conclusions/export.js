// "Export all languages": poll the batch's JSON status and show progress, then the ZIP download.
(function () {
  var box = document.querySelector("[data-batch-status-url]");
  if (!box) { return; }
  var bar = box.querySelector("[data-progress-bar]");
  var text = box.querySelector("[data-progress-text]");
  var download = box.querySelector("[data-download]");
  var link = box.querySelector("[data-download-link]");
  var progress = box.querySelector("[role=progressbar]");
  var url = box.dataset.batchStatusUrl;
  var delay = 1000;

  function show(data) {
    bar.style.width = data.percent + "%";
    bar.textContent = data.percent + "%";
    progress.setAttribute("aria-valuenow", data.percent);
    var line = data.status_label + " · " + data.done + " / " + data.total;
    if (data.error) { line += " · " + data.error; }
    text.textContent = line;
    if (data.status === "done") {
      bar.classList.remove("progress-bar-striped", "progress-bar-animated");
      bar.classList.add("bg-success");
      link.href = data.download_url;
      download.hidden = false;
    } else if (data.status === "failed") {
      bar.classList.remove("progress-bar-striped", "progress-bar-animated");
      bar.classList.add("bg-danger");
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        show(data);
        if (data.status === "pending" || data.status === "running") {
          delay = Math.min(delay * 1.3, 5000);
          window.setTimeout(poll, delay);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  bar.style.width = (progress.getAttribute("aria-valuenow") || 0) + "%";
  poll();
})();
