// newsprism web: progressive enhancement only; every page works without this file.
// Polls an ingest job's JSON twin every 500 ms and redraws its progress, stages and results.
"use strict";

(function () {
  const POLL_MS = 500;
  const FINISHED = ["done", "failed"];
  const STATUSES = ["ok", "duplicate", "failed", "partial", "skipped", "pending", "running"];

  function span(cls, text) {
    const s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function cell(cls, text) {
    const td = document.createElement("td");
    td.className = cls;
    td.textContent = text;
    return td;
  }

  function resultItem(result) {
    const li = document.createElement("li");
    li.className = STATUSES.includes(result.status) ? result.status : "failed";
    li.append(span("input", result.input), " ", span("status", result.status));
    if (result.reason) {
      li.append(" ", span("reason", result.reason));
    }
    return li;
  }

  function stageRow(stage) {
    const tr = document.createElement("tr");
    tr.className = "stage " + (STATUSES.includes(stage.status) ? stage.status : "failed");
    tr.dataset.stage = stage.name;
    tr.append(
      cell("name", stage.name),
      cell("status", stage.status),
      cell("count", String(stage.count)),
      cell("failed", String(stage.failed)),
      cell("seconds", stage.seconds === null ? "" : stage.seconds.toFixed(1)),
      cell("reason", stage.reason || ""),
    );
    return tr;
  }

  function failureItem(failure) {
    const li = document.createElement("li");
    li.className = "failed";
    const a = document.createElement("a");
    a.className = "article-link";
    a.href = "/articles/" + encodeURIComponent(failure.article);
    a.textContent = failure.article;
    li.append(a);
    if (failure.input) {
      li.append(" ", span("input", failure.input));
    }
    li.append(" ", span("reason", failure.reason));
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

  function replace(id, items) {
    const list = document.getElementById(id);
    if (list) {
      list.replaceChildren(...items);
    }
  }

  function draw(progress, data) {
    progress.max = Math.max(1, data.total);
    progress.value = data.done;
    progress.dataset.state = data.state;
    const state = document.getElementById("ingest-state");
    if (state) {
      state.className = data.state;
      state.textContent = data.done + " of " + data.total + " inputs read · " + data.state;
    }
    const reason = document.getElementById("ingest-reason");
    if (reason) {
      reason.textContent = data.reason || "";
      reason.hidden = !data.reason;
    }
    const stages = document.querySelector("#ingest-stages tbody");
    if (stages) {
      stages.replaceChildren(...data.stages.map(stageRow));
    }
    replace("ingest-results", data.results.map(resultItem));
    replace("analysis-failures", data.analysis_failures.map(failureItem));
    replace("ingest-stories", data.stories.map(storyItem));
  }

  function poll(progress) {
    const url = "/api/ingest/" + encodeURIComponent(progress.dataset.job);
    fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        draw(progress, data);
        if (!FINISHED.includes(data.state)) {
          window.setTimeout(() => poll(progress), POLL_MS);
        }
      })
      .catch(() => window.setTimeout(() => poll(progress), POLL_MS * 4));
  }

  document.addEventListener("DOMContentLoaded", () => {
    const progress = document.getElementById("ingest-progress");
    if (progress && !FINISHED.includes(progress.dataset.state)) {
      window.setTimeout(() => poll(progress), POLL_MS);
    }
  });
})();
