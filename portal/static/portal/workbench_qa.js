// The workbench's QA findings (portal.editorial.qa), checked again by the server while
// the translator types: half a second after the last key, the field's text is posted
// to the list's data-qa-url (with the page's CSRF token) and the list rebuilt from the
// JSON answer. The rich-text editor keeps its textarea up to date and fires "input".
(function () {
  "use strict";

  const DELAY = 500;

  function field(target) {
    return target.querySelector("textarea, input[type=text]");
  }

  function item(finding, list) {
    const line = document.createElement("li");
    line.className = "qa-" + finding.severity;
    const label = document.createElement("strong");
    label.textContent = list.dataset["label" + (finding.severity === "error" ? "Error" : "Warning")];
    line.append(label);
    if (finding.segment !== null) {
      const where = document.createElement("span");
      where.className = "qa-where";
      where.textContent = list.dataset.labelSentence.replace("{n}", finding.segment + 1);
      line.append(where);
    }
    line.append(" " + finding.message);
    if (!finding.message.includes(finding.fragment)) {
      const code = document.createElement("code");
      code.textContent = finding.fragment;
      line.append(" ", code);
    }
    return line;
  }

  function show(list, findings) {
    list.replaceChildren(...findings.map((finding) => item(finding, list)));
    list.hidden = findings.length === 0;
  }

  // A slow answer for an older text must never replace newer findings: each field's
  // previous request is aborted when a new one starts (`signal`), and an answer is
  // shown only if its request is still the field's latest.
  async function check(list, input, token, signal) {
    const body = new FormData();
    body.append("model", list.dataset.qaModel);
    body.append("pk", list.dataset.qaPk);
    body.append("field", list.dataset.qaField);
    body.append("language", list.dataset.qaLanguage);
    body.append("text", input.value);
    try {
      const response = await fetch(list.dataset.qaUrl, {
        method: "POST",
        body: body,
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
        signal: signal,
      });
      const answer = response.ok ? await response.json() : null;
      if (answer && !signal.aborted) {
        show(list, answer.findings);
      }
    } catch (error) {
      // Aborted for a newer text, offline or signed out: the findings shown stay.
    }
  }

  function watchQa(list) {
    const target = list.closest(".workbench-target");
    const input = target && field(target);
    const token = document.querySelector("#workbench_form input[name=csrfmiddlewaretoken]");
    if (!input || !token) {
      return;
    }
    let timer = null;
    let request = null;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (request) {
          request.abort();
        }
        request = new AbortController();
        check(list, input, token.value, request.signal);
      }, DELAY);
    };
    ["input", "change"].forEach((name) => target.addEventListener(name, later));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".qa-findings[data-qa-url]").forEach(watchQa);
  });
})();
