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

  async function check(list, input, token) {
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
      });
      if (response.ok) {
        show(list, (await response.json()).findings);
      }
    } catch (error) {
      // Offline or signed out: the findings shown stay those of the last check.
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
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => check(list, input, token.value), DELAY);
    };
    ["input", "change"].forEach((name) => target.addEventListener(name, later));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".qa-findings[data-qa-url]").forEach(watchQa);
  });
})();
