// newsprism web: progressive enhancement only; every page works without this file.
// Polls an ingest job's JSON twin every 500 ms and redraws its progress and results.
"use strict";

(function () {
  const POLL_MS = 500;

  function resultItem(result) {
    const li = document.createElement("li");
    li.className = ["ok", "duplicate", "failed"].includes(result.status) ? result.status : "failed";
    const input = document.createElement("span");
    input.className = "input";
    input.textContent = result.input;
    const status = document.createElement("span");
    status.className = "status";
    status.textContent = result.status;
    li.append(input, " ", status);
    if (result.reason) {
      const reason = document.createElement("span");
      reason.className = "reason";
      reason.textContent = result.reason;
      li.append(" ", reason);
    }
    return li;
  }

  function storyItem(id) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.className = "story-link";
    a.href = "/stories/" + encodeURIComponent(id);
    a.textContent = "story " + id;
    li.append(a);
    return li;
  }

  function draw(progress, data) {
    progress.max = Math.max(1, data.total);
    progress.value = data.done;
    progress.dataset.state = data.state;
    const state = document.getElementById("ingest-state");
    if (state) {
      state.textContent = data.done + " of " + data.total + " inputs read · " +
        (data.state === "done" ? "done" : "running (analysis and grouping follow)");
    }
    document.getElementById("ingest-results").replaceChildren(...data.results.map(resultItem));
    const stories = document.getElementById("ingest-stories");
    if (stories) {
      stories.replaceChildren(...data.stories.map(storyItem));
    }
  }

  function poll(progress) {
    const url = "/api/ingest/" + encodeURIComponent(progress.dataset.job);
    fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        draw(progress, data);
        if (data.state !== "done") {
          window.setTimeout(() => poll(progress), POLL_MS);
        }
      })
      .catch(() => window.setTimeout(() => poll(progress), POLL_MS * 4));
  }

  document.addEventListener("DOMContentLoaded", () => {
    const progress = document.getElementById("ingest-progress");
    if (progress && progress.dataset.state !== "done") {
      window.setTimeout(() => poll(progress), POLL_MS);
    }
  });
})();
