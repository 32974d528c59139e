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

  // The translation memory: a segment of the original is current once clicked or
  // focused (or, typing in a translation, its row's first segment not yet used);
  // a match's button or Alt+1..3 (Alt+1: the best) inserts it at the cursor.
  // (Ctrl+Enter saves: workbench_keys.js.)
  let current = null;
  let lastTarget = null;

  function setCurrent(segment) {
    if (current) {
      current.classList.remove("memory-current");
    }
    current = segment;
    if (current) {
      current.classList.add("memory-current");
    }
  }

  function targetOf(segment) {
    const panel = segment.closest(".workbench-memory");
    const row = segment.closest(".workbench-row");
    const editor = row.querySelector(".workbench-target [contenteditable=true]");
    return editor || document.getElementById(panel.dataset.target);
  }

  function insert(button) {
    const segment = button.closest(".memory-segment");
    const target = targetOf(segment);
    if (!target) {
      return;
    }
    const language = target.closest("[lang]").getAttribute("lang") || "";
    const text = button.dataset.text + (language.startsWith("zh") ? "" : " ");
    target.focus();
    if (target.isContentEditable) {
      document.execCommand("insertText", false, text);
    } else {
      target.setRangeText(text, target.selectionStart, target.selectionEnd, "end");
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }
    segment.classList.add("memory-used");
    setCurrent(segment);
  }

  function segmentForKeys() {
    const row = document.activeElement && document.activeElement.closest(".workbench-row");
    if (current && (!row || row.contains(current))) {
      return current;
    }
    const scope = row || (lastTarget && lastTarget.closest(".workbench-row"));
    return scope ? scope.querySelector(".memory-segment:not(.memory-used)") : null;
  }

  function onKey(event) {
    const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    const number = plainAlt ? "123".indexOf(event.key) : -1;
    if (number < 0) {
      return;
    }
    const segment = segmentForKeys();
    const buttons = segment ? segment.querySelectorAll(".memory-insert") : [];
    const button = buttons[number];
    if (button) {
      event.preventDefault();
      insert(button);
    }
  }

  function watchMemory() {
    document.querySelectorAll(".memory-segment").forEach((segment) => {
      segment.addEventListener("focus", () => setCurrent(segment));
      segment.addEventListener("click", () => setCurrent(segment));
    });
    document.querySelectorAll(".memory-insert").forEach((button) => {
      button.addEventListener("click", (event) => {
        event.stopPropagation();
        insert(button);
      });
    });
    document.querySelectorAll(".workbench-target").forEach((target) => {
      target.addEventListener("focusin", () => {
        lastTarget = target;
        if (current && !target.closest(".workbench-row").contains(current)) {
          setCurrent(null);
        }
      });
    });
    document.addEventListener("keydown", onKey);
  }

  document.addEventListener("DOMContentLoaded", () => {
    watchMemory();
    document.querySelectorAll(".workbench-row[data-required]").forEach(watch);
    nameEditors();
    new MutationObserver(nameEditors).observe(document.body, { childList: true, subtree: true });
  });
})();
