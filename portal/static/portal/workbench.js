// The workbench's official-name warning, kept up to date while the translator types.
// The server gives each row its required renderings (data-required, "|"-separated)
// and checks them again on every page; this only saves a round trip.
(function () {
  "use strict";

  function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function contains(text, term, language) {
    if (language.startsWith("zh")) {
      return text.includes(term);
    }
    const pattern = new RegExp("(?<![\\p{L}\\p{N}_])" + escape(term) + "(?![\\p{L}\\p{N}_])", "iu");
    return pattern.test(text);
  }

  function translation(row) {
    const editor = row.querySelector(".workbench-target [contenteditable=true]");
    if (editor) {
      return editor.textContent;
    }
    const field = row.querySelector(".workbench-target textarea, .workbench-target input[type=text]");
    return field ? field.value : "";
  }

  function check(row) {
    const required = row.dataset.required.split("|").filter(Boolean);
    const text = translation(row).trim();
    const lacking = text ? required.filter((term) => !contains(text, term, row.dataset.language)) : [];
    const warning = row.querySelector(".workbench-warning");
    warning.querySelector(".workbench-lacking").textContent = lacking.join(", ");
    warning.hidden = lacking.length === 0;
  }

  function watch(row) {
    const target = row.querySelector(".workbench-target");
    ["input", "keyup", "change"].forEach((name) => target.addEventListener(name, () => check(row)));
  }

  // The rich-text editor replaces its textarea with an editable area once it has
  // loaded: give that area the field's label, as the textarea had.
  function nameEditors() {
    document.querySelectorAll(".workbench-target").forEach((target) => {
      const editable = target.querySelector("[contenteditable=true]:not([aria-label])");
      const label = target.querySelector("label");
      if (editable && label) {
        editable.setAttribute("aria-label", label.textContent.trim());
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".workbench-row[data-required]").forEach(watch);
    nameEditors();
    new MutationObserver(nameEditors).observe(document.body, { childList: true, subtree: true });
  });
})();
